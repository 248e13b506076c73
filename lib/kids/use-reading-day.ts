'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createClient } from '@/lib/supabase/client';
import { kidKeys } from './keys';
import { getMyReadingDay } from './queries';
import type { ReadingDay } from './reading-status';

/**
 * Today's reading day of the signed-in child, starting from the server render. Realtime events
 * (useChildEvents) and heartbeats keep it current; the one change no event announces — the clock
 * reaching midnight or a bedtime edge — is re-read at the moment the database said it would come.
 */
export function useReadingDay(childId: string, initialData: ReadingDay) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: kidKeys.day(childId),
    queryFn: async () => (await getMyReadingDay(createClient())) ?? initialData,
    initialData,
  });
  const changeIn = query.data.seconds_to_change;
  useEffect(() => {
    if (!changeIn || changeIn <= 0) return;
    // setTimeout holds at most ~24.8 days; a day boundary is always sooner.
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: kidKeys.day(childId) }),
      changeIn * 1000 + 500,
    );
    return () => clearTimeout(timer);
  }, [changeIn, childId, queryClient]);
  return query.data;
}
