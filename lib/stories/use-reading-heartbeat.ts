'use client';

import { useState } from 'react';
import { useHeartbeatLoop } from '@/lib/kids/use-heartbeat-loop';
import { usePageActivity } from '@/lib/kids/use-page-activity';

/** As on /kids/read (useReadingClock): no touch, scroll or key for this long and reading has stopped. */
const IDLE_AFTER_MS = 2 * 60_000;

export type ReadingLimit = { reason: string; message: string };

const STOP_SENTENCES: Record<string, string> = {
  daily_limit: "That's all the reading time for today.",
  bedtime: "It's bedtime.",
  paused: 'A grown-up paused reading for now.',
  reading_off: 'Reading is switched off today.',
};

/**
 * A child's reading time while a story is open, on the heartbeats /kids/read uses: the reader beats
 * while the page is visible and the child active; when the database answers that reading stops
 * (limit, bedtime, pause) the reader shows "to be continued" after the page on screen.
 */
export function useReadingHeartbeat(enabled: boolean) {
  const [limit, setLimit] = useState<ReadingLimit | null>(null);
  const { visible, active } = usePageActivity(IDLE_AFTER_MS);
  useHeartbeatLoop(enabled && !limit && visible && active, (beat) => {
    if (beat.status !== 'stopped' || !beat.reason) return;
    setLimit({ reason: beat.reason, message: STOP_SENTENCES[beat.reason] ?? 'Reading has stopped for now.' });
  });
  return { limit };
}
