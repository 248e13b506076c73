'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestMoreTimeAction } from '@/app/kids/read/request-more-time-action';
import { kidKeys } from './keys';

/** Asks the parents for more minutes today; the open request shows at once, the answer comes by realtime. */
export function useRequestMoreTime(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (minutes: number) => {
      const result = await requestMoreTimeAction({ minutes });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: kidKeys.me(childId) }),
  });
}
