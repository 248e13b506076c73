import type { LiveLobby, LiveRound } from './queries';

// Counting what a session voted. The database's round_tally() and the revealed round are authoritative;
// the 'tally' broadcasts are hints a client may patch in until the next fetch.

export type Tally = Record<string, number>;

/** Votes per shortlisted story, in shortlist order, with the caller's pick. */
export function lobbyTally(lobby: LiveLobby, myParticipantId: string | null) {
  const counts = new Map<string, number>();
  let mine: string | null = null;
  for (const vote of lobby.votes) {
    counts.set(vote.option_id, (counts.get(vote.option_id) ?? 0) + 1);
    if (vote.participant_id === myParticipantId) mine = vote.option_id;
  }
  return lobby.options.map((option) => ({
    optionId: option.id,
    storyId: option.story_id,
    title: option.stories?.title ?? 'A story',
    votes: counts.get(option.id) ?? 0,
    mine: option.id === mine,
  }));
}

/** The story the lobby vote would start: most votes, then first on the shortlist (the database's rule). */
export function lobbyLeader(rows: ReturnType<typeof lobbyTally>) {
  return rows.reduce<(typeof rows)[number] | null>((best, row) => (!best || row.votes > best.votes ? row : best), null);
}

/**
 * A 'tally' hint patched into the cached round: only for the round it names and only while the round
 * is still open (a locked or revealed round's stored tally wins). A hint without a tally (hidden
 * results) changes nothing.
 */
export function withTallyHint(round: LiveRound | null | undefined, hint: { round_id?: string; tally?: Tally }) {
  if (!round || hint.round_id !== round.id || !hint.tally || round.status !== 'open') return round;
  return { ...round, tally: { ...hint.tally } };
}

/** Choices with their votes and share, in ballot order; the winner marked once there is one. */
export function ballot(
  choices: { id: string; label: string; position: number; to_segment_id: string | null }[],
  round: Pick<LiveRound, 'choice_ids' | 'tally' | 'winning_choice_id'> | null,
) {
  const onBallot = round ? choices.filter((c) => round.choice_ids.includes(c.id)) : choices;
  const total = round?.tally ? Object.values(round.tally).reduce((sum, n) => sum + n, 0) : 0;
  return onBallot.map((choice) => {
    const votes = round?.tally ? (round.tally[choice.id] ?? 0) : null;
    return {
      ...choice,
      votes,
      share: votes === null || total === 0 ? 0 : votes / total,
      winner: round?.winning_choice_id === choice.id,
    };
  });
}
