import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterEach } from 'vitest';

// Database tests that listen on private channels (topics authorised by RLS on realtime.messages) as a
// signed-in user: join, collect what arrives, wait for it, and leave every channel after each test.

export type Heard = { event: string; payload: Record<string, unknown> };
export type Listener = { status: string; channel: RealtimeChannel; heard: Heard[]; events: () => string[] };

const joined: [SupabaseClient, RealtimeChannel][] = [];

afterEach(async () => {
  for (const [client, channel] of joined.splice(0)) await client.removeChannel(channel);
});

/**
 * Joins `topic` as the client's user; status is SUBSCRIBED, or CHANNEL_ERROR when RLS refuses it.
 * With `presence`, the channel also takes part in presence (its own key; `channel.track()` to appear).
 */
export async function listen(
  client: SupabaseClient,
  topic: string,
  event = '*',
  { presence = false }: { presence?: boolean } = {},
): Promise<Listener> {
  // No argument: the client's own token (its session, or its accessToken option) signs the join.
  await client.realtime.setAuth();
  const heard: Heard[] = [];
  const channel = client
    .channel(topic, { config: { private: true, ...(presence ? { presence: { key: crypto.randomUUID() } } : {}) } })
    .on('broadcast', { event }, (message) =>
      heard.push({ event: message.event, payload: (message.payload ?? {}) as Record<string, unknown> }),
    );
  // A presence listener asks the server for presence on this channel (who is watching).
  if (presence) channel.on('presence', { event: 'sync' }, () => {});
  joined.push([client, channel]);
  const status = await new Promise<string>((resolve) => channel.subscribe((s) => s !== 'CLOSED' && resolve(s)));
  return { status, channel, heard, events: () => heard.map((h) => h.event) };
}

/** Waits until `check` holds, polling every 25 ms; fails after `ms`. */
export async function eventually(check: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Gives messages already on their way `ms` to arrive, for tests that expect nothing more. */
export const settle = (ms = 500) => new Promise((resolve) => setTimeout(resolve, ms));
