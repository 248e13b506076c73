import { minutesLeft } from '@/lib/kids/reading-status';

/**
 * Today's time left as a big number of minutes and a bar that empties as the child reads; `compact`
 * (the story reader's bar) keeps the number small so the page stays the story's.
 */
export function TimeLeft({
  secondsLeft,
  secondsAllowed,
  compact = false,
}: {
  secondsLeft: number;
  secondsAllowed: number;
  compact?: boolean;
}) {
  const left = minutesLeft(secondsLeft);
  const allowed = Math.floor(secondsAllowed / 60);
  const percent = secondsAllowed > 0 ? Math.round((Math.max(0, secondsLeft) / secondsAllowed) * 100) : 0;
  return (
    <div className={compact ? 'space-y-1' : 'space-y-3'}>
      <p className={compact ? 'text-left' : 'text-center'}>
        <span
          className={
            compact
              ? 'mr-2 text-3xl font-black tabular-nums text-kid-ink'
              : 'block text-7xl font-black tabular-nums text-kid-ink'
          }
          data-testid="minutes-left"
        >
          {left}
        </span>
        <span className={compact ? 'text-lg text-kid-ink-muted' : 'text-xl text-kid-ink-muted'}>
          {left === 1 ? 'minute' : 'minutes'} left today (of {allowed})
        </span>
      </p>
      <div
        className={`${compact ? 'h-2' : 'h-4'} w-full overflow-hidden rounded-full bg-kid-sky`}
        role="progressbar"
        aria-label="Reading time left today"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div
          className="h-full rounded-full bg-kid-leaf transition-[width] duration-1000"
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
