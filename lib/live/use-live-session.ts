'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { createClient } from '@/lib/supabase/client';
import { liveKeys } from './keys';
import { useLiveEvent, useOnLive } from './live-channel';
import { getLiveSession, getLobby, getParticipants, type LiveParticipant, type LiveSession } from './queries';

/**
 * The session's state (status, story, page, settings), its participants and its lobby, seeded by the
 * server render and re-fetched through RLS on each 'session', 'participants', 'shortlist' and 'lobby'
 * event of live:<id>, and after every (re)join so a reconnect catches up.
 */
export function useLiveSession(sessionId: string, initial: { session: LiveSession; participants: LiveParticipant[] }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: liveKeys.state(sessionId),
    queryFn: async () => (await getLiveSession(createClient(), { sessionId })) ?? initial.session,
    initialData: initial.session,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const participants = useQuery({
    queryKey: liveKeys.participants(sessionId),
    queryFn: () => getParticipants(createClient(), { sessionId }),
    initialData: initial.participants,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const inLobby = session.data.status === 'lobby' || session.data.status === 'scheduled';
  const lobby = useQuery({
    queryKey: liveKeys.lobby(sessionId),
    queryFn: () => getLobby(createClient(), { sessionId }),
    enabled: inLobby,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const refetch = (key: readonly unknown[]) => void refetchNow(queryClient, key);
  useLiveEvent('session', () => {
    refetch(liveKeys.state(sessionId));
    refetch(liveKeys.lobby(sessionId));
  });
  useLiveEvent('participants', () => refetch(liveKeys.participants(sessionId)));
  useLiveEvent('shortlist', () => refetch(liveKeys.lobby(sessionId)));
  useLiveEvent('lobby', () => refetch(liveKeys.lobby(sessionId)));
  useOnLive(() => {
    refetch(liveKeys.state(sessionId));
    refetch(liveKeys.participants(sessionId));
    refetch(liveKeys.lobby(sessionId));
  });

  return { session: session.data, participants: participants.data, lobby: lobby.data ?? null };
}
