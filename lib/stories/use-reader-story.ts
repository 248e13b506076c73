'use client';

import { useQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import { storyKeys } from './keys';
import { getReaderData, type ReaderData } from './story-reader-query';

/**
 * The story the reader shows, seeded by the server render; a finished continuation or rewrite job
 * invalidates it (storyKeys.story) so new pages appear without a reload.
 */
export function useReaderStory(storyId: string, initialData: ReaderData) {
  return useQuery({
    queryKey: storyKeys.story(storyId),
    queryFn: () => getReaderData(createClient(), { storyId }),
    initialData,
  });
}
