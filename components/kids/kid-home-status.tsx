'use client';

import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { type KidReadingStart, useKidReading } from '@/lib/kids/use-kid-reading';
import { useRefreshOnEvents } from '@/lib/realtime/use-refresh-on-events';
import { ReadingStatusCard } from './reading-status-card';
import { TimeLeft } from './time-left';

/**
 * The kid home's reading status: one status and today's time left, live. Reading time is counted in
 * the story reader (a story on screen), so no clock runs here; a grown-up's answer or change re-renders
 * the page too (the stories offered follow what the child may read). With `storyId` (the reader's page
 * while reading is closed) a "more time" request says which story the child was reading.
 */
export function KidHomeStatus({ start, storyId }: { start: KidReadingStart; storyId?: string }) {
  const refresh = useRefreshOnEvents();
  const { day, live, askForMore, status } = useKidReading(start, { onEvent: refresh });
  return (
    <div className="space-y-6" data-testid="kid-reading-status">
      <ReadingStatusCard status={status} />
      <TimeLeft secondsLeft={day.seconds_left} secondsAllowed={day.seconds_allowed} />
      {status.kind === 'used_up' ? (
        <div className="flex flex-col items-center gap-3">
          <Button
            variant="kid"
            onClick={() => askForMore.mutate({ minutes: 15, storyId })}
            disabled={askForMore.isPending}
            className="w-full max-w-sm text-2xl"
          >
            Ask for more time
          </Button>
          <FormAlert message={askForMore.error?.message} size="kid" />
        </div>
      ) : null}
      <span hidden data-testid="live-status" data-status={live} />
    </div>
  );
}
