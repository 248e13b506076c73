'use client';

import { useQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import type { ChildOverview } from './child-status';
import { familyKeys } from './keys';
import { getChildrenOverview } from './queries';

/**
 * Each child's status and minutes today, starting from the server render's data; the family's
 * realtime events invalidate it (useFamilyEvents), so a new request, minutes read or a pause from
 * another device show up without a reload.
 */
export function useChildrenOverview(familyId: string, initialData: ChildOverview[]) {
  return useQuery({
    queryKey: familyKeys.children(familyId),
    queryFn: () => getChildrenOverview(createClient()),
    initialData,
  });
}
