import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { eventually, listen } from '../rls/realtime-listener';
import { liveFamily, liveSession, openRound, type Person, quickGrownUp } from './live-helpers';

// The database broadcasts a session's changes on live:<session id> (20261202103000_live_realtime.sql):
// participants receive them and share presence; nobody else may join the topic.
// Every test here listens as a participant would: broadcasts and presence.
const listenLive = (client: SupabaseClient, topic: string) => listen(client, topic, '*', { presence: true });

describe('live realtime', () => {
  it('participants receive the round, the live tally and chat; presence is shared', async () => {
    const { parent } = await liveFamily();
    const viewer: Person = await quickGrownUp();
    const { session, story } = await liveSession(parent, [viewer]);
    const topic = `live:${session.id}`;
    const [host, watcher] = await Promise.all([listenLive(parent.client, topic), listenLive(viewer.client, topic)]);
    expect([host.status, watcher.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);

    const round = await openRound(parent, session.id);
    await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] });
    await viewer.client.rpc('send_chat_message', { p_session_id: session.id, p_body: 'Go left!' });
    await eventually(() => ['round', 'tally', 'chat'].every((e) => watcher.heard.some((x) => x.event === e)), 3_000);
    const tally = watcher.heard.find((e) => e.event === 'tally')?.payload;
    expect(tally).toMatchObject({ round_id: round.id, votes: 1, tally: { [story.choices['s:c1']]: 1 } });
    const opened = watcher.heard.find((e) => e.event === 'round')?.payload;
    expect(opened).toMatchObject({ round_id: round.id, status: 'open', tally: null });
    // A chat event carries the id only; the text is read through RLS.
    expect(Object.keys(watcher.heard.find((e) => e.event === 'chat')?.payload ?? {}).sort()).toEqual(
      ['id', 'kind', 'message_id', 'operation', 'session_id'].sort(),
    );

    // Presence: what the viewer tracks, the host sees.
    expect(await watcher.channel.track({ name: 'viewer' })).toBe('ok');
    await eventually(
      () =>
        Object.values(host.channel.presenceState()).some((metas) =>
          metas.some((m) => (m as { name?: string }).name === 'viewer'),
        ),
      3_000,
    );
  });

  it('a hidden round sends counts, not the tally, until the reveal', async () => {
    const { parent } = await liveFamily();
    const viewer = await quickGrownUp();
    const { session, story } = await liveSession(parent, [viewer], { options: { p_results_visibility: 'hidden' } });
    const watcher = await listenLive(viewer.client, `live:${session.id}`);
    const round = await openRound(parent, session.id);
    await viewer.client.rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c0'] });
    await eventually(() => watcher.heard.some((e) => e.event === 'tally'), 3_000);
    const tally = watcher.heard.find((e) => e.event === 'tally')?.payload ?? {};
    expect(tally).toMatchObject({ votes: 1 });
    expect(tally).not.toHaveProperty('tally');
    await parent.client.rpc('lock_round', { p_round_id: round.id });
    await parent.client.rpc('reveal_round', { p_round_id: round.id });
    await eventually(() => watcher.heard.some((e) => e.event === 'round' && e.payload.status === 'revealed'), 3_000);
    const revealed = watcher.heard.find((e) => e.event === 'round' && e.payload.status === 'revealed')?.payload;
    expect(revealed?.tally).toEqual({ [story.choices['s:c0']]: 1, [story.choices['s:c1']]: 0 });
  });

  it('strangers, banned participants and malformed topics are refused', async () => {
    const { parent, child } = await liveFamily();
    const [viewer, stranger] = await Promise.all([quickGrownUp(), quickGrownUp()]);
    const { session } = await liveSession(parent, [viewer]);
    await parent.client.rpc('ban_participant', { p_session_id: session.id, p_user_id: viewer.id });
    expect((await listenLive(stranger.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await listenLive(viewer.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    // The host's child was not in the session: the topic is for participants only.
    expect((await listenLive(child.client, `live:${session.id}`)).status).toBe('CHANNEL_ERROR');
    expect((await listenLive(parent.client, 'live:not-a-uuid')).status).toBe('CHANNEL_ERROR');
  });
});
