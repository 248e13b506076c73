'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { kidKeys } from './keys';
import type { ReadingBeat } from './mutations';
import { type ClockState, countdownSecondsLeft, dayAfterBeat, mayRead, type ReadingDay } from './reading-status';
import { useHeartbeatLoop } from './use-heartbeat-loop';
import { usePageActivity } from './use-page-activity';

/** No touch, scroll or key for this long and the child is taken to have stopped reading. */
const IDLE_AFTER_MS = 2 * 60_000;

/**
 * The reader's clock. Once the child starts, it beats while the page is visible, the child is active
 * and the day may be read; it stops (with a last beat that ends the stretch) when any of that ends.
 * The database decides everything: the beat's answer patches the day in the cache, and a stop (pause,
 * bedtime, limit) makes the day be re-read. A pause keeps the wish to read, so reading carries on by
 * itself when a grown-up resumes; the limit and bedtime end it.
 */
export function useReadingClock(childId: string, day: ReadingDay, { autoStart = false } = {}) {
  const queryClient = useQueryClient();
  // The story reader starts counting as it opens (a story on screen is reading).
  const [wantsToRead, setWantsToRead] = useState(autoStart);
  const [stoppedByLimit, setStoppedByLimit] = useState(false);
  // Where the last beat left the day, for the countdown between beats (display only).
  const [anchor, setAnchor] = useState<{ at: number; secondsLeft: number } | null>(null);
  const { visible, active } = usePageActivity(IDLE_AFTER_MS);
  const running = wantsToRead && mayRead(day) && visible && active;

  const apply = useCallback(
    (beat: ReadingBeat) => {
      queryClient.setQueryData<ReadingDay>(kidKeys.day(childId), (old) => (old ? dayAfterBeat(old, beat) : old));
      setAnchor({ at: Date.now(), secondsLeft: beat.seconds_left });
      if (beat.status === 'stopped') {
        if (beat.reason === 'daily_limit') setStoppedByLimit(true);
        if (beat.reason === 'daily_limit' || beat.reason === 'bedtime') setWantsToRead(false);
        // Pause, bedtime and the switch are flags of the day the beat does not carry: re-read it.
        void queryClient.invalidateQueries({ queryKey: kidKeys.day(childId) });
      }
    },
    [childId, queryClient],
  );
  // The countdown's anchor belongs to one stretch of reading.
  useEffect(() => {
    if (running) return () => setAnchor(null);
  }, [running]);
  useHeartbeatLoop(running, apply);

  // A countdown between beats, re-rendered each second while the clock runs (no network involved).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const ticker = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(ticker);
  }, [running]);
  const secondsLeft = running && anchor ? countdownSecondsLeft(anchor, now) : day.seconds_left;

  const clock: ClockState = running ? 'running' : wantsToRead && mayRead(day) ? 'resting' : 'off';
  return {
    clock,
    secondsLeft,
    stoppedByLimit,
    start: useCallback(() => {
      setStoppedByLimit(false);
      setWantsToRead(true);
    }, []),
    stop: useCallback(() => setWantsToRead(false), []),
  };
}
