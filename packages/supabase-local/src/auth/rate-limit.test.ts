import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and key, then refuses until old hits leave the window', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 1000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([true, true, true]);
    expect(limiter.hit('a')).toBe(false);
    expect(limiter.hit('b')).toBe(true);
    now = 999;
    expect(limiter.hit('a')).toBe(false);
    now = 1001;
    expect(limiter.hit('a')).toBe(true);
  });

  it('does not count refused attempts against the client', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1000, () => now);
    expect(limiter.hit('a')).toBe(true);
    now = 500;
    expect(limiter.hit('a')).toBe(false);
    now = 1001;
    expect(limiter.hit('a')).toBe(true);
  });
});
