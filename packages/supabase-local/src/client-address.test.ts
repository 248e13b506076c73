import { describe, expect, it } from 'vitest';
import { clientAddress, TRUST_NOBODY, trustList } from './client-address';

const xff = (value: string) => ({ 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('is the TCP peer when nobody is trusted, whatever the headers say', () => {
    expect(clientAddress('127.0.0.1', xff('203.0.113.9'), TRUST_NOBODY)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1', { 'x-real-ip': '203.0.113.9' }, TRUST_NOBODY)).toBe('127.0.0.1');
    expect(clientAddress(undefined, {}, TRUST_NOBODY)).toBe('unknown');
  });

  it('believes X-Forwarded-For only as far as trusted addresses reported it', () => {
    const trust = { addresses: ['10.0.0.0/8', '127.0.0.1'], hops: 0 };
    expect(clientAddress('127.0.0.1', xff('203.0.113.9'), trust)).toBe('203.0.113.9');
    // The client wrote the leftmost entry itself; the proxy at 10.1.2.3 appended what it saw.
    expect(clientAddress('127.0.0.1', xff('198.51.100.7, 203.0.113.9, 10.1.2.3'), trust)).toBe('203.0.113.9');
    expect(clientAddress('192.0.2.1', xff('203.0.113.9'), trust)).toBe('192.0.2.1');
  });

  it('counts hops when the number of proxies in front is known', () => {
    const oneHop = { addresses: [], hops: 1 };
    expect(clientAddress('192.0.2.1', xff('198.51.100.7, 203.0.113.9'), oneHop)).toBe('203.0.113.9');
    const twoHops = { addresses: [], hops: 2 };
    expect(clientAddress('192.0.2.1', xff('198.51.100.7, 203.0.113.9, 10.0.0.2'), twoHops)).toBe('203.0.113.9');
    // Fewer entries than hops: the leftmost is as far as anyone can tell.
    expect(clientAddress('192.0.2.1', xff('203.0.113.9'), twoHops)).toBe('203.0.113.9');
  });

  it('stops at a malformed entry and takes X-Real-IP only from a trusted peer', () => {
    const trust = { addresses: ['127.0.0.1/32', '::1'], hops: 0 };
    expect(clientAddress('127.0.0.1', xff('not-an-ip'), trust)).toBe('127.0.0.1');
    expect(clientAddress('::1', xff('2001:db8::5'), trust)).toBe('2001:db8::5');
    expect(clientAddress('127.0.0.1', { 'x-real-ip': '203.0.113.9' }, trust)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', { 'x-real-ip': 'garbage' }, trust)).toBe('127.0.0.1');
  });

  it('refuses a trust entry that is not an address or CIDR', () => {
    expect(() => trustList(['10.0.0.0/33'])).toThrow('not an IP address or CIDR: "10.0.0.0/33"');
    expect(() => trustList(['localhost'])).toThrow(/localhost/);
    expect(() => trustList(['10.0.0.0/8/1'])).toThrow(/10\.0\.0\.0\/8\/1/);
  });
});
