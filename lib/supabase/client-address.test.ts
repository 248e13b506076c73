import { describe, expect, it } from 'vitest';
import { forwardedClientAddress, trustedProxyHops } from './client-address';

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('forwardedClientAddress', () => {
  it('takes the entry the trusted hops appended, not what the sender wrote before it', () => {
    expect(forwardedClientAddress(headers('203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(forwardedClientAddress(headers('198.51.100.7, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(forwardedClientAddress(headers('198.51.100.7, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    expect(forwardedClientAddress(headers('::ffff:127.0.0.1'), 1)).toBe('127.0.0.1');
  });

  it('is null without a usable address', () => {
    expect(forwardedClientAddress(headers(), 1)).toBeNull();
    expect(forwardedClientAddress(headers('not-an-ip'), 1)).toBeNull();
    expect(forwardedClientAddress(headers('203.0.113.9'), 2)).toBeNull();
  });
});

describe('trustedProxyHops', () => {
  it('defaults to the one hop Next itself is and refuses nonsense', () => {
    expect(trustedProxyHops(undefined)).toBe(1);
    expect(trustedProxyHops(' ')).toBe(1);
    expect(trustedProxyHops('2')).toBe(2);
    expect(() => trustedProxyHops('0')).toThrow('TRUSTED_PROXY_HOPS must be a whole number of at least 1, not "0".');
    expect(() => trustedProxyHops('two')).toThrow(/"two"/);
  });
});
