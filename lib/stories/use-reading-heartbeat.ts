'use client';

import { useEffect, useRef, useState } from 'react';
import { type ReadingBeat, sendReadingHeartbeat } from '@/lib/kids/mutations';
import { usePageActivity } from '@/lib/kids/use-page-activity';
import { createClient } from '@/lib/supabase/client';

/** As on /kids/read (useReadingClock): a beat every 15 s; the database counts up to 30 s between beats. */
const BEAT_MS = 15_000;
const IDLE_AFTER_MS = 2 * 60_000;

export type ReadingLimit = { reason: string; message: string };

const STOP_SENTENCES: Record<string, string> = {
  daily_limit: "That's all the reading time for today.",
  bedtime: "It's bedtime.",
  paused: 'A grown-up paused reading for now.',
  reading_off: 'Reading is switched off today.',
};

/**
 * A child's reading time while a story is open, on the same heartbeats as /kids/read: the reader beats
 * while the page is visible and the child active, the database measures the time between beats with
 * its own clock and answers when reading stops (limit, bedtime, pause); then the reader shows "to be
 * continued" after the page on screen. Leaving, hiding the page or going idle ends the stretch.
 */
export function useReadingHeartbeat(enabled: boolean) {
  const [limit, setLimit] = useState<ReadingLimit | null>(null);
  const { visible, active } = usePageActivity(IDLE_AFTER_MS);
  const running = enabled && !limit && visible && active;
  const stopRef = useRef<(beat: ReadingBeat) => void>(() => {});
  stopRef.current = (beat) => {
    if (beat.status !== 'stopped' || !beat.reason) return;
    setLimit({ reason: beat.reason, message: STOP_SENTENCES[beat.reason] ?? 'Reading has stopped for now.' });
  };

  useEffect(() => {
    if (!running) return;
    const supabase = createClient();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function beat() {
      try {
        const answer = await sendReadingHeartbeat(supabase);
        if (cancelled) return;
        stopRef.current(answer);
        if (answer.status !== 'reading') return;
        // Beat again in 15 s, or right when the limit or bedtime is due, so the stop shows on time.
        const dueMs = (answer.seconds_to_stop ?? Number.POSITIVE_INFINITY) * 1000 + 300;
        timer = setTimeout(beat, Math.max(1000, Math.min(BEAT_MS, dueMs)));
      } catch (error) {
        // Offline or a hiccup: the next beat tries again; a lost beat costs the child nothing.
        console.warn('[story reader] heartbeat failed', error);
        if (!cancelled) timer = setTimeout(beat, BEAT_MS);
      }
    }
    void beat();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      void sendReadingHeartbeat(supabase, { stop: true }).catch(() => {});
    };
  }, [running]);

  return { limit };
}
