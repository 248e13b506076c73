import { describe, expect, it } from 'vitest';
import {
  countdownSecondsLeft,
  dayAfterBeat,
  type KidStatus,
  kidStatus,
  kidStatusText,
  mayRead,
  minutesLeft,
  type ReadingDay,
} from './reading-status';

const day = (overrides: Partial<ReadingDay> = {}): ReadingDay => ({
  local_date: '2027-05-01',
  minutes_used: 10,
  minutes_allowed: 30,
  minutes_left: 20,
  in_bedtime: false,
  bedtime_end: '07:00:00',
  paused: false,
  reading_allowed: true,
  seconds_used: 600,
  seconds_allowed: 1800,
  seconds_left: 1200,
  seconds_to_change: 3600,
  ...overrides,
});

const usedUp = { seconds_used: 1800, seconds_left: 0, minutes_used: 30, minutes_left: 0 };

describe('kidStatus', () => {
  it("shows the reader's own state only on a day that may be read", () => {
    expect(kidStatus(day(), null, 'off')).toEqual({ kind: 'ready' });
    expect(kidStatus(day(), null, 'running')).toEqual({ kind: 'reading' });
    expect(kidStatus(day(), null, 'resting')).toEqual({ kind: 'resting' });
  });

  it("a grown-up's pause wins over everything, then reading off, then bedtime", () => {
    const everything = day({ paused: true, reading_allowed: false, in_bedtime: true, ...usedUp });
    const pending = { status: 'pending', minutes: 15 } as const;
    expect(kidStatus(everything, pending, 'running')).toEqual({ kind: 'paused' });
    expect(kidStatus({ ...everything, paused: false }, pending, 'running')).toEqual({ kind: 'reading_off' });
    expect(kidStatus({ ...everything, paused: false, reading_allowed: true }, pending, 'running')).toEqual({
      kind: 'bedtime',
      opensAt: '07:00',
    });
  });

  it('a used-up day shows the answer to the request: waiting, not today, or used up', () => {
    expect(kidStatus(day(usedUp), null, 'off')).toEqual({ kind: 'used_up', continued: false });
    expect(kidStatus(day(usedUp), null, 'running', true)).toEqual({ kind: 'used_up', continued: true });
    expect(kidStatus(day(usedUp), { status: 'pending', minutes: 15 }, 'off')).toEqual({ kind: 'waiting', minutes: 15 });
    expect(kidStatus(day(usedUp), { status: 'denied', minutes: 15 }, 'off')).toEqual({ kind: 'not_today' });
    // An approval that has not reached the day yet (still 0 left) is not "yes" yet.
    expect(kidStatus(day(usedUp), { status: 'approved', minutes: 15 }, 'off').kind).toBe('used_up');
  });

  it('"yes, more time" once the minutes are there, until the child reads on', () => {
    const approved = { status: 'approved', minutes: 15 } as const;
    expect(kidStatus(day({ seconds_left: 900 }), approved, 'off')).toEqual({ kind: 'more_time', minutes: 15 });
    expect(kidStatus(day({ seconds_left: 900 }), approved, 'running')).toEqual({ kind: 'reading' });
  });

  it('has one sentence per status', () => {
    const all: KidStatus[] = [
      { kind: 'ready' },
      { kind: 'reading' },
      { kind: 'resting' },
      { kind: 'paused' },
      { kind: 'reading_off' },
      { kind: 'bedtime', opensAt: '07:00' },
      { kind: 'used_up', continued: false },
      { kind: 'used_up', continued: true },
      { kind: 'waiting', minutes: 15 },
      { kind: 'more_time', minutes: null },
      { kind: 'not_today' },
    ];
    const sentences = all.map(kidStatusText);
    expect(new Set(sentences).size).toBe(all.length);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*[.!…]$/);
    expect(kidStatusText({ kind: 'bedtime', opensAt: '07:00' })).toContain('07:00');
    expect(kidStatusText({ kind: 'used_up', continued: true })).toMatch(/^To be continued/);
  });
});

describe('mayRead and minutesLeft', () => {
  it('agree with the database about a day', () => {
    expect(mayRead(day())).toBe(true);
    expect(mayRead(day(usedUp))).toBe(false);
    expect(mayRead(day({ paused: true }))).toBe(false);
    expect(minutesLeft(0)).toBe(0);
    expect(minutesLeft(1)).toBe(1);
    expect(minutesLeft(60)).toBe(1);
    expect(minutesLeft(61)).toBe(2);
    expect(minutesLeft(-5)).toBe(0);
  });
});

describe('dayAfterBeat', () => {
  it("takes the beat's seconds and derives the minutes as the database does", () => {
    const after = dayAfterBeat(day(), { seconds_used: 659, seconds_allowed: 1800, seconds_left: 1141 });
    expect(after).toMatchObject({ minutes_used: 10, minutes_allowed: 30, minutes_left: 20, seconds_left: 1141 });
    expect(after.minutes_used + after.minutes_left).toBe(after.minutes_allowed);
    expect(dayAfterBeat(day(), { seconds_used: 1800, seconds_allowed: 1800, seconds_left: 0 }).minutes_left).toBe(0);
  });
});

describe('countdownSecondsLeft', () => {
  const anchor = { at: 100_000, secondsLeft: 3600 };

  it('counts down by whole seconds since the beat arrived, down to 0', () => {
    expect(countdownSecondsLeft(anchor, 100_000)).toBe(3600);
    expect(countdownSecondsLeft(anchor, 100_999)).toBe(3600);
    expect(countdownSecondsLeft(anchor, 115_000)).toBe(3585);
    expect(countdownSecondsLeft(anchor, 100_000 + 4_000_000)).toBe(0);
  });

  it('never shows more than the beat said when the ticking clock is older than the beat', () => {
    // The reader showed "61 minutes left (of 60)": its clock was last set 40 s before the beat came.
    expect(countdownSecondsLeft(anchor, 60_000)).toBe(3600);
  });
});
