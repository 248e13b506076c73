import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Child, expectError, type Parent } from '../rls/family-helpers';
import { importStory, type StoredStory } from '../stories/story-fixtures';
import { createSession, join, liveFamily, type Person, publicStory, quickGrownUp, sessionRow } from './live-helpers';

// The lobby (20261202100100_live_lobby.sql): a shortlist of 2-4 stories everyone may read, one vote
// each (changeable), the host picks the winner; ties go to the first on the shortlist.
describe('live lobby', () => {
  let parent: Parent;
  let child: Child;
  let viewers: Person[];
  let stories: StoredStory[];

  beforeAll(async () => {
    ({ parent, child } = await liveFamily());
    viewers = await Promise.all([quickGrownUp(), quickGrownUp(), quickGrownUp()]);
    stories = await Promise.all([publicStory(501), publicStory(502), publicStory(503)]);
  });

  const shortlist = (who: Person, sessionId: string, ids: string[]) =>
    who.client.rpc('open_lobby_vote', { p_session_id: sessionId, p_story_ids: ids });
  const lobbyVote = (who: Person, sessionId: string, storyId: string) =>
    who.client.rpc('cast_lobby_vote', { p_session_id: sessionId, p_story_id: storyId });

  it('the shortlist: 2-4 different stories that everyone in the session may read', async () => {
    const session = await createSession(parent);
    await join(child, session.join_code);
    const [a, b, c] = stories.map((s) => s.id);
    expectError(await shortlist(parent, session.id, [a]), 'live_shortlist_size');
    expectError(await shortlist(parent, session.id, [a, a]), 'live_shortlist_size');
    expectError(await shortlist(parent, session.id, [a, b, c, a, b]), 'live_shortlist_size');
    expectError(await shortlist(viewers[0], session.id, [a, b]), 'live_not_participant');
    // A private story, another family's story and one above the child's band (7-9) are not for everyone.
    const privateOne = await importStory({ familyId: parent.familyId, authorId: parent.id, visibility: 'private' });
    const otherFamily = await liveFamily();
    const theirs = await importStory({ familyId: otherFamily.parent.familyId, visibility: 'family' });
    const older = await importStory({ visibility: 'public', ageBand: '10-12', seed: 504 });
    for (const bad of [privateOne.id, theirs.id, older.id]) {
      expectError(await shortlist(parent, session.id, [a, bad]), 'live_story_unusable');
    }
    // The family's own family story is fine.
    const ours = await importStory({ familyId: parent.familyId, visibility: 'family' });
    expect((await shortlist(parent, session.id, [ours.id, a, b])).error).toBeNull();
    const options = await adminQuery<{ story_id: string; position: number }>(
      'select story_id, position from public.session_story_options where session_id = $1 order by position',
      [session.id],
    );
    expect(options).toEqual([
      { story_id: ours.id, position: 0 },
      { story_id: a, position: 1 },
      { story_id: b, position: 2 },
    ]);
  });

  it('a family story stays in its family: unusable with an outsider present, and no outsider joins while it is read or shortlisted', async () => {
    const ours = await importStory({ familyId: parent.familyId, visibility: 'family', seed: 506 });
    const [a] = stories.map((s) => s.id);
    // An outsider in the room: the family story cannot be shortlisted or picked, a public one can.
    const mixed = await createSession(parent);
    await join(viewers[0], mixed.join_code);
    expectError(await shortlist(parent, mixed.id, [ours.id, a]), 'live_story_unusable');
    expectError(
      await parent.client.rpc('pick_lobby_story', { p_session_id: mixed.id, p_story_id: ours.id }),
      'live_story_unusable',
    );
    // Only the family: it may be shortlisted; then an outsider cannot join, and nothing is written.
    const family = await createSession(parent);
    await join(child, family.join_code);
    expect((await shortlist(parent, family.id, [ours.id, a])).error).toBeNull();
    expectError(
      await viewers[1].client.rpc('join_live_session', { p_code: family.join_code }),
      'live_story_family_only',
    );
    expect(
      await adminQuery('select 1 from public.session_participants where session_id = $1 and user_id = $2', [
        family.id,
        viewers[1].id,
      ]),
    ).toEqual([]);
    // Still refused once it is being read.
    expect(
      (await parent.client.rpc('pick_lobby_story', { p_session_id: family.id, p_story_id: ours.id })).error,
    ).toBeNull();
    expectError(
      await viewers[1].client.rpc('join_live_session', { p_code: family.join_code }),
      'live_story_family_only',
    );
  });

  it('votes change until the pick; the winner starts; a tie goes to the first on the shortlist', async () => {
    const [v1, v2, v3] = viewers;
    const session = await createSession(parent);
    for (const v of viewers) await join(v, session.join_code);
    const [a, b, c] = stories.map((s) => s.id);
    expectError(await lobbyVote(v1, session.id, a), 'live_lobby_not_open');
    expect((await shortlist(parent, session.id, [a, b, c])).error).toBeNull();
    expect((await lobbyVote(v1, session.id, c)).error).toBeNull();
    expect((await lobbyVote(v2, session.id, b)).error).toBeNull();
    expect((await lobbyVote(v1, session.id, b)).error).toBeNull();
    expectError(await lobbyVote(v3, session.id, stories[0].segments.s), 'live_story_not_on_shortlist');
    const stranger = await quickGrownUp();
    expectError(await lobbyVote(stranger, session.id, a), 'live_not_participant');
    expect(await adminQuery('select 1 from public.lobby_votes where session_id = $1', [session.id])).toHaveLength(2);
    expectError(await v1.client.rpc('pick_lobby_story', { p_session_id: session.id }), 'live_not_host');

    const picked = await parent.client.rpc('pick_lobby_story', { p_session_id: session.id });
    expect(picked.data).toMatchObject({ status: 'live', story_id: b, current_segment_id: stories[1].segments.s });
    expectError(await lobbyVote(v3, session.id, a), 'live_lobby_not_open');
    expectError(await parent.client.rpc('pick_lobby_story', { p_session_id: session.id }), 'live_not_in_lobby');
    expectError(await shortlist(parent, session.id, [a, b]), 'live_not_in_lobby');

    // A tie (one vote each for c and a): the first on the shortlist wins.
    const tied = await createSession(parent);
    await join(v1, tied.join_code);
    await join(v2, tied.join_code);
    await shortlist(parent, tied.id, [c, a]);
    await lobbyVote(v1, tied.id, a);
    await lobbyVote(v2, tied.id, c);
    await parent.client.rpc('pick_lobby_story', { p_session_id: tied.id });
    expect((await sessionRow(tied.id)).story_id).toBe(c);
  });

  it('the host may pick another story of the shortlist; a child cannot join a story above their band', async () => {
    const older = await importStory({ visibility: 'public', ageBand: '10-12', seed: 505 });
    const session = await createSession(parent);
    const [a, b] = stories.map((s) => s.id);
    await shortlist(parent, session.id, [a, b]);
    expectError(
      await parent.client.rpc('pick_lobby_story', { p_session_id: session.id, p_story_id: older.id }),
      'live_story_not_on_shortlist',
    );
    expect((await parent.client.rpc('pick_lobby_story', { p_session_id: session.id, p_story_id: b })).error).toBeNull();

    // No shortlist: any story the room may read; then a 7-9 child cannot join a 10-12 story.
    const grownUps = await createSession(parent);
    expect(
      (await parent.client.rpc('pick_lobby_story', { p_session_id: grownUps.id, p_story_id: older.id })).error,
    ).toBeNull();
    expectError(await child.client.rpc('join_live_session', { p_code: grownUps.join_code }), 'live_story_above_band');
  });
});
