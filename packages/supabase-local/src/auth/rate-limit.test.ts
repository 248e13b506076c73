import { describe, expect, it } from 'vitest';
import { IntervalLimiter, TokenBucket } from './rate-limit';

describe('TokenBucket', () => {
  it('allows a burst per key, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(0.1, 3, 3_600_000, () => now);
    expect([bucket.take('a'), bucket.take('a'), bucket.take('a')]).toEqual([true, true, true]);
    expect(bucket.take('a')).toBe(false);
    expect(bucket.take('b')).toBe(true);
    now = 9_000;
    expect(bucket.take('a')).toBe(false);
    now = 10_500;
    expect(bucket.take('a')).toBe(true);
    expect(bucket.take('a')).toBe(false);
  });

  it('does not charge refused attempts and never holds more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket(1, 1, 3_600_000, () => now);
    expect(bucket.take('a')).toBe(true);
    now = 500;
    expect(bucket.take('a')).toBe(false);
    now = 1_000;
    expect(bucket.take('a')).toBe(true);
    now = 100_000;
    expect([bucket.take('a'), bucket.take('a')]).toEqual([true, false]);
  });

  it('tells how long a refused key waits for its next token', () => {
    let now = 0;
    const bucket = new TokenBucket(0.1, 1, 3_600_000, () => now);
    expect(bucket.waitSeconds('a')).toBe(0);
    bucket.take('a');
    expect(bucket.take('a')).toBe(false);
    expect(bucket.waitSeconds('a')).toBe(10);
    now = 2_500;
    expect(bucket.waitSeconds('a')).toBe(8);
    const never = new TokenBucket(0, 1, 60_000, () => now);
    never.take('a');
    expect(never.waitSeconds('a')).toBe(60);
  });

  it('forgets keys idle for the time to live', () => {
    let now = 0;
    const bucket = new TokenBucket(0, 1, 1000, () => now);
    expect([bucket.take('a'), bucket.take('a')]).toEqual([true, false]);
    now = 1000;
    expect(bucket.take('a')).toBe(true);
  });
});

describe('IntervalLimiter', () => {
  it('counts events per interval and starts over at the next one', () => {
    let now = 0;
    const limiter = new IntervalLimiter(2, 1000, () => now);
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, false]);
    now = 999;
    expect(limiter.take()).toBe(false);
    now = 1000;
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, false]);
  });

  it('tells how long until the next interval', () => {
    let now = 0;
    const limiter = new IntervalLimiter(1, 60_000, () => now);
    now = 15_200;
    expect(limiter.waitSeconds()).toBe(45);
    now = 60_000;
    expect(limiter.waitSeconds()).toBe(60);
  });

  it('refuses everything when the limit is zero', () => {
    expect(new IntervalLimiter(0, 1000, () => 0).take()).toBe(false);
  });
});
