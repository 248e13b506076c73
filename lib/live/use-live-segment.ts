'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { createClient } from '@/lib/supabase/client';
import { liveKeys } from './keys';
import { useLiveEvent, useOnLive } from './live-channel';
import { getLiveSegment } from './queries';

/**
 * The page the session is reading, with its choices and picture. A new page is a new key (the session's
 * current_segment_id moved); a 'session' event may also mean a choice's page was just written, so the
 * page is fetched again then and after every (re)join.
 */
export function useLiveSegment(sessionId: string, segmentId: string | null) {
  const queryClient = useQueryClient();
  const queryKey = liveKeys.segment(sessionId, segmentId ?? 'none');
  const segment = useQuery({
    queryKey,
    queryFn: () => getLiveSegment(createClient(), { segmentId: segmentId as string }),
    enabled: Boolean(segmentId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const refetch = () => {
    if (segmentId) void refetchNow(queryClient, queryKey);
  };
  useLiveEvent('session', refetch);
  useOnLive(refetch);
  return { segment: segment.data ?? null, loading: segment.isPending && Boolean(segmentId), error: segment.error };
}
