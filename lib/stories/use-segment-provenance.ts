'use client';

import { useQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import { storyKeys } from './keys';
import { getSegmentProvenance } from './queries';

/** A page's provenance, fetched only once someone asks "why was this shown?" (`enabled`). */
export function useSegmentProvenance(segmentId: string, enabled: boolean) {
  return useQuery({
    queryKey: storyKeys.provenance(segmentId),
    queryFn: () => getSegmentProvenance(createClient(), { segmentId }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
