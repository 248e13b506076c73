'use client';

import { useRouter } from 'next/navigation';
import { useFamilyEvents } from '@/lib/family/use-family-events';

/**
 * Joins the family's realtime topic for every parent page: each event (and each reconnect) invalidates
 * the family's React Query data, so the live parts re-fetch. Renders nothing visible.
 */
export function FamilyLiveUpdates({ familyId, wallet = false }: { familyId: string; wallet?: boolean }) {
  const router = useRouter();
  // With `wallet` (the credits pages, rendered on the server): a credit movement re-renders the page.
  const status = useFamilyEvents(familyId, wallet ? () => router.refresh() : undefined, { wallet });
  return <span hidden data-testid="live-status" data-status={status} />;
}
