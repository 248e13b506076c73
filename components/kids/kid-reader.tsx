'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { kidStatus, type MoreTimeRequest, type ReadingDay } from '@/lib/kids/reading-status';
import { useChildEvents } from '@/lib/kids/use-child-events';
import { useMoreTimeRequest } from '@/lib/kids/use-more-time-request';
import { useReadingClock } from '@/lib/kids/use-reading-clock';
import { useReadingDay } from '@/lib/kids/use-reading-day';
import { useRequestMoreTime } from '@/lib/kids/use-request-more-time';
import { ReadingStatusCard } from './reading-status-card';
import { TimeLeft } from './time-left';

const BIG = 'w-full max-w-sm text-2xl';

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
          <Button variant="kid" onClick={reader.start} className={BIG}>
            {status.kind === 'more_time' ? 'Read on' : 'Start reading'}
          </Button>
        ) : null}
        {status.kind === 'reading' || status.kind === 'resting' ? (
          <Button
            variant="kid"
            onClick={reader.stop}
            className={`${BIG} bg-kid-surface text-kid-ink ring-2 ring-kid-sky hover:bg-kid-sky`}
          >
            Stop reading
          </Button>
        ) : null}
        {status.kind === 'used_up' ? (
          <Button variant="kid" onClick={() => askForMore.mutate(15)} disabled={askForMore.isPending} className={BIG}>
            Ask for more time
          </Button>
        ) : null}
        <FormAlert message={askForMore.error?.message} size="kid" />
      </div>
      <span hidden data-testid="live-status" data-status={live} />
    </div>
  );
}
