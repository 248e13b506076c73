import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { afterEach } from 'vitest';
import ws from 'ws';
import { stackInfo } from '../../src/testing/clients';

export type Vsn = '1.0.0' | '2.0.0';
export const VERSIONS: Vsn[] = ['1.0.0', '2.0.0'];

const clients: SupabaseClient[] = [];

/** Every client a test made is disconnected afterwards, so sockets never leak between tests. */
afterEach(async () => {
  const all = clients.splice(0);
  await Promise.all(all.map((c) => c.removeAllChannels().catch(() => {})));
  for (const c of all) c.realtime.disconnect();
});

/** realtime-js picks its serializer from `realtime.vsn` (RealtimeClient.ts); `params.vsn` would be overwritten. */
export function rtClient(vsn: Vsn, url: string = stackInfo().url, key: string = stackInfo().anonKey): SupabaseClient {
  const client = createClient(url, key, {
    realtime: { transport: ws as never, vsn, heartbeatIntervalMs: 5_000 },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  clients.push(client);
  return client;
}

/** A freshly signed-up user whose client speaks the given protocol version. */
export async function rtUser(vsn: Vsn): Promise<{ client: SupabaseClient; id: string; accessToken: string }> {
  const client = rtClient(vsn);
  const { data, error } = await client.auth.signUp({
    email: `rt-${randomUUID().slice(0, 8)}@example.test`,
    password: `pw-${randomUUID()}`,
  });
  if (error || !data.session || !data.user) throw error ?? new Error('no session');
  // supabase-js hands the token to realtime asynchronously; make it explicit before any join.
  await client.realtime.setAuth(data.session.access_token);
  return { client, id: data.user.id, accessToken: data.session.access_token };
}

export type SubscribeOutcome = { status: string; error?: Error };

/** Subscribes and resolves with the first terminal status (SUBSCRIBED, CHANNEL_ERROR, TIMED_OUT, CLOSED). */
export function subscribe(channel: RealtimeChannel, timeoutMs = 10_000): Promise<SubscribeOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'TEST_TIMEOUT' }), timeoutMs);
    channel.subscribe((status, error) => {
      clearTimeout(timer);
      resolve({ status, error });
    }, timeoutMs);
  });
}

export async function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  const outcome = await subscribe(channel);
  if (outcome.status !== 'SUBSCRIBED') {
    throw new Error(`expected SUBSCRIBED, got ${outcome.status}: ${outcome.error?.message ?? ''}`);
  }
  return channel;
}

/** Collects values pushed by callbacks and lets a test await the n-th one. */
export class Inbox<T> {
  readonly items: T[] = [];
  private waiters: { n: number; resolve: () => void }[] = [];

  readonly push = (item: T): void => {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (this.items.length >= w.n) w.resolve();
      return this.items.length < w.n;
    });
  };

  async waitFor(n = 1, timeoutMs = 5_000): Promise<T[]> {
    if (this.items.length < n) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${n} item(s), have ${this.items.length}`)),
          timeoutMs,
        );
        this.waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    return this.items;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const uniqueTopic = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
