import { adminQuery, anonClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Child, expectError, type Parent } from '../rls/family-helpers';
import {
  coParentOf,
  expire,
  join,
  liveFamily,
  liveSession,
  openRound,
  type Person,
  quickGrownUp,
  roundRow,
  sessionRow,
  setControls,
} from './live-helpers';

// Voting rounds (20261202101000_live_voting.sql): one round at a time on the current page, votes that
// change until the lock, the database clock, reveal and apply, the tie-break, the narrator's powers.

const vote = (who: Person, roundId: string, choiceId: string | null) =>
  who.client.rpc('cast_vote', { p_round_id: roundId, p_choice_id: choiceId });
const step = (who: Person, name: string, roundId: string) => who.client.rpc(name, { p_round_id: roundId });

describe('voting rounds', () => {
  let parent: Parent;
  let child: Child;
  let viewers: Person[];
  let stranger: Person;

  beforeAll(async () => {
    ({ parent, child } = await liveFamily());
    viewers = await Promise.all([quickGrownUp(), quickGrownUp(), quickGrownUp()]);
    stranger = await quickGrownUp();
  });

  it('a round: votes change until the lock, the winner is applied, the loser stays unexplored', async () => {
    const [a, b] = viewers;
    const { session, story } = await liveSession(parent, [a, b, child]);
    expect(session.current_segment_id).toBe(story.segments.s);

    // Timer bounds; the default is the session's 30 s.
    expectError(
      await parent.client.rpc('open_round', { p_session_id: session.id, p_seconds: 14 }),
      'live_vote_seconds_range',
    );
    expectError(
      await parent.client.rpc('open_round', { p_session_id: session.id, p_seconds: 1801 }),
      'live_vote_seconds_range',
    );
    expectError(await a.client.rpc('open_round', { p_session_id: session.id }), 'live_not_host');
    const round = await openRound(parent, session.id);
    const seconds =
      (Date.parse(round.closes_at) - Date.parse((round as unknown as { opens_at: string }).opens_at)) / 1000;
    expect(seconds).toBe(30);
    expect(round.choice_ids).toEqual([story.choices['s:c0'], story.choices['s:c1']]);
    // One round at a time.
    expectError(await parent.client.rpc('open_round', { p_session_id: session.id }), 'live_round_active');

    expect((await vote(a, round.id, story.choices['s:c0'])).error).toBeNull();
    expect((await vote(b, round.id, story.choices['s:c1'])).error).toBeNull();
    expect((await vote(child, round.id, story.choices['s:c1'])).error).toBeNull();
    // Changing a vote keeps one vote per participant.
    expect((await vote(a, round.id, story.choices['s:c1'])).error).toBeNull();
    expect((await vote(a, round.id, story.choices['s:c1'])).error).toBeNull();
    const votes = await adminQuery<{ choice_id: string }>('select choice_id from public.votes where round_id = $1', [
      round.id,
    ]);
    expect(votes).toHaveLength(3);

    // Bad votes: a choice of another page, none, a stranger, anon.
    expectError(await vote(b, round.id, story.choices['s.0:c0']), 'live_choice_not_in_round');
    expectError(await vote(b, round.id, null), 'live_choice_not_in_round');
    expectError(await vote(stranger, round.id, story.choices['s:c0']), 'live_not_participant');
    expect(
      (await anonClient().rpc('cast_vote', { p_round_id: round.id, p_choice_id: story.choices['s:c0'] })).error?.code,
    ).toBe('42501');

    // Only the host steps the round; each step in its order.
    expectError(await step(a, 'lock_round', round.id), 'live_not_host');
    expectError(await step(parent, 'reveal_round', round.id), 'live_round_not_locked');
    expect((await step(parent, 'lock_round', round.id)).error).toBeNull();
    expectError(await vote(b, round.id, story.choices['s:c0']), 'live_round_closed');
    expectError(await step(parent, 'apply_round', round.id), 'live_round_not_revealed');
    const revealed = await step(parent, 'reveal_round', round.id);
    expect(revealed.data).toMatchObject({
      status: 'revealed',
      winning_choice_id: story.choices['s:c1'],
      tied_choice_ids: null,
      tally: { [story.choices['s:c0']]: 0, [story.choices['s:c1']]: 3 },
    });
    expect((await step(parent, 'apply_round', round.id)).error).toBeNull();
    expectError(await step(parent, 'apply_round', round.id), 'live_round_not_revealed');
    expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments['s.1']);

    // Next page: s.1's second choice is unexplored. Winning it waits for the page to be written; the
    // losing written branch is left as it is.
    const next = await openRound(parent, session.id, 15);
    expect((await vote(a, next.id, story.choices['s.1:c1'])).error).toBeNull();
    await step(parent, 'lock_round', next.id);
    await step(parent, 'reveal_round', next.id);
    await step(parent, 'apply_round', next.id);
    const waiting = await sessionRow(session.id);
    expect(waiting).toMatchObject({
      current_segment_id: story.segments['s.1'],
      pending_choice_id: story.choices['s.1:c1'],
    });
    expectError(await parent.client.rpc('open_round', { p_session_id: session.id }), 'live_waiting_for_page');
    const [{ to_segment_id }] = await adminQuery<{ to_segment_id: string | null }>(
      'select to_segment_id from public.story_choices where id = $1',
      [story.choices['s.1:c0']],
    );
    expect(to_segment_id).toBe(story.segments['s.1.0']);
    // A continuation job writes the page: the session moves there by itself.
    const [page] = await adminQuery<{ id: string }>(
      `insert into public.story_segments (story_id, key, depth, text, setting_id, scene, place, is_ending, state, provenance)
       select story_id, 's.1.1', 2, 'The end.', setting_id, scene, place, true, state, provenance
         from public.story_segments where id = $1 returning id`,
      [story.segments['s.1.0']],
    );
    await adminQuery('update public.story_choices set to_segment_id = $2 where id = $1', [
      story.choices['s.1:c1'],
      page.id,
    ]);
    expect(await sessionRow(session.id)).toMatchObject({ current_segment_id: page.id, pending_choice_id: null });
    // An ending has nothing to vote on.
    expectError(await parent.client.rpc('open_round', { p_session_id: session.id }), 'live_segment_has_no_choices');
  });

  it('the database clock locks the round: a vote at closes_at is refused even before the closer runs', async () => {
    const [a] = viewers;
    const { session, story } = await liveSession(parent, [a]);
    const round = await openRound(parent, session.id, 15);
    await expire(round.id);
    expect((await roundRow(round.id)).status).toBe('open');
    expectError(await vote(a, round.id, story.choices['s:c0']), 'live_round_closed');
  });

  it('ties: the first listed choice wins by the rule, the host or the narrator may pick another', async () => {
    const [a, b] = viewers;
    const { parent: coParent } = await liveFamily();
    const { session, story } = await liveSession(parent, [a, b, coParent], { options: { p_auto_advance: false } });
    const round = await openRound(parent, session.id);
    await vote(a, round.id, story.choices['s:c1']);
    await vote(b, round.id, story.choices['s:c0']);
    expectError(
      await parent.client.rpc('break_tie', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] }),
      'live_no_tie',
    );
    await expire(round.id);
    // With auto_advance off the closer only locks.
    const [{ closed }] = await adminQuery<{ closed: number }>('select private.close_expired_rounds() as closed');
    expect(closed).toBeGreaterThanOrEqual(1);
    expect((await roundRow(round.id)).status).toBe('locked');
    const revealed = (await step(parent, 'reveal_round', round.id)).data as {
      winning_choice_id: string;
      tied_choice_ids: string[];
    };
    expect(revealed.tied_choice_ids).toEqual([story.choices['s:c0'], story.choices['s:c1']]);
    expect(revealed.winning_choice_id).toBe(story.choices['s:c0']);

    // A grown-up of another family is not the narrator; a viewer not either; a choice not tied is refused.
    expectError(
      await coParent.client.rpc('break_tie', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] }),
      'live_not_narrator',
    );
    expectError(
      await a.client.rpc('break_tie', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] }),
      'live_not_narrator',
    );
    expectError(
      await parent.client.rpc('break_tie', { p_round_id: round.id, p_choice_id: story.choices['s.0:c0'] }),
      'live_choice_not_tied',
    );
    expect(
      (await parent.client.rpc('break_tie', { p_round_id: round.id, p_choice_id: story.choices['s:c1'] })).error,
    ).toBeNull();
    await step(parent, 'apply_round', round.id);
    expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments['s.1']);
  });

  it("the family narrator (the host's co-parent) vetoes before a round, pauses and resumes a vote", async () => {
    const [a] = viewers;
    const coParent = await coParentOf(parent);
    const { session, story } = await liveSession(parent, [a]);
    // The co-parent is the narrator only while in the session; a viewer never.
    expectError(
      await a.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s:c1'] }),
      'live_not_narrator',
    );
    expectError(
      await coParent.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s:c1'] }),
      'live_not_participant',
    );
    await join(coParent, session.join_code);
    expectError(
      await coParent.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s.0:c0'] }),
      'live_choice_not_here',
    );
    expect(
      (await coParent.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s:c1'] }))
        .error,
    ).toBeNull();
    expectError(
      await parent.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s:c0'] }),
      'live_veto_last_choice',
    );
    const round = await openRound(parent, session.id);
    expect(round.choice_ids).toEqual([story.choices['s:c0']]);
    expectError(await vote(a, round.id, story.choices['s:c1']), 'live_choice_not_in_round');
    // Too late to veto once the round is open.
    expectError(
      await parent.client.rpc('veto_choice', { p_session_id: session.id, p_choice_id: story.choices['s:c0'] }),
      'live_round_active',
    );

    // Pause: no votes, the closer leaves it alone; resume gives back the time left.
    const before = await roundRow(round.id);
    expectError(await step(a, 'pause_round', round.id), 'live_not_narrator');
    expect((await step(coParent, 'pause_round', round.id)).error).toBeNull();
    expectError(await step(parent, 'pause_round', round.id), 'live_round_not_open');
    expectError(await vote(a, round.id, story.choices['s:c0']), 'live_round_paused');
    await adminQuery(`update public.voting_rounds set paused_at = now() - interval '10 seconds' where id = $1`, [
      round.id,
    ]);
    await adminQuery('select private.close_expired_rounds()');
    expect((await roundRow(round.id)).status).toBe('open');
    expectError(await step(a, 'resume_round', round.id), 'live_not_narrator');
    expect((await step(coParent, 'resume_round', round.id)).error).toBeNull();
    const after = await roundRow(round.id);
    const moved = (Date.parse(after.closes_at) - Date.parse(before.closes_at)) / 1000;
    expect(moved).toBeGreaterThanOrEqual(10);
    expect(moved).toBeLessThan(12);
    expect((await vote(a, round.id, story.choices['s:c0'])).error).toBeNull();

    // Cancel: the host only; the session stays on its page; the next round may open.
    expectError(await step(a, 'cancel_round', round.id), 'live_not_host');
    expect((await step(parent, 'cancel_round', round.id)).error).toBeNull();
    expectError(await step(parent, 'cancel_round', round.id), 'live_round_finished');
    expect((await sessionRow(session.id)).current_segment_id).toBe(story.segments.s);
    // The co-parent is a narrator, not the host.
    expectError(await step(coParent, 'cancel_round', (await openRound(parent, session.id)).id), 'live_not_host');
  });

  it('a banned participant and one who left cannot vote; hidden results stay hidden until the reveal', async () => {
    const [a, b, c] = viewers;
    const { session, story } = await liveSession(parent, [a, b, c], { options: { p_results_visibility: 'hidden' } });
    const round = await openRound(parent, session.id);
    await vote(a, round.id, story.choices['s:c0']);
    await vote(b, round.id, story.choices['s:c1']);
    expect(
      (await parent.client.rpc('ban_participant', { p_session_id: session.id, p_user_id: b.id })).error,
    ).toBeNull();
    expectError(await vote(b, round.id, story.choices['s:c0']), 'live_banned');
    await c.client.rpc('leave_live_session', { p_session_id: session.id });
    expectError(await vote(c, round.id, story.choices['s:c0']), 'live_not_participant');
    expectError(await b.client.rpc('join_live_session', { p_code: session.join_code }), 'live_banned');

    // Hidden: each sees only their own vote, no tally; the banned one sees nothing of the session.
    expect((await a.client.from('votes').select('id').eq('round_id', round.id)).data).toHaveLength(1);
    expect((await parent.client.from('votes').select('id').eq('round_id', round.id)).data).toHaveLength(0);
    expectError(await a.client.rpc('round_tally', { p_round_id: round.id }), 'live_results_hidden');
    expect((await b.client.from('voting_rounds').select('id').eq('id', round.id)).data).toHaveLength(0);
    expectError(await b.client.rpc('round_tally', { p_round_id: round.id }), 'live_round_not_found');
    await step(parent, 'lock_round', round.id);
    expect((await a.client.from('voting_rounds').select('tally').eq('id', round.id)).data).toEqual([{ tally: null }]);
    await step(parent, 'reveal_round', round.id);
    expect((await parent.client.from('votes').select('id').eq('round_id', round.id)).data).toHaveLength(2);
    const tally = await a.client.rpc('round_tally', { p_round_id: round.id });
    expect(tally.data).toEqual([
      { choice_id: story.choices['s:c0'], votes: 1 },
      { choice_id: story.choices['s:c1'], votes: 1 },
    ]);
  });

  it('a child paused by their parent mid-session stops voting and chatting at once', async () => {
    const { session, story } = await liveSession(parent, [child]);
    const round = await openRound(parent, session.id);
    expect((await vote(child, round.id, story.choices['s:c0'])).error).toBeNull();
    await setControls(parent, child, { paused: true });
    try {
      expectError(await vote(child, round.id, story.choices['s:c1']), 'live_child_not_allowed');
      expectError(
        await child.client.rpc('send_chat_message', { p_session_id: session.id, p_body: 'hi' }),
        'live_child_not_allowed',
      );
      // Leaving is always possible; coming back only once allowed again.
      expect((await child.client.rpc('leave_live_session', { p_session_id: session.id })).error).toBeNull();
      expectError(await child.client.rpc('join_live_session', { p_code: session.join_code }), 'live_child_not_allowed');
    } finally {
      await setControls(parent, child, { paused: false });
    }
    await join(child, session.join_code);
    expect((await vote(child, round.id, story.choices['s:c1'])).error).toBeNull();
  });

  it('ending the session cancels its round', async () => {
    const { session } = await liveSession(parent, viewers.slice(0, 1));
    const round = await openRound(parent, session.id);
    await parent.client.rpc('end_live_session', { p_session_id: session.id });
    expect((await roundRow(round.id)).status).toBe('cancelled');
  });
});
