import { describe, expect, it } from 'vitest';
import { clientAddressFrom, kidSignInRefusal, TOO_MANY_ATTEMPTS } from './kid-sign-in';

describe('kidSignInRefusal', () => {
  it('tells a throttled device to wait, in a sentence', () => {
    expect(kidSignInRefusal({ status: 'too_many_attempts', locked_until: null, attempts_left: 0 })).toBe(
      'Too many tries from this device. Please wait a few minutes.',
    );
    expect(TOO_MANY_ATTEMPTS).toMatch(/^[A-Z].*\.$/);
  });

  it('lets only ok through and has a sentence for every other status', () => {
    expect(kidSignInRefusal({ status: 'ok', locked_until: null, attempts_left: null })).toBeNull();
    expect(kidSignInRefusal({ status: 'wrong_pin', locked_until: null, attempts_left: 1 })).toBe(
      "That PIN isn't right. You can try 1 more time.",
    );
    // A wait, not a clock time: the child's device may not be in the family's time zone.
    const inFifteen = new Date(Date.now() + 15 * 60_000 - 500).toISOString();
    expect(kidSignInRefusal({ status: 'locked', locked_until: inFifteen, attempts_left: 0 })).toBe(
      'Too many wrong PINs. Please wait 15 minutes or ask a grown-up.',
    );
    expect(kidSignInRefusal({ status: 'needs_parent_pin', locked_until: null, attempts_left: null })).toBe(
      'Ask a grown-up to set a parent PIN first.',
    );
    for (const status of ['not_found', 'needs_consent', 'device_unknown', 'something_new']) {
      expect(kidSignInRefusal({ status, locked_until: null, attempts_left: null })).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('clientAddressFrom', () => {
  it('takes the entry the trusted hops wrote, never one the browser sent, else unknown', () => {
    // One hop: the right-most entry is what the proxy (or Next) saw; the others came with the request.
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.2' }), 2)).toBe(
      '203.0.113.7',
    );
    // x-real-ip is whatever the client put there when no proxy overwrote it: not believed.
    expect(clientAddressFrom(new Headers({ 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '10.0.0.5' }), 1)).toBe(
      '10.0.0.5',
    );
    expect(clientAddressFrom(new Headers(), 1)).toBe('unknown');
    expect(clientAddressFrom(new Headers({ 'x-forwarded-for': 'not-an-address' }), 1)).toBe('unknown');
  });
});
