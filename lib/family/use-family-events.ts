'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type FamilyEvent, toFamilyEvent } from '@/lib/realtime/family-event';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { useRealtimeChannel } from '@/lib/realtime/use-realtime-channel';
import { familyKeys } from './keys';

/**
 * A parent's live view of the family: every change the database announces on family:<id> (a child's
 * request, minutes read, controls, consent, a purchase) and, with `wallet`, every change of the
 * family's wallet row (postgres_changes: each credit movement updates it; RLS shows it to the family's
 * parents only) invalidates the family's queries; so does every (re)join, which repairs anything missed while
 * disconnected. `onEvent` lets server-rendered parts refresh too (a wallet change comes as null).
 */
export function useFamilyEvents(
  familyId: string | null,
  onEvent?: (event: FamilyEvent | null) => void,
  { wallet = false }: { wallet?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useRealtimeChannel({
    topic: familyId ? `family:${familyId}` : null,
    private: true,
    configure: (channel) => {
      channel.on('broadcast', { event: '*' }, ({ event, payload }) => {
        if (familyId) void refetchNow(queryClient, familyKeys.family(familyId));
        onEvent?.(toFamilyEvent(event, payload));
      });
      // Only pages that show credits listen to the wallet: a postgres_changes binding makes the
      // platform decode the WAL while the page is open.
      if (wallet) {
        channel.on(
          'postgres_changes',
          { event: 'UPDATE', schema: 'public', table: 'wallets', filter: `family_id=eq.${familyId}` },
          () => {
            if (familyId) void refetchNow(queryClient, familyKeys.family(familyId));
            onEvent?.(null);
          },
        );
      }
    },
    onLive: () => {
      if (familyId) void refetchNow(queryClient, familyKeys.family(familyId));
      onEvent?.(null);
    },
  });
}
