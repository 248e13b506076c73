import { describe, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_SECONDS, signPayload, verifySignature } from './webhook-signature';

describe('sandbox webhook signatures', () => {
  const body = '{"eventId":"e1"}';
  const now = 1_900_000_000;

  it('accepts our own signature within the tolerance', () => {
    expect(verifySignature(body, signPayload(body, 's3cret', now), 's3cret', now)).toEqual({ ok: true });
    expect(
      verifySignature(body, signPayload(body, 's3cret', now), 's3cret', now + SIGNATURE_TOLERANCE_SECONDS),
    ).toEqual({ ok: true });
  });

  it('refuses missing, malformed, forged, tampered and replayed signatures', () => {
    expect(verifySignature(body, null, 's3cret', now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature(body, 'garbage', 's3cret', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(body, 't=abc,v1=00', 's3cret', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(body, signPayload(body, 'other', now), 's3cret', now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(`${body} `, signPayload(body, 's3cret', now), 's3cret', now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(
      verifySignature(body, signPayload(body, 's3cret', now), 's3cret', now + SIGNATURE_TOLERANCE_SECONDS + 1),
    ).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('accepts any one matching v1 among several (secret rotation)', () => {
    const good = signPayload(body, 's3cret', now).split(',')[1];
    expect(verifySignature(body, `t=${now},v1=${'0'.repeat(64)},${good}`, 's3cret', now)).toEqual({ ok: true });
  });
});
