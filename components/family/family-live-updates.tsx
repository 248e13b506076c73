'use client';

import { useFamilyEvents } from '@/lib/family/use-family-events';
import { useRefreshOnEvents } from '@/lib/realtime/use-refresh-on-events';

/** Keeps the parent's server-rendered page current: each family event re-renders it. Renders nothing. */
export function FamilyLiveUpdates({ familyId }: { familyId: string }) {
  const refresh = useRefreshOnEvents();
  const status = useFamilyEvents(familyId, refresh);
  return <span hidden data-testid="live-status" data-status={status} />;
}
