'use client';

import { useQuery } from '@tanstack/react-query';
import { createClient } from '@/lib/supabase/client';
import { familyKeys } from './keys';
import { getPendingApprovals } from './queries';

export type PendingRequest = Awaited<ReturnType<typeof getPendingApprovals>>[number];

/** The family's open requests, live like useChildrenOverview. */
export function usePendingRequests(familyId: string, initialData: PendingRequest[]) {
  return useQuery({
    queryKey: familyKeys.requests(familyId),
    queryFn: () => getPendingApprovals(createClient(), { familyId }),
    initialData,
  });
}
