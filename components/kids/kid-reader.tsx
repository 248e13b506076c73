'use client';

import { kidStatus, type MoreTimeRequest, type ReadingDay } from '@/lib/kids/reading-status';
import { useChildEvents } from '@/lib/kids/use-child-events';
import { useMoreTimeRequest } from '@/lib/kids/use-more-time-request';
import { useReadingClock } from '@/lib/kids/use-reading-clock';
import { useReadingDay } from '@/lib/kids/use-reading-day';
import { useRequestMoreTime } from '@/lib/kids/use-request-more-time';
import { ReadingStatusCard } from './reading-status-card';
import { TimeLeft } from './time-left';

const BIG_BUTTON =
  'min-h-16 w-full max-w-sm rounded-3xl px-8 py-4 text-2xl font-bold shadow focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60';

type Props = { childId: string; initialDay: ReadingDay; initialRequest: MoreTimeRequest };

/**
 * The reader (today: the timer page; stories come later). Everything it shows comes from the database
 * through React Query: the day (re-read on every realtime event for this child and after every
 * reconnect), today's request and the heartbeat's answers. It shows exactly one status.
 */
export function KidReader({ childId, initialDay, initialRequest }: Props) {
  const day = useReadingDay(childId, initialDay);
  const request = useMoreTimeRequest(
    childId,
    day.local_date,
    day.local_date === initialDay.local_date ? initialRequest : undefined,
  );
  const live = useChildEvents(childId);
  const reader = useReadingClock(childId, day);
  const askForMore = useRequestMoreTime(childId);
  const status = kidStatus(day, request, reader.clock, reader.stoppedByLimit);

  return (
    <div className="space-y-8" data-testid="kid-reader">
      <ReadingStatusCard status={status} />
      <TimeLeft secondsLeft={reader.secondsLeft} secondsAllowed={day.seconds_allowed} />
      <div className="flex flex-col items-center gap-3">
        {status.kind === 'ready' || status.kind === 'more_time' ? (
          <button
            type="button"
            onClick={reader.start}
            className={`${BIG_BUTTON} bg-emerald-400 text-emerald-950 hover:bg-emerald-300`}
          >
            {status.kind === 'more_time' ? 'Read on' : 'Start reading'}
          </button>
        ) : null}
        {status.kind === 'reading' || status.kind === 'resting' ? (
          <button
            type="button"
            onClick={reader.stop}
            className={`${BIG_BUTTON} bg-sky-200 text-sky-950 hover:bg-sky-100`}
          >
            Stop reading
          </button>
        ) : null}
        {status.kind === 'used_up' ? (
          <button
            type="button"
            onClick={() => askForMore.mutate(15)}
            disabled={askForMore.isPending}
            className={`${BIG_BUTTON} bg-violet-300 text-violet-950 hover:bg-violet-200`}
          >
            Ask for more time
          </button>
        ) : null}
        {askForMore.error ? (
          <p role="alert" className="rounded-2xl border border-red-200 bg-red-50 px-4 py-3 text-lg text-red-800">
            {askForMore.error.message}
          </p>
        ) : null}
      </div>
      <span hidden data-testid="live-status" data-status={live} />
    </div>
  );
}
