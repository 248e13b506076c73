import { describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import { checkPasswordStrength, isUuid, parseGoDuration, parseJsonBody, validateEmail } from './validate';

describe('validateEmail', () => {
  it('lower-cases valid addresses', () => {
    expect(validateEmail(' Ada.Lovelace+x@Example.COM ')).toBe('ada.lovelace+x@example.com');
  });

  it.each(['', 'no-at-sign', 'a@', '@b.c', 'a b@c.d', 'a@-b.c'])('refuses %j', (email) => {
    const result = validateEmail(email);
    expect(result).toBeInstanceOf(AuthError);
    expect((result as AuthError).code).toBe('validation_failed');
  });
});

describe('checkPasswordStrength', () => {
  it('refuses short passwords as weak_password with the length reason', () => {
    const error = checkPasswordStrength('12345', 6);
    expect(error?.status).toBe(422);
    expect(error?.message).toBe('Password should be at least 6 characters.');
    expect(error?.extra).toEqual({ weak_password: { reasons: ['length'] } });
  });

  it('refuses passwords bcrypt would truncate', () => {
    expect(checkPasswordStrength('x'.repeat(73), 6)?.code).toBe('validation_failed');
    expect(checkPasswordStrength('x'.repeat(72), 6)).toBeNull();
  });
});

describe('parseGoDuration', () => {
  it('parses Go durations into milliseconds', () => {
    expect(parseGoDuration('24h')).toBe(86_400_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('-2m')).toBe(-120_000);
    expect(parseGoDuration('0')).toBe(0);
  });

  it.each(['', 'h', '10', '1d', '1h 2m'])('refuses %j', (input) => {
    expect(parseGoDuration(input)).toBeNull();
  });
});

describe('parseJsonBody', () => {
  it('treats an empty body as an empty object', () => {
    expect(parseJsonBody(Buffer.alloc(0))).toEqual({});
  });

  it('refuses malformed JSON and non-objects with bad_json', () => {
    expect((parseJsonBody(Buffer.from('{nope')) as AuthError).code).toBe('bad_json');
    expect((parseJsonBody(Buffer.from('[1]')) as AuthError).code).toBe('bad_json');
  });
});

describe('isUuid', () => {
  it('accepts canonical UUIDs only', () => {
    expect(isUuid('7d3c1a52-8f0e-4a7b-9c2d-0e1f2a3b4c5d')).toBe(true);
    expect(isUuid('7d3c1a52')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
