import { randomUUID } from 'node:crypto';
import { checkToken, type Identity } from './auth';
import { authorizeTopic, type Policies } from './authorize';
import { type ChangeBinding, parseBindings } from './bindings';
import { fanOut } from './broadcast';
import type { RealtimeContext } from './context';
import { Hub } from './hub';
import type { DecodedFrame, UserBroadcast } from './serializer';
import type { Connection } from './socket';

export interface ChannelConfig {
  self: boolean;
  ack: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  isPrivate: boolean;
}

/** Upstream's confirm_token re-checks the token at least every five minutes. */
const CONFIRM_TOKEN_MS = 5 * 60_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** One joined `realtime:<name>` topic on one socket (RealtimeWeb.RealtimeChannel). */
export class Channel {
  readonly subTopic: string;
  readonly hubKey: string;
  private closed = false;
  private confirmTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly rt: RealtimeContext,
    readonly conn: Connection,
    readonly topic: string,
    readonly joinRef: string | null,
    readonly config: ChannelConfig,
    readonly changeBindings: ChangeBinding[],
    public identity: Identity,
    public policies: Policies | null,
  ) {
    this.subTopic = topic.slice('realtime:'.length);
    this.hubKey = Hub.key(topic, config.isPrivate);
  }

  canReceiveBroadcast(): boolean {
    return !this.policies || this.policies.broadcast.read;
  }

  receivesPresence(): boolean {
    return this.config.presenceEnabled && (!this.policies || this.policies.presence.read);
  }

  /** Handles phx_join; replies and returns the channel, or replies with the error and returns null. */
  static async join(rt: RealtimeContext, conn: Connection, frame: DecodedFrame): Promise<Channel | null> {
    const payload = obj(frame.payload);
    const config = obj(payload.config);
    const subTopic = frame.topic.slice('realtime:'.length);
    const fail = (reason: string) => {
      conn.reply(frame, 'error', { reason });
      return null;
    };
    if (!subTopic) return fail('TopicNameRequired: You must provide a topic name');

    const token = pickToken(payload.access_token ?? payload.user_token) ?? conn.socketToken;
    const checked = await checkToken(token);
    if (!checked.ok) return fail(`${checked.code}: ${checked.message}`);

    const broadcast = obj(config.broadcast);
    const presence = obj(config.presence);
    const isPrivate = config.private === true;
    const channelConfig: ChannelConfig = {
      self: broadcast.self === true,
      ack: broadcast.ack === true,
      presenceKey: typeof presence.key === 'string' && presence.key !== '' ? presence.key : randomUUID(),
      presenceEnabled: presence.enabled === true,
      isPrivate,
    };

    let policies: Policies | null = null;
    if (isPrivate) {
      policies = await authorizeTopic(rt.stack.apiPool, subTopic, checked.identity, conn.headers);
      if (!policies.broadcast.read) {
        return fail(`Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}`);
      }
    }

    const bindings = parseBindings(config.postgres_changes);
    // postgres_changes_options.wait: hold the join reply until the subscription is live (or refuse the join).
    const pgOptions = obj(config.postgres_changes_options);
    const wait = (pgOptions.wait === true || pgOptions.wait === 'true') && bindings.length > 0;
    if (wait) {
      const asked = typeof pgOptions.timeout === 'number' && pgOptions.timeout > 0 ? pgOptions.timeout : 15_000;
      const outcome = await withTimeout(
        rt.changes.prepare(bindings, { requirePublication: true }),
        Math.min(asked, 20_000),
      );
      if (outcome === 'timeout') {
        return fail('PostgresChangesSubscribeTimeout: Timed out waiting for the postgres_changes subscription');
      }
      const error = outcome.find((e) => e !== null);
      if (error) return fail(`RealtimeDisabledForConfiguration: ${error}`);
    }
    // Phoenix closes an existing channel on the same topic before a new join takes its place.
    conn.channels.get(frame.topic)?.close(true);
    if (conn.closed) return null;

    const channel = new Channel(
      rt,
      conn,
      frame.topic,
      frame.joinRef,
      channelConfig,
      bindings,
      checked.identity,
      policies,
    );
    conn.channels.set(frame.topic, channel);
    rt.hub.add(channel);
    channel.scheduleConfirm();
    conn.reply(frame, 'ok', {
      postgres_changes: bindings.map((b) => ({ ...b.params, id: b.id })),
    });
    if (channel.receivesPresence()) channel.pushPresenceState();
    if (wait) channel.pushSubscribed();
    else if (bindings.length > 0) void channel.subscribeChanges();
    return channel;
  }

  private async subscribeChanges(): Promise<void> {
    let errors: (string | null)[];
    try {
      errors = await this.rt.changes.prepare(this.changeBindings);
    } catch (error) {
      errors = this.changeBindings.map(() => (error instanceof Error ? error.message : String(error)));
    }
    if (this.closed) return;
    const failed = errors.find((e) => e !== null);
    if (failed) {
      this.push('system', { extension: 'postgres_changes', status: 'error', message: failed, channel: this.subTopic });
    } else {
      this.pushSubscribed();
    }
  }

  private pushSubscribed(): void {
    this.push('system', {
      extension: 'postgres_changes',
      status: 'ok',
      message: 'Subscribed to PostgreSQL',
      channel: this.subTopic,
    });
  }

  private pushPresenceState(): void {
    this.push('presence_state', this.rt.presence.state(this.hubKey));
  }

  /** A server push on this channel (carries the join ref on v2, as Phoenix's `push/3` does). */
  push(event: string, payload: unknown): void {
    this.conn.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event, payload });
  }

  async handle(frame: DecodedFrame): Promise<void> {
    switch (frame.event) {
      case 'broadcast':
        return this.handleBroadcast(frame);
      case 'presence':
        return this.handlePresence(frame);
      case 'access_token':
        return this.handleAccessToken(obj(frame.payload).access_token);
      case 'phx_leave':
        this.conn.reply(frame, 'ok', {});
        this.close(true);
        return;
      default:
        // Upstream logs unexpected client events and carries on.
        return;
    }
  }

  private handleBroadcast(frame: DecodedFrame): void {
    let message: UserBroadcast | undefined = frame.broadcast;
    if (!message) {
      const payload = obj(frame.payload);
      if (typeof payload.event !== 'string') {
        if (frame.ref) this.conn.reply(frame, 'error', { reason: 'broadcast needs an event name' });
        return;
      }
      message = { event: payload.event, json: payload.payload ?? {}, encoding: 'json' };
    }
    // Without broadcast-write on a private channel the message is dropped (upstream ignores it silently).
    const allowed = !this.policies || this.policies.broadcast.write;
    if (allowed) {
      fanOut(this.rt.hub, {
        topic: this.topic,
        message: { ...message, meta: undefined },
        isPrivate: this.config.isPrivate,
        binaryForV2: !!frame.broadcast,
        sender: this,
      });
    }
    if (this.config.ack) this.conn.reply(frame, 'ok', {});
  }

  private handlePresence(frame: DecodedFrame): void {
    const payload = obj(frame.payload);
    if (this.policies && !this.policies.presence.write) {
      this.conn.reply(frame, 'error', {
        reason: `Unauthorized: You do not have permissions to track presence on this Channel topic: ${this.subTopic}`,
      });
      return;
    }
    if (payload.event === 'track') {
      // Tracking makes the channel a presence participant even if it joined without presence enabled.
      if (!this.config.presenceEnabled) {
        this.config.presenceEnabled = true;
        if (this.receivesPresence()) this.pushPresenceState();
      }
      this.rt.presence.track(this, obj(payload.payload));
      this.conn.reply(frame, 'ok', {});
    } else if (payload.event === 'untrack') {
      this.rt.presence.untrack(this);
      this.conn.reply(frame, 'ok', {});
    } else {
      this.conn.reply(frame, 'error', { reason: 'presence event must be track or untrack' });
    }
  }

  private async handleAccessToken(value: unknown): Promise<void> {
    const token = pickToken(value);
    if (!token || token === this.identity.token) return;
    const checked = await checkToken(token);
    if (this.closed) return;
    if (!checked.ok) return this.shutdown(checked.message);
    if (this.config.isPrivate) {
      const policies = await authorizeTopic(this.rt.stack.apiPool, this.subTopic, checked.identity, this.conn.headers);
      if (this.closed) return;
      if (!policies.broadcast.read) {
        return this.shutdown(`You do not have permissions to read from this Channel topic: ${this.subTopic}`);
      }
      this.policies = policies;
    }
    // postgres_changes read `identity` per event, so later changes are checked with the new claims.
    this.identity = checked.identity;
    this.scheduleConfirm();
  }

  private scheduleConfirm(): void {
    clearTimeout(this.confirmTimer);
    const msLeft = this.identity.exp * 1000 - Date.now();
    // Just past expiry, so the check sees the token as expired.
    const delay = Math.max(0, Math.min(CONFIRM_TOKEN_MS, msLeft + 50));
    this.confirmTimer = setTimeout(() => void this.confirmToken(), delay);
    this.confirmTimer.unref();
  }

  private async confirmToken(): Promise<void> {
    if (this.closed) return;
    const checked = await checkToken(this.identity.token);
    if (this.closed) return;
    if (!checked.ok) return this.shutdown(checked.message);
    this.scheduleConfirm();
  }

  /** Upstream's shutdown_response: a system error the client can show, then phx_close. */
  shutdown(message: string): void {
    if (this.closed) return;
    this.push('system', { extension: 'system', status: 'error', message, channel: this.subTopic });
    this.close(true);
  }

  /** Leaves the topic; `notify` sends phx_close as Phoenix does when a channel process stops. */
  close(notify: boolean): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.confirmTimer);
    if (this.conn.channels.get(this.topic) === this) this.conn.channels.delete(this.topic);
    this.rt.hub.remove(this);
    this.rt.presence.untrack(this);
    if (notify)
      this.conn.send({ joinRef: this.joinRef, ref: this.joinRef, topic: this.topic, event: 'phx_close', payload: {} });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Join/refresh token: the socket's key stands in for absent values and opaque `sb_` keys. */
function pickToken(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && !value.startsWith('sb_') ? value : null;
}
