'use client';

import { useEffect, useRef } from 'react';
import { createClient } from '@/lib/supabase/client';
import { type ReadingBeat, sendReadingHeartbeat } from './mutations';

/** A beat every 15 s: the database counts the time between beats up to 30 s apart. */
const BEAT_MS = 15_000;

/**
 * The reading heartbeats of any reader (/kids/read's clock, the story reader): while `running`, a beat
 * at once and every 15 s, or right when the limit or bedtime is due, so the stop shows on time; a last
 * beat with `stop` ends the stretch when running ends. Every answer goes to `onBeat`.
 */
export function useHeartbeatLoop(running: boolean, onBeat: (beat: ReadingBeat) => void) {
  const onBeatRef = useRef(onBeat);
  onBeatRef.current = onBeat;

  useEffect(() => {
    if (!running) return;
    const supabase = createClient();
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function beat() {
      try {
        const answer = await sendReadingHeartbeat(supabase);
        if (cancelled) return;
        onBeatRef.current(answer);
        if (answer.status !== 'reading') return;
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
      // The stretch ends with the loop (Stop, hidden, idle, a grown-up's pause, leaving the page).
      void sendReadingHeartbeat(supabase, { stop: true })
        .then((answer) => onBeatRef.current(answer))
        .catch(() => {});
    };
  }, [running]);
}
