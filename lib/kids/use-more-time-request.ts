'use client';

import { useQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import { kidKeys } from './keys';
import { getLatestMoreTimeRequest } from './queries';
import type { MoreTimeRequest } from './reading-status';

/** The child's latest "more time" request for that day; answers arrive through useChildEvents. */
export function useMoreTimeRequest(childId: string, date: string, initialData?: MoreTimeRequest) {
  return (
    useQuery({
      queryKey: kidKeys.moreTime(childId, date),
      queryFn: async (): Promise<MoreTimeRequest> => {
        const request = await getLatestMoreTimeRequest(createClient(), { childId, date });
        return request ? { status: request.status, minutes: request.minutes } : null;
      },
      initialData,
    }).data ?? null
  );
}
