'use client';

import { useQueryClient } from '@tanstack/react-query';
import { type FamilyEvent, toFamilyEvent } from '@/lib/realtime/family-event';
import { refetchNow } from '@/lib/realtime/refetch-now';
import { useRealtimeChannel } from '@/lib/realtime/use-realtime-channel';
import { kidKeys } from './keys';

/**
 * The child's screen follows what grown-ups do: a pause, a new limit, an answer to a request arrive on
 * child:<id> and invalidate the child's queries (and after every reconnect, to catch up).
 */
export function useChildEvents(childId: string | null, onEvent?: (event: FamilyEvent | null) => void) {
  const queryClient = useQueryClient();
  return useRealtimeChannel({
    topic: childId ? `child:${childId}` : null,
    private: true,
    configure: (channel) =>
      channel.on('broadcast', { event: '*' }, ({ event, payload }) => {
        if (childId) void refetchNow(queryClient, kidKeys.me(childId));
        onEvent?.(toFamilyEvent(event, payload));
      }),
    onLive: () => {
      if (childId) void refetchNow(queryClient, kidKeys.me(childId));
      onEvent?.(null);
    },
  });
}
