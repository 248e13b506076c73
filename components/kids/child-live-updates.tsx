'use client';

import { useChildEvents } from '@/lib/kids/use-child-events';
import { useRefreshOnEvents } from '@/lib/realtime/use-refresh-on-events';

/** Keeps the child's server-rendered screen current: a pause, a new limit or an answer re-renders it. */
export function ChildLiveUpdates({ childId }: { childId: string }) {
  const refresh = useRefreshOnEvents();
  const status = useChildEvents(childId, refresh);
  return <span hidden data-testid="live-status" data-status={status} />;
}
