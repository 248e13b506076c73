'use client';

import { useEffect, useRef, useState } from 'react';
import { recordReadingTimeAction } from '@/app/kids/read/reading-actions';

const TICK_MS = 60_000;

export type ReadingLimit = { reason: string; message: string };

/**
 * A child's reading time while a story is open: one heartbeat at once (a started minute counts, as on
 * /kids/read) and one a minute after it, through the same recordReadingTimeAction. The database
 * decides when reading stops (daily limit, bedtime, pause); then the heartbeats stop and the reader
 * shows "to be continued" after the page on screen.
 */
export function useReadingHeartbeat(enabled: boolean) {
  const [limit, setLimit] = useState<ReadingLimit | null>(null);
  const [minutesLeft, setMinutesLeft] = useState<number | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | null = null;
    let cancelled = false;
    async function beat() {
      if (stopped.current) return;
      const result = await recordReadingTimeAction({ minutes: 1 });
      if (cancelled || !result?.ok) return;
      const tick = result.data;
      if (tick.state === 'stopped') {
        stopped.current = true;
        if (timer) clearInterval(timer);
        setLimit({ reason: tick.reason, message: tick.message });
      } else {
        setMinutesLeft(tick.minutesLeft);
        if (tick.minutesLeft <= 0) {
          stopped.current = true;
          if (timer) clearInterval(timer);
          setLimit({ reason: 'daily_limit', message: "That's all the reading time for today." });
        }
      }
    }
    // The first beat waits a tick: Strict Mode's mount-unmount-mount in development cancels it
    // before it is sent, so one open reader records one minute.
    const first = setTimeout(() => void beat(), 0);
    timer = setInterval(() => void beat(), TICK_MS);
    return () => {
      cancelled = true;
      clearTimeout(first);
      if (timer) clearInterval(timer);
    };
  }, [enabled]);

  return { limit, minutesLeft };
}
