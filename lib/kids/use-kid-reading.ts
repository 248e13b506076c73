'use client';

import type { FamilyEvent } from '@/lib/realtime/family-event';
import { kidStatus, type MoreTimeRequest, type ReadingDay } from './reading-status';
import { useChildEvents } from './use-child-events';
import { useMoreTimeRequest } from './use-more-time-request';
import { useReadingClock } from './use-reading-clock';
import { useReadingDay } from './use-reading-day';
import { useRequestMoreTime } from './use-request-more-time';

export type KidReadingStart = { childId: string; initialDay: ReadingDay; initialRequest: MoreTimeRequest };

/**
 * Everything a child's screen shows about today's reading, from the database through React Query: the
 * day (re-read on every realtime event for this child and after every reconnect), today's "more time"
 * request, the reading clock (heartbeats; `autoStart` for the story reader, which counts while a story
 * is open) and the one status those make.
 */
export function useKidReading(
  { childId, initialDay, initialRequest }: KidReadingStart,
  { autoStart = false, onEvent }: { autoStart?: boolean; onEvent?: (event: FamilyEvent | null) => void } = {},
) {
  const day = useReadingDay(childId, initialDay);
  const request = useMoreTimeRequest(
    childId,
    day.local_date,
    day.local_date === initialDay.local_date ? initialRequest : undefined,
  );
  const live = useChildEvents(childId, onEvent);
  const clock = useReadingClock(childId, day, { autoStart });
  const askForMore = useRequestMoreTime(childId);
  const status = kidStatus(day, request, clock.clock, clock.stoppedByLimit);
  return { day, live, clock, askForMore, status };
}
