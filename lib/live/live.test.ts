import { describe, expect, it } from 'vitest';
import { chronological, upsertMessage } from './chat-cache';
import { effectiveChatMode } from './chat-mode';
import { createSessionSchema, joinCodeSchema } from './live.schema';
import { presenceList } from './live-channel';
import type { LiveLobby, LiveRound } from './queries';
import { clockOffset, formatCountdown, secondsLeft } from './server-clock';
import { ballot, lobbyLeader, lobbyTally, withTallyHint } from './tally';

describe('server clock', () => {
  it('counts down on the server clock, not the device clock', () => {
    // The device is 90 s behind the server.
    const deviceNow = Date.parse('2026-12-02T10:00:00.000Z');
    const offset = clockOffset('2026-12-02T10:01:30.000Z', deviceNow);
    expect(offset).toBe(90_000);
    const round = { closesAt: '2026-12-02T10:01:50.000Z' };
    expect(secondsLeft(round, deviceNow, offset)).toBe(20);
    expect(secondsLeft(round, deviceNow, 0)).toBe(110);
    expect(secondsLeft(round, deviceNow + 60_000, offset)).toBe(0);
  });

  it('freezes a paused round at its pause', () => {
    const round = { closesAt: '2026-12-02T10:00:30.000Z', pausedAt: '2026-12-02T10:00:10.000Z' };
    expect(secondsLeft(round, Date.parse('2026-12-02T10:05:00Z'), 0)).toBe(20);
  });

  it('ignores a timestamp it cannot read and formats minutes', () => {
    expect(clockOffset('not a date', 5)).toBe(0);
    expect(formatCountdown(7)).toBe('0:07');
    expect(formatCountdown(1799)).toBe('29:59');
  });
});

const lobby: LiveLobby = {
  options: [
    { id: 'o1', story_id: 's1', position: 0, stories: { title: 'First', age_band: '7-9' } },
    { id: 'o2', story_id: 's2', position: 1, stories: { title: 'Second', age_band: '7-9' } },
  ],
  votes: [
    { option_id: 'o2', participant_id: 'p1' },
    { option_id: 'o1', participant_id: 'p2' },
    { option_id: 'o2', participant_id: 'p3' },
  ],
};

describe('lobby tally', () => {
  it('counts per story in shortlist order and marks my pick', () => {
    const rows = lobbyTally(lobby, 'p2');
    expect(rows.map((r) => [r.title, r.votes, r.mine])).toEqual([
      ['First', 1, true],
      ['Second', 2, false],
    ]);
    expect(lobbyLeader(rows)?.storyId).toBe('s2');
  });

  it('a tie goes to the first on the shortlist, like the database', () => {
    const rows = lobbyTally({ ...lobby, votes: lobby.votes.slice(0, 2) }, null);
    expect(lobbyLeader(rows)?.storyId).toBe('s1');
    expect(lobbyLeader([])).toBeNull();
  });
});

const round = {
  id: 'r1',
  status: 'open',
  choice_ids: ['c1', 'c2'],
  tally: { c1: 0, c2: 1 },
  winning_choice_id: null,
} as unknown as LiveRound;

describe('round tally', () => {
  it('patches a hint into the open round it names only', () => {
    expect(withTallyHint(round, { round_id: 'r1', tally: { c1: 2, c2: 1 } })?.tally).toEqual({ c1: 2, c2: 1 });
    expect(withTallyHint(round, { round_id: 'other', tally: { c1: 5 } })).toBe(round);
    expect(withTallyHint(round, { round_id: 'r1' })).toBe(round);
    const revealed = { ...round, status: 'revealed' } as LiveRound;
    expect(withTallyHint(revealed, { round_id: 'r1', tally: { c1: 9 } })).toBe(revealed);
  });

  it('lists the ballot in order with shares, without vetoed choices, hidden tallies as null', () => {
    const choices = [
      { id: 'c1', label: 'Left', position: 0, to_segment_id: null },
      { id: 'c2', label: 'Right', position: 1, to_segment_id: 'x' },
      { id: 'c3', label: 'Vetoed', position: 2, to_segment_id: null },
    ];
    const rows = ballot(choices, { ...round, tally: { c1: 1, c2: 3 }, winning_choice_id: 'c2' });
    expect(rows.map((r) => [r.label, r.votes, r.share, r.winner])).toEqual([
      ['Left', 1, 0.25, false],
      ['Right', 3, 0.75, true],
    ]);
    expect(ballot(choices, { ...round, tally: null }).map((r) => r.votes)).toEqual([null, null]);
  });
});

describe('chat mode', () => {
  it("a child's stricter level wins; a looser one does not", () => {
    expect(effectiveChatMode('filtered', 'phrases')).toBe('phrases_only');
    expect(effectiveChatMode('emote_only', 'filtered')).toBe('emote_only');
    expect(effectiveChatMode('held_for_review', 'off')).toBe('off');
    expect(effectiveChatMode('filtered', null)).toBe('filtered');
  });
});

describe('live schemas', () => {
  it('tidies a typed code and refuses a malformed one', () => {
    expect(joinCodeSchema.parse({ code: ' ab12-cd34 ' }).code).toBe('AB12CD34');
    expect(joinCodeSchema.safeParse({ code: 'short' }).success).toBe(false);
  });

  it('turns a local start time into UTC with the device offset, and needs one when scheduling', () => {
    const later = createSessionSchema.parse({
      title: ' Story  night ',
      when: 'later',
      scheduledStart: '2026-12-24T18:30',
      offsetMinutes: '-60',
    });
    expect(later.title).toBe('Story night');
    expect(later.scheduledStartIso).toBe('2026-12-24T17:30:00.000Z');
    expect(createSessionSchema.safeParse({ title: 'x', when: 'later', scheduledStart: '' }).success).toBe(false);
    expect(createSessionSchema.safeParse({ title: 'x', voteSeconds: '10' }).success).toBe(false);
    expect(createSessionSchema.parse({ title: 'x' }).scheduledStartIso).toBeNull();
  });
});

describe('chat cache', () => {
  const m = (id: string) => ({ id, body: id }) as unknown as import('./queries').ChatMessage;
  it('appends a new message to the newest page, replaces a known one, drops a hidden one', () => {
    const pages = [
      [m('c'), m('d')],
      [m('a'), m('b')],
    ];
    expect(chronological(upsertMessage(pages, 'e', m('e'))).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const edited = { ...m('b'), body: 'changed' };
    expect(upsertMessage(pages, 'b', edited)[1][1].body).toBe('changed');
    expect(chronological(upsertMessage(pages, 'c', null)).map((x) => x.id)).toEqual(['a', 'b', 'd']);
    expect(upsertMessage(pages, 'zzz', null)).toBe(pages);
    expect(upsertMessage([], 'x', m('x'))).toEqual([[m('x')]]);
  });
});

describe('presence', () => {
  it('lists each person once, in name order', () => {
    const list = presenceList({
      k1: [{ user_id: 'u2', name: 'Zoe', avatar: null, is_child: true }],
      k2: [{ user_id: 'u1', name: 'Ann', avatar: null, is_child: false }],
      k3: [{ user_id: 'u2', name: 'Zoe', avatar: null, is_child: true }],
    });
    expect(list.map((p) => p.name)).toEqual(['Ann', 'Zoe']);
  });
});
