import type { Database, Enums } from '@/lib/database.types';

// What the child's reader shows: exactly one status at a time, decided from the database's answer
// about today (get_my_reading_day / reading_heartbeat), today's "more time" request and whether the
// reader's clock is running on this screen. Shared by the reader and its unit tests.

export type ReadingDay = Database['public']['Functions']['get_my_reading_day']['Returns'][number];

export type MoreTimeRequest = { status: Enums<'approval_status'>; minutes: number | null } | null;

/** The reader on this screen: not started, counting, or started but the child looks away (hidden/idle). */
export type ClockState = 'off' | 'running' | 'resting';

export type KidStatus =
  | { kind: 'ready' }
  | { kind: 'reading' }
  | { kind: 'resting' }
  | { kind: 'paused' }
  | { kind: 'reading_off' }
  | { kind: 'bedtime'; opensAt: string }
  | { kind: 'used_up'; continued: boolean }
  | { kind: 'waiting'; minutes: number | null }
  | { kind: 'more_time'; minutes: number | null }
  | { kind: 'not_today' };

export type KidStatusKind = KidStatus['kind'];

/** Whether the database would let the child read right now. */
export function mayRead(day: ReadingDay): boolean {
  return !day.paused && day.reading_allowed && !day.in_bedtime && day.seconds_left > 0;
}

/**
 * The one status to show. A grown-up's pause wins over everything, then reading switched off, bedtime,
 * and a used-up day (with the answer to a "more time" request, if there is one); only a day that may be
 * read shows the reader's own state. `stoppedByLimit` says the limit ended reading on this screen, so
 * the reader closes the story with "to be continued".
 */
export function kidStatus(
  day: ReadingDay,
  request: MoreTimeRequest,
  clock: ClockState,
  stoppedByLimit = false,
): KidStatus {
  if (day.paused) return { kind: 'paused' };
  if (!day.reading_allowed) return { kind: 'reading_off' };
  if (day.in_bedtime) return { kind: 'bedtime', opensAt: day.bedtime_end.slice(0, 5) };
  if (day.seconds_left <= 0) {
    if (request?.status === 'pending') return { kind: 'waiting', minutes: request.minutes };
    if (request?.status === 'denied') return { kind: 'not_today' };
    return { kind: 'used_up', continued: stoppedByLimit };
  }
  if (clock === 'running') return { kind: 'reading' };
  if (clock === 'resting') return { kind: 'resting' };
  if (request?.status === 'approved') return { kind: 'more_time', minutes: request.minutes };
  return { kind: 'ready' };
}

const minutes = (n: number | null) => (n ? `${n} more minutes` : 'more time');

/** The sentence a child reads for each status (short, warm, no jargon). */
export function kidStatusText(status: KidStatus): string {
  switch (status.kind) {
    case 'ready':
      return 'Ready when you are!';
    case 'reading':
      return 'Reading… enjoy your story!';
    case 'resting':
      return 'Still reading? Tap anywhere to go on.';
    case 'paused':
      return 'A grown-up has paused reading for now.';
    case 'reading_off':
      return 'Reading is switched off right now.';
    case 'bedtime':
      return `It's bedtime. Sweet dreams! Reading opens again at ${status.opensAt}.`;
    case 'used_up':
      return status.continued
        ? "To be continued… Today's reading time is used up. You can ask a grown-up for more time."
        : "Today's reading time is used up. You can ask a grown-up for more time.";
    case 'waiting':
      return `You asked for ${minutes(status.minutes)}. Waiting for a grown-up…`;
    case 'more_time':
      return `Yes! A grown-up gave you ${minutes(status.minutes)}.`;
    case 'not_today':
      return 'A grown-up said not today. Time for something else!';
  }
}

/** The day after a heartbeat: the beat's seconds, and the minutes they make (as get_my_reading_day counts). */
export function dayAfterBeat(
  day: ReadingDay,
  beat: { seconds_used: number; seconds_allowed: number; seconds_left: number },
): ReadingDay {
  return {
    ...day,
    seconds_used: beat.seconds_used,
    seconds_allowed: beat.seconds_allowed,
    seconds_left: beat.seconds_left,
    minutes_used: Math.floor(beat.seconds_used / 60),
    minutes_allowed: Math.floor(beat.seconds_allowed / 60),
    minutes_left: minutesLeft(beat.seconds_left),
  };
}

/** Minutes shown to the child: a started minute still counts as left, so "0" means nothing is left. */
export function minutesLeft(secondsLeft: number): number {
  return Math.max(0, Math.ceil(secondsLeft / 60));
}

/**
 * The countdown between beats (display only): what the last beat left, less the whole seconds since it
 * arrived. Never more than the beat said: the ticking clock may be older than the beat (it was last set
 * before the beat arrived), and a stale clock must not add time.
 */
export function countdownSecondsLeft(anchor: { at: number; secondsLeft: number }, now: number): number {
  const elapsed = Math.max(0, Math.floor((now - anchor.at) / 1000));
  return Math.max(0, anchor.secondsLeft - elapsed);
}
