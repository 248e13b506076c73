'use client';

import { useFamilyEvents } from '@/lib/family/use-family-events';

/**
 * Joins the family's realtime topic for every parent page: each event (and each reconnect) invalidates
 * the family's React Query data, so the live parts re-fetch. Renders nothing visible.
 */
export function FamilyLiveUpdates({ familyId }: { familyId: string }) {
  const status = useFamilyEvents(familyId);
  return <span hidden data-testid="live-status" data-status={status} />;
}
