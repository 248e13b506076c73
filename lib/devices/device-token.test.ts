import { describe, expect, it } from 'vitest';
import { readDeviceToken, signDeviceToken } from './device-token';

const token = `${'A'.repeat(20)}-_${'b'.repeat(21)}`;

describe('family device cookie', () => {
  it('reads back what it signed', () => {
    expect(readDeviceToken(signDeviceToken(token, 'secret'), 'secret')).toBe(token);
  });

  it('turns away a tampered token, a forged or missing signature, another secret and junk', () => {
    const signed = signDeviceToken(token, 'secret');
    const [, signature] = signed.split('.');
    expect(readDeviceToken(`${'C'.repeat(43)}.${signature}`, 'secret')).toBeNull();
    expect(readDeviceToken(`${token}.${signature.slice(1)}x`, 'secret')).toBeNull();
    expect(readDeviceToken(token, 'secret')).toBeNull();
    expect(readDeviceToken(signed, 'another secret')).toBeNull();
    for (const junk of [undefined, null, '', '.', `${signed}.extra`, `${token}..`, 'x'.repeat(5000), "' or 1=1 --"]) {
      expect(readDeviceToken(junk, 'secret')).toBeNull();
    }
  });

  it('signs only tokens of the database shape', () => {
    expect(() => signDeviceToken('short', 'secret')).toThrow();
    expect(() => signDeviceToken(`${token}.`, 'secret')).toThrow();
  });
});
