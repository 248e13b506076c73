'use client';

import { ReadingStatusCard } from '@/components/kids/reading-status-card';
import { TimeLeft } from '@/components/kids/time-left';
import { ButtonLink } from '@/components/ui/button';
import { type KidReadingStart, useKidReading } from '@/lib/kids/use-kid-reading';
import { StoryReader, type StoryReaderProps } from './story-reader';
import { ToBeContinued } from './to-be-continued';

/**
 * The story reader in kid mode: reading time counts while the story is open (the heartbeats of
 * /kids/read's clock), the one status and the minutes left sit above the page, and when the child may
 * not read on the page on screen is finished and "to be continued" replaces its choices. A grown-up's
 * pause or answer arrives by realtime and changes the status in place; the story stays loaded.
 */
export function KidStoryReader({
  start,
  ...reader
}: Omit<StoryReaderProps, 'kid' | 'gate'> & { start: KidReadingStart }) {
  const { day, live, clock, askForMore, status } = useKidReading(start, { autoStart: true });
  const reading = status.kind === 'reading' || status.kind === 'resting';
  return (
    <StoryReader
      {...reader}
      kid
      gate={{
        bar: (
          <div className="space-y-3" data-testid="kid-reading-bar">
            <ReadingStatusCard status={status} />
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div className="min-w-48 flex-1">
                <TimeLeft compact secondsLeft={clock.secondsLeft} secondsAllowed={day.seconds_allowed} />
              </div>
              <ButtonLink href="/kids/read" variant="secondary" size="kid" onClick={clock.stop}>
                Stop reading
              </ButtonLink>
            </div>
            <span hidden data-testid="live-status" data-status={live} />
          </div>
        ),
        stopAt: (segmentId) =>
          reading ? null : (
            <ToBeContinued
              status={status}
              onAsk={() => askForMore.mutate({ minutes: 15, storyId: reader.storyId, segmentId })}
              asking={askForMore.isPending}
              askError={askForMore.error?.message ?? null}
              onReadOn={clock.start}
            />
          ),
      }}
    />
  );
}
