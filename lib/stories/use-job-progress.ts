'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { useRealtimeChannel } from '@/lib/realtime/use-realtime-channel';
import { createClient } from '@/lib/supabase/client';
import { storyKeys } from './keys';
import { getGenerationJob } from './queries';

export type JobProgress = Awaited<ReturnType<typeof getGenerationJob>>;

// What the database broadcasts on job:<id> for every change of status or progress.
type JobBroadcast = Pick<JobProgress, 'status' | 'progress' | 'error_code'>;

/**
 * A generation job as its progress bar shows it: fetched once, then patched from its private topic
 * job:<id> (every step the worker reports), and fetched again after every (re)join of the channel so a
 * step missed while offline is caught up. No polling.
 */
export function useJobProgress(jobId: string | null) {
  const queryClient = useQueryClient();
  const queryKey = storyKeys.job(jobId ?? 'none');
  const query = useQuery({
    queryKey,
    queryFn: () => getGenerationJob(createClient(), { jobId: jobId as string }),
    enabled: Boolean(jobId),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const channel = useRealtimeChannel({
    topic: jobId ? `job:${jobId}` : null,
    private: true,
    configure: (joined) =>
      joined.on('broadcast', { event: 'job' }, ({ payload }) => {
        const change = payload as JobBroadcast;
        queryClient.setQueryData<JobProgress>(queryKey, (job) =>
          job
            ? {
                ...job,
                status: change.status,
                // Broadcasts may arrive out of order; progress never goes backwards.
                progress: Math.max(job.progress, change.progress),
                error_code: change.error_code,
              }
            : job,
        );
        if (change.status === 'completed' || change.status === 'failed') {
          void refetchNow(queryClient, queryKey);
        }
      }),
    onLive: () => {
      if (jobId) void refetchNow(queryClient, queryKey);
    },
  });
  return { job: query.data ?? null, error: query.error, channel };
}
