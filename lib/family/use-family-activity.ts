'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import type { AuditEntry } from './audit-entry';
import { familyKeys } from './keys';
import { type AuditCursor, getAuditPage } from './queries';

export const ACTIVITY_PAGE_SIZE = 20;

/**
 * The activity list, page by page (keyset: each page starts below the last entry of the one before).
 * The first page comes from the server render; family events invalidate it like the rest.
 */
export function useFamilyActivity(familyId: string, childId: string | null, firstPage: AuditEntry[]) {
  return useInfiniteQuery({
    queryKey: familyKeys.activity(familyId, childId),
    queryFn: ({ pageParam }) => getAuditPage(createClient(), { limit: ACTIVITY_PAGE_SIZE, before: pageParam, childId }),
    initialPageParam: null as AuditCursor | null,
    getNextPageParam: (lastPage) => {
      const last = lastPage.at(-1);
      return lastPage.length === ACTIVITY_PAGE_SIZE && last ? { at: last.created_at, id: last.id } : undefined;
    },
    initialData: { pages: [firstPage], pageParams: [null] },
  });
}
