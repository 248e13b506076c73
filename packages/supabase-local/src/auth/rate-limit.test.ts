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

  it('refuses everything when the limit is zero', () => {
    expect(new IntervalLimiter(0, 1000, () => 0).take()).toBe(false);
  });
});
