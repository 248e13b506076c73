'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { kidKeys } from './keys';
import { type ReadingBeat, sendReadingHeartbeat } from './mutations';
import { type ClockState, countdownSecondsLeft, dayAfterBeat, mayRead, type ReadingDay } from './reading-status';
import { usePageActivity } from './use-page-activity';

/** A beat every 15 s: the database counts the time between beats up to 30 s apart. */
const BEAT_MS = 15_000;
/** No touch, scroll or key for this long and the child is taken to have stopped reading. */
const IDLE_AFTER_MS = 2 * 60_000;

/**
 * The reader's clock. Once the child starts, it beats while the page is visible, the child is active
 * and the day may be read; it stops (with a last beat that ends the stretch) when any of that ends.
 * The database decides everything: the beat's answer patches the day in the cache, and a stop (pause,
 * bedtime, limit) makes the day be re-read. A pause keeps the wish to read, so reading carries on by
 * itself when a grown-up resumes; the limit and bedtime end it.
 */
export function useReadingClock(childId: string, day: ReadingDay) {
  const queryClient = useQueryClient();
  const [wantsToRead, setWantsToRead] = useState(false);
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
  const applyRef = useRef(apply);
  applyRef.current = apply;

  useEffect(() => {
    if (!running) return;
    const supabase = createClient();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function beat() {
      try {
        const answer = await sendReadingHeartbeat(supabase);
        if (cancelled) return;
        applyRef.current(answer);
        if (answer.status !== 'reading') return;
        // Beat again in 15 s, or right when the limit or bedtime is due, so the stop shows on time.
        const dueMs = (answer.seconds_to_stop ?? Number.POSITIVE_INFINITY) * 1000 + 300;
        timer = setTimeout(beat, Math.max(1000, Math.min(BEAT_MS, dueMs)));
      } catch (error) {
        // Offline or a server hiccup: try again at the next beat; the database credits nothing meanwhile
        // beyond 30 s, so a lost beat costs the child nothing.
        console.warn('[reader] heartbeat failed', error);
        if (!cancelled) timer = setTimeout(beat, BEAT_MS);
      }
    }

    void beat();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      setAnchor(null);
      // The stretch ends with the loop (Stop, hidden, idle, a grown-up's pause, leaving the page).
      void sendReadingHeartbeat(supabase, { stop: true })
        .then((answer) => applyRef.current(answer))
        .catch(() => {});
    };
  }, [running]);

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
