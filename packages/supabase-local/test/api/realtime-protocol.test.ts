import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PUBLISHABLE_KEY } from '../../src/keys';
import { stackInfo } from '../../src/testing/clients';
import { uniqueTopic } from './realtime-helpers';

type Msg = {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
} & {
  binary?: Buffer;
};

const sockets: RawSocket[] = [];
afterEach(() => {
  for (const s of sockets.splice(0)) s.ws.terminate();
});

/** A bare Phoenix client, to send what realtime-js never would. */
class RawSocket {
  readonly messages: Msg[] = [];
  private waiters: (() => void)[] = [];
  private ref = 0;

  constructor(
    readonly ws: WebSocket,
    readonly vsn: '1.0.0' | '2.0.0',
  ) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.messages.push(isBinary ? decodeUserBroadcast(data) : this.decode(data.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(vsn: '1.0.0' | '2.0.0', apikey = stackInfo().anonKey): Promise<RawSocket> {
    const ws = new WebSocket(`${wsUrl()}?apikey=${encodeURIComponent(apikey)}&vsn=${vsn}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const socket = new RawSocket(ws, vsn);
    sockets.push(socket);
    return socket;
  }

  private decode(text: string): Msg {
    const parsed = JSON.parse(text);
    if (this.vsn === '2.0.0') {
      const [joinRef, ref, topic, event, payload] = parsed;
      return { joinRef, ref, topic, event, payload };
    }
    return { joinRef: null, ...parsed };
  }

  nextRef(): string {
    return String(++this.ref);
  }

  push(topic: string, event: string, payload: unknown, joinRef: string | null = null, ref = this.nextRef()): string {
    this.ws.send(
      this.vsn === '2.0.0'
        ? JSON.stringify([joinRef, ref, topic, event, payload])
        : JSON.stringify({ topic, event, payload, ref, join_ref: joinRef }),
    );
    return ref;
  }

  async waitFor(match: (m: Msg) => boolean, timeoutMs = 3_000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching frame; got ${JSON.stringify(this.messages.slice(-5))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  reply(ref: string): Promise<Msg> {
    return this.waitFor((m) => m.event === 'phx_reply' && m.ref === ref);
  }

  async join(topic: string, config: Record<string, unknown> = {}): Promise<string> {
    // As phoenix.js does, a join carries its own ref as join_ref.
    const joinRef = this.nextRef();
    const ref = this.push(topic, 'phx_join', { config }, joinRef, joinRef);
    const reply = await this.reply(ref);
    expect(reply.payload.status).toBe('ok');
    return ref;
  }

  async heartbeat(): Promise<void> {
    const ref = this.push('phoenix', 'heartbeat', {});
    expect((await this.reply(ref)).payload).toEqual({ status: 'ok', response: {} });
  }
}

function wsUrl(): string {
  return `${stackInfo().url.replace(/^http/, 'ws')}/realtime/v1/websocket`;
}

function decodeUserBroadcast(data: Buffer): Msg {
  expect(data[0]).toBe(4);
  const [topicLen, eventLen, metaLen, encoding] = data.subarray(1, 5);
  const topic = data.toString('utf8', 5, 5 + topicLen);
  const event = data.toString('utf8', 5 + topicLen, 5 + topicLen + eventLen);
  const body = data.subarray(5 + topicLen + eventLen + metaLen);
  const payload = encoding === 1 ? JSON.parse(body.toString('utf8')) : body;
  return {
    joinRef: null,
    ref: null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', event, payload },
    binary: data,
  };
}

/** Kind-3 user broadcast push, as realtime-js's serializer builds it. */
function userBroadcastPush(joinRef: string, ref: string, topic: string, event: string, payload: unknown): Buffer {
  const parts = [joinRef, ref, topic, event].map((s) => Buffer.from(s));
  const body = Buffer.from(JSON.stringify(payload));
  return Buffer.concat([Buffer.from([3, ...parts.map((p) => p.length), 0, 1]), ...parts, body]);
}

async function upgradeStatus(query: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl()}${query}`);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('open', () => {
      ws.terminate();
      resolve({ status: 101, body: '' });
    });
    ws.on('error', (e) => {
      if (!String(e.message).includes('Unexpected server response')) reject(e);
    });
  });
}

describe('realtime socket: connection and frames', () => {
  it('refuses upgrades without a valid apikey and accepts the opaque publishable key', async () => {
    // The gateway's key-auth refuses a socket without a key before Realtime sees it, as hosted's does.
    expect(await upgradeStatus('?vsn=2.0.0')).toEqual({
      status: 401,
      body: '{"message":"No API key found in request","hint":"No `apikey` request header or url param was found."}',
    });
    const forged = await upgradeStatus(`?vsn=2.0.0&apikey=${stackInfo().anonKey.slice(0, -4)}AAAA`);
    expect(forged).toEqual({ status: 401, body: '{"error":"Failed to validate JWT signature"}' });
    expect((await upgradeStatus('?vsn=2.0.0&apikey=not-a-jwt')).status).toBe(401);
    const opaque = await RawSocket.open('2.0.0', PUBLISHABLE_KEY);
    await opaque.heartbeat();
  });

  it.each(['1.0.0', '2.0.0'] as const)(
    'answers malformed frames with an error and stays healthy (vsn %s)',
    async (vsn) => {
      const s = await RawSocket.open(vsn);
      s.ws.send('{not json');
      const bad = await s.waitFor((m) => m.event === 'phx_reply' && m.payload.status === 'error');
      expect(String((bad.payload.response as { reason: string }).reason)).toMatch(/^malformed message/);
      s.ws.send(vsn === '2.0.0' ? '{"topic":"x"}' : '[null,"1","x","y",{}]');
      await s.waitFor((m) => m.event === 'phx_reply' && m.payload.status === 'error' && m !== bad);
      await s.heartbeat();

      // A push to a topic this socket never joined, and a join outside realtime:*.
      const ref = s.push('realtime:nowhere', 'broadcast', { type: 'broadcast', event: 'e', payload: {} }, '99');
      expect((await s.reply(ref)).payload).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
      const joinRef = s.push('lobby', 'phx_join', { config: {} });
      expect((await s.reply(joinRef)).payload).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
      const emptyRef = s.push('realtime:', 'phx_join', { config: {} });
      expect((await s.reply(emptyRef)).payload).toEqual({
        status: 'error',
        response: { reason: 'TopicNameRequired: You must provide a topic name' },
      });
      await s.heartbeat();
    },
  );

  it('answers an oversized payload with an error while the socket and its channels keep working', async () => {
    const topic = `realtime:${uniqueTopic('big')}`;
    const sender = await RawSocket.open('2.0.0');
    const receiver = await RawSocket.open('1.0.0');
    const joinRef = await sender.join(topic, { broadcast: { ack: true } });
    await receiver.join(topic);

    const big = 'x'.repeat(300 * 1024);
    const ref = sender.push(topic, 'broadcast', { type: 'broadcast', event: 'big', payload: { big } }, joinRef);
    const reply = await sender.reply(ref);
    expect(reply.payload.status).toBe('error');
    expect(String((reply.payload.response as { reason: string }).reason)).toMatch(/^Payload size exceeded/);

    const binaryRef = sender.nextRef();
    sender.ws.send(userBroadcastPush(joinRef, binaryRef, topic, 'big', { big }));
    expect((await sender.reply(binaryRef)).payload.status).toBe('error');

    // A normal binary broadcast still goes through, acked, and reaches the v1 socket as JSON.
    const okRef = sender.nextRef();
    sender.ws.send(userBroadcastPush(joinRef, okRef, topic, 'small', { n: 1 }));
    expect((await sender.reply(okRef)).payload).toEqual({ status: 'ok', response: {} });
    const got = await receiver.waitFor((m) => m.event === 'broadcast');
    expect(got.payload).toEqual({ type: 'broadcast', event: 'small', payload: { n: 1 } });
    expect(receiver.messages.some((m) => (m.payload as { event?: string }).event === 'big')).toBe(false);
  });

  it('relays binary broadcasts to v2 sockets as kind-4 frames and rejects unknown binary kinds', async () => {
    const topic = `realtime:${uniqueTopic('bin')}`;
    const a = await RawSocket.open('2.0.0');
    const b = await RawSocket.open('2.0.0');
    const joinRef = await a.join(topic);
    await b.join(topic);
    a.ws.send(userBroadcastPush(joinRef, a.nextRef(), topic, 'move', { x: 3 }));
    const got = await b.waitFor((m) => m.event === 'broadcast');
    expect(got.binary?.[0]).toBe(4);
    expect(got.payload).toEqual({ type: 'broadcast', event: 'move', payload: { x: 3 } });

    a.ws.send(Buffer.from([9, 1, 2, 3]));
    const bad = await a.waitFor((m) => m.event === 'phx_reply' && m.payload.status === 'error');
    expect(String((bad.payload.response as { reason: string }).reason)).toMatch(/unknown kind 9/);
    await a.heartbeat();
  });

  it("authorises a join without access_token with the socket's apikey", async () => {
    const topic = `realtime:${uniqueTopic('private-room')}`;
    const service = await RawSocket.open('2.0.0', stackInfo().serviceRoleKey);
    await service.join(topic, { private: true });
    const anon = await RawSocket.open('1.0.0');
    const ref = anon.push(topic, 'phx_join', { config: { private: true } });
    expect((await anon.reply(ref)).payload).toEqual({
      status: 'error',
      response: {
        reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${topic.slice(9)}`,
      },
    });
    // An opaque key as access_token also falls back to the socket's key.
    const opaque = anon.push(topic, 'phx_join', { config: { private: false }, access_token: PUBLISHABLE_KEY });
    expect((await anon.reply(opaque)).payload.status).toBe('ok');
  });

  it('replies to phx_leave and closes the channel with phx_close', async () => {
    const topic = `realtime:${uniqueTopic('leave')}`;
    const s = await RawSocket.open('2.0.0');
    const joinRef = await s.join(topic);
    const ref = s.push(topic, 'phx_leave', {}, joinRef);
    expect((await s.reply(ref)).payload).toEqual({ status: 'ok', response: {} });
    const close = await s.waitFor((m) => m.event === 'phx_close');
    expect(close).toMatchObject({ joinRef, ref: joinRef, topic, payload: {} });
    const after = s.push(topic, 'broadcast', { type: 'broadcast', event: 'e', payload: {} }, joinRef);
    expect((await s.reply(after)).payload).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
  });
});
