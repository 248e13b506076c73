'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { type ReadingTick, recordReadingTimeAction } from '@/app/kids/read/reading-actions';

const TICK_MS = 60_000;
const USED_UP = "Today's reading time is used up. You can ask a grown-up for more time.";
const BIG_BUTTON =
  'rounded-2xl px-8 py-4 text-2xl font-bold focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-60';

type Props = { minutesLeft: number; minutesAllowed: number; blocked: string | null };

/**
 * Reports reading time to the database a minute at a time; the database decides whether the child may
 * go on (limit, bedtime, pause), so a refusal simply stops the timer and shows why. A started minute
 * counts, which is why starting records the first minute at once.
 */
export function ReadingTimer({ minutesLeft: initialLeft, minutesAllowed, blocked }: Props) {
  const [left, setLeft] = useState(initialLeft);
  const [reading, setReading] = useState(false);
  const [stopped, setStopped] = useState<string | null>(blocked ?? (initialLeft <= 0 ? 'daily_limit' : null));
  // Opening the page with no time left says why straight away, not only after pressing Start.
  const [message, setMessage] = useState<string | null>(!blocked && initialLeft <= 0 ? USED_UP : null);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const router = useRouter();

  function stop() {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setReading(false);
  }

  function apply(tick: ReadingTick) {
    if (tick.state === 'stopped') {
      stop();
      setStopped(tick.reason);
      setMessage(tick.message);
      // The page around the timer (e.g. "Ask for more time") follows the database's answer.
      router.refresh();
      return;
    }
    setLeft(tick.minutesLeft);
    if (tick.minutesLeft <= 0) {
      stop();
      setStopped('daily_limit');
      setMessage(USED_UP);
      router.refresh();
    }
  }

  function record() {
    startTransition(async () => {
      const result = await recordReadingTimeAction({ minutes: 1 });
      if (result?.ok) apply(result.data);
      else if (result) setMessage(result.error);
    });
  }

  function start() {
    setMessage(null);
    setReading(true);
    record();
    timer.current = setInterval(record, TICK_MS);
  }

  // Never leave an interval running after the page goes away (only the ref is needed, not state).
  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
    },
    [],
  );

  return (
    <div className="space-y-4 text-center">
      <p className="text-5xl font-black text-sky-950" data-testid="minutes-left">
        {Math.max(left, 0)}
      </p>
      <p className="text-xl text-sky-900">
        {left === 1 ? 'minute' : 'minutes'} left today (of {minutesAllowed})
      </p>
      {message ? (
        <p role="status" className="rounded-2xl bg-amber-100 px-4 py-3 text-xl text-amber-950">
          {message}
        </p>
      ) : null}
      {stopped ? null : reading ? (
        <button type="button" onClick={stop} className={`${BIG_BUTTON} bg-sky-200 text-sky-950 hover:bg-sky-100`}>
          Stop reading
        </button>
      ) : (
        <button
          type="button"
          onClick={start}
          disabled={pending}
          className={`${BIG_BUTTON} bg-emerald-400 text-emerald-950 shadow hover:bg-emerald-300`}
        >
          Start reading
        </button>
      )}
      {reading ? <p className="text-lg text-sky-800">Reading… enjoy your story!</p> : null}
    </div>
  );
}
