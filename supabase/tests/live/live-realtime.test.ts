import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { liveFamily, liveSession, openRound, type Person, quickGrownUp } from './live-helpers';

// The database broadcasts a session's changes on live:<session id> (20261202103000_live_realtime.sql):
// participants receive them and share presence; nobody else may join the topic.
const channels: [SupabaseClient, RealtimeChannel][] = [];

afterEach(async () => {
  for (const [client, channel] of channels.splice(0)) await client.removeChannel(channel);
});

interface Joined {
  status: string;
  channel: RealtimeChannel;
  events: { event: string; payload: Record<string, unknown> }[];
}

async function listen(client: SupabaseClient, topic: string): Promise<Joined> {
  await client.realtime.setAuth();
  const events: Joined['events'] = [];
  const channel = client
    .channel(topic, { config: { private: true, presence: { key: crypto.randomUUID() } } })
    .on('broadcast', { event: '*' }, ({ event, payload }) => events.push({ event, payload }))
    // A presence listener asks the server for presence on this channel (who is watching).
    .on('presence', { event: 'sync' }, () => {});
  channels.push([client, channel]);
  const status = await new Promise<string>((resolve) => channel.subscribe((s) => s !== 'CLOSED' && resolve(s)));
  return { status, channel, events };
}

async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('live realtime', () => {
  it('participants receive the round, the live tally and chat; presence is shared', async () => {
    const { parent } = await liveFamily();
    const viewer: Person = await quickGrownUp();
    const { session, story } = await liveSession(parent, [viewer]);
    const topic = `live:${session.id}`;
    const [host, watcher] = await Promise.all([listen(parent.client, topic), listen(viewer.client, topic)]);
    expect([host.status, watcher.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);

    const round = await openRound(parent, session.id);
    await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] });
    await viewer.client.rpc('send_chat_message', { p_session_id: session.id, p_body: 'Go left!' });
    await eventually(() => ['round', 'tally', 'chat'].every((e) => watcher.events.some((x) => x.event === e)));
    const tally = watcher.events.find((e) => e.event === 'tally')?.payload;
    expect(tally).toMatchObject({ round_id: round.id, votes: 1, tally: { [story.choices['s:c1']]: 1 } });
    const opened = watcher.events.find((e) => e.event === 'round')?.payload;
    expect(opened).toMatchObject({ round_id: round.id, status: 'open', tally: null });
    // A chat event carries the id only; the text is read through RLS.
    expect(Object.keys(watcher.events.find((e) => e.event === 'chat')?.payload ?? {}).sort()).toEqual(
      ['id', 'kind', 'message_id', 'operation', 'session_id'].sort(),
    );

    // Presence: what the viewer tracks, the host sees.
    expect(await watcher.channel.track({ name: 'viewer' })).toBe('ok');
    await eventually(() =>
      Object.values(host.channel.presenceState()).some((metas) =>
        metas.some((m) => (m as { name?: string }).name === 'viewer'),
      ),
    );
  });

  it('a hidden round sends counts, not the tally, until the reveal', async () => {
    const { parent } = await liveFamily();
    const viewer = await quickGrownUp();
    const { session, story } = await liveSession(parent, [viewer], { options: { p_results_visibility: 'hidden' } });
    const watcher = await listen(viewer.client, `live:${session.id}`);
    const round = await openRound(parent, session.id);
    await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c0'] });
    await eventually(() => watcher.events.some((e) => e.event === 'tally'));
    const tally = watcher.events.find((e) => e.event === 'tally')?.payload ?? {};
    expect(tally).toMatchObject({ votes: 1 });
    expect(tally).not.toHaveProperty('tally');
    await parent.client.rpc('lock_round', { p_round_id: round.id });
    await parent.client.rpc('reveal_round', { p_round_id: round.id });
    await eventually(() => watcher.events.some((e) => e.event === 'round' && e.payload.status === 'revealed'));
    const revealed = watcher.events.find((e) => e.event === 'round' && e.payload.status === 'revealed')?.payload;
    expect(revealed?.tally).toEqual({ [story.choices['s:c0']]: 1, [story.choices['s:c1']]: 0 });
  });

  it('strangers, banned participants and malformed topics are refused', async () => {
    const { parent, child } = await liveFamily();
    const [viewer, stranger] = await Promise.all([quickGrownUp(), quickGrownUp()]);
    const { session } = await liveSession(parent, [viewer]);
    await parent.client.rpc('ban_participant', { p_session_id: session.id, p_user_id: viewer.id });
    expect((await listen(stranger.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await listen(viewer.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    // The host's child was not in the session: the topic is for participants only.
    expect((await listen(child.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await listen(parent.client, 'live:not-a-uuid')).status).toBe('CHANNEL_ERROR');
  });
});
