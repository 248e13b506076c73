import { describe, expect, it } from 'vitest';
import { lockedOut, PasswordLockout } from './lockout';

const config = { threshold: 3, baseSeconds: 10, maxSeconds: 35 };

describe('PasswordLockout', () => {
  it('locks an account after `threshold` failures in a row, doubling the wait up to the cap', () => {
    let now = 0;
    const lockout = new PasswordLockout(config, () => now);
    lockout.fail('Parent@Example.test');
    lockout.fail('parent@example.test');
    expect(lockout.lockedFor('parent@example.test')).toBe(0);
    lockout.fail(' PARENT@example.test ');
    expect(lockout.lockedFor('parent@example.test')).toBe(10);
    now = 4_200;
    expect(lockout.lockedFor('parent@example.test')).toBe(6);
    now = 10_000;
    expect(lockout.lockedFor('parent@example.test')).toBe(0);
    lockout.fail('parent@example.test');
    expect(lockout.lockedFor('parent@example.test')).toBe(20);
    now = 30_000;
    lockout.fail('parent@example.test');
    expect(lockout.lockedFor('parent@example.test')).toBe(35);
    expect(lockout.lockedFor('other@example.test')).toBe(0);
  });

  it('starts over after a success or a quiet day', () => {
    let now = 0;
    const lockout = new PasswordLockout(config, () => now);
    for (let i = 0; i < 3; i++) lockout.fail('a@example.test');
    lockout.succeed('a@example.test');
    lockout.fail('a@example.test');
    expect(lockout.lockedFor('a@example.test')).toBe(0);
    lockout.fail('a@example.test');
    now = 24 * 60 * 60 * 1000;
    lockout.fail('a@example.test');
    expect(lockout.lockedFor('a@example.test')).toBe(0);
  });

  it("answers GoTrue's 429 over_request_rate_limit with Retry-After", () => {
    const error = lockedOut(20);
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit', headers: { 'retry-after': '20' } });
    expect(error.message).toBe('For security purposes, you can only try again after 20 seconds.');
  });
});
