'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestMoreTimeAction } from '@/app/kids/read/request-more-time-action';
import { kidKeys } from './keys';

export type MoreTimeAsk = { minutes: number; storyId?: string; segmentId?: string };

/**
 * Asks the parents for more minutes today (from a story: with the story and page, so the parent sees what
 * the child is reading); the open request shows at once, the answer comes by realtime.
 */
export function useRequestMoreTime(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ask: MoreTimeAsk) => {
      const result = await requestMoreTimeAction(ask);
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: kidKeys.me(childId) }),
  });
}
