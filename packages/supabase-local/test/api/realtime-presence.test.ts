import type { RealtimeChannel } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { rtClient, sleep, subscribed, uniqueTopic, VERSIONS } from './realtime-helpers';

type Joined = { key: string; newPresences: Record<string, unknown>[] };
type Left = { key: string; leftPresences: Record<string, unknown>[] };

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}

const keysOf = (channel: RealtimeChannel) => Object.keys(channel.presenceState()).sort();

describe('realtime presence', () => {
  it('syncs three clients across both protocol versions and drops a disconnected one', async () => {
    const topic = uniqueTopic('lobby');
    const vsns = [VERSIONS[0], VERSIONS[1], VERSIONS[1]];
    const clients = vsns.map((vsn) => rtClient(vsn));
    const joins: Joined[] = [];
    const leaves: Left[] = [];
    const channels: RealtimeChannel[] = [];
    for (const [i, client] of clients.entries()) {
      const channel = client.channel(topic, { config: { presence: { key: `user-${i}` } } });
      if (i === 0) {
        channel.on('presence', { event: 'join' }, (p) => joins.push(p as unknown as Joined));
        channel.on('presence', { event: 'leave' }, (p) => leaves.push(p as unknown as Left));
      } else {
        channel.on('presence', { event: 'sync' }, () => {});
      }
      await subscribed(channel);
      expect(await channel.track({ name: `User ${i}`, online_at: i })).toBe('ok');
      channels.push(channel);
    }

    for (const channel of channels) await until(() => keysOf(channel).length === 3);
    for (const channel of channels) expect(keysOf(channel)).toEqual(['user-0', 'user-1', 'user-2']);
    const state = channels[2].presenceState<{ name: string }>();
    expect(state['user-1']).toHaveLength(1);
    expect(state['user-1'][0]).toMatchObject({ name: 'User 1', online_at: 1 });
    expect(typeof state['user-1'][0].presence_ref).toBe('string');
    // The tracking client sees its own join too.
    expect(joins.map((j) => j.key)).toContain('user-0');

    // Updating the payload replaces the meta (leave + join) without duplicating the key.
    await channels[1].track({ name: 'User 1 (renamed)', online_at: 1 });
    await until(() => channels[0].presenceState<{ name: string }>()['user-1']?.[0]?.name === 'User 1 (renamed)');
    expect(channels[0].presenceState()['user-1']).toHaveLength(1);

    // A client that goes away without untracking leaves everyone's state.
    clients[2].realtime.disconnect();
    await until(() => keysOf(channels[0]).length === 2);
    await until(() => keysOf(channels[1]).length === 2);
    expect(keysOf(channels[0])).toEqual(['user-0', 'user-1']);
    expect(leaves.map((l) => l.key)).toContain('user-2');

    // untrack removes the presence while the channel stays joined.
    expect(await channels[1].untrack()).toBe('ok');
    await until(() => keysOf(channels[0]).length === 1);
    expect(keysOf(channels[0])).toEqual(['user-0']);
  });

  it('gives a late joiner the current state in presence_state', async () => {
    const topic = uniqueTopic('late');
    const first = await subscribed(rtClient('2.0.0').channel(topic, { config: { presence: { key: 'early' } } }));
    await first.track({ mood: 'happy' });
    const late = rtClient('1.0.0').channel(topic, { config: { presence: { enabled: true } } });
    late.on('presence', { event: 'sync' }, () => {});
    await subscribed(late);
    await until(() => keysOf(late).includes('early'));
    expect(late.presenceState().early[0]).toMatchObject({ mood: 'happy' });
  });
});
