'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { createClient } from '@/lib/supabase/client';
import { liveKeys } from './keys';
import { castVoteAction } from './live-actions';
import { useLiveEvent, useOnLive } from './live-channel';
import { getCurrentRound, type LiveRound } from './queries';
import { clockOffset } from './server-clock';
import { type Tally, withTallyHint } from './tally';

type RoundPayload = {
  round_id: string;
  status: LiveRound['status'];
  closes_at: string;
  paused_at: string | null;
  tally: Tally | null;
  winning_choice_id: string | null;
  tied_choice_ids: string[] | null;
  server_now?: string;
};

/**
 * The session's current round, its tally and the caller's vote. A 'round' event patches the round at
 * once (status, timer, reveal) and re-fetches it (the authoritative tally and my vote); a 'tally' event
 * is a hint patched into an open round's counts. The countdown's clock offset comes from the server
 * timestamps: the page's render time first, then each round event's server_now.
 */
export function useVoting(sessionId: string, participantId: string | null, renderedAt: { serverNow: string }) {
  const queryClient = useQueryClient();
  const queryKey = liveKeys.round(sessionId);
  const [offsetMs, setOffsetMs] = useState(() => clockOffset(renderedAt.serverNow, Date.now()));
  const round = useQuery({
    queryKey,
    queryFn: () => getCurrentRound(createClient(), { sessionId, participantId }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  const refetch = () => void refetchNow(queryClient, queryKey);
  useLiveEvent('round', (payload) => {
    const change = payload as RoundPayload;
    if (change.server_now) setOffsetMs(clockOffset(change.server_now, Date.now()));
    queryClient.setQueryData<LiveRound | null>(queryKey, (current) =>
      current && current.id === change.round_id
        ? {
            ...current,
            status: change.status,
            closes_at: change.closes_at,
            paused_at: change.paused_at,
            tally: change.tally ?? current.tally,
            winning_choice_id: change.winning_choice_id,
            tied_choice_ids: change.tied_choice_ids,
          }
        : current,
    );
    refetch();
  });
  useLiveEvent('tally', (payload) =>
    queryClient.setQueryData<LiveRound | null>(queryKey, (current) =>
      withTallyHint(current, payload as { round_id?: string; tally?: Tally }),
    ),
  );
  useLiveEvent('veto', refetch);
  useOnLive(refetch);

  /** Casts or changes the caller's vote; shows it at once and puts it back if the database says no. */
  async function vote(choiceId: string): Promise<string | null> {
    const current = queryClient.getQueryData<LiveRound | null>(queryKey);
    if (!current) return null;
    const previous = current.myChoiceId;
    queryClient.setQueryData<LiveRound | null>(queryKey, (r) => (r ? { ...r, myChoiceId: choiceId } : r));
    const result = await castVoteAction({ roundId: current.id, choiceId });
    if (!result.ok) {
      queryClient.setQueryData<LiveRound | null>(queryKey, (r) => (r ? { ...r, myChoiceId: previous } : r));
      return result.error;
    }
    return null;
  }

  return { round: round.data ?? null, offsetMs, vote, refetch };
}
