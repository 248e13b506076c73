'use client';

import { useEffect, useState } from 'react';
import { formatCountdown, secondsLeft } from '@/lib/live/server-clock';

/** Time left in a round on the server's clock (offsetMs from useVoting); frozen while paused. */
export function Countdown({
  closesAt,
  pausedAt,
  offsetMs,
  className = '',
}: {
  closesAt: string;
  pausedAt: string | null;
  offsetMs: number;
  className?: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (pausedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [pausedAt]);
  const left = secondsLeft({ closesAt, pausedAt }, now, offsetMs);
  return (
    <p className={className} data-testid="live-countdown">
      {/* role=timer is not announced on every tick; the label says what the number is. */}
      <span role="timer" aria-label={pausedAt ? 'Vote paused' : `${left} seconds left to vote`}>
        {pausedAt ? `Paused · ${formatCountdown(left)}` : `${formatCountdown(left)} left`}
      </span>
    </p>
  );
}
