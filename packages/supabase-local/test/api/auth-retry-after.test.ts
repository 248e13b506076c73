import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { waitForMail } from './auth-mail-helpers';

// 429s on sign-up and recovery, per address (GoTrue's sign_in_sign_ups buckets: 30, refilled at 30
// per 5 minutes, i.e. a token every 10 s) and per account (max_frequency between two mails), with a
// Retry-After saying when to come back. GoTrue sends none; clients that do not read it never notice.

function post(path: string, body: unknown, address: string) {
  return fetch(`${stackInfo().url}/auth/v1${path}`, {
    method: 'POST',
    headers: {
      apikey: stackInfo().anonKey,
      'content-type': 'application/json',
      'x-supabase-api-version': '2024-01-01',
      'x-forwarded-for': address,
    },
    body: JSON.stringify(body),
  });
}

/** Drains an address's bucket with requests refused after the limiter (cheap: no user, no mail). */
async function drain(path: string, body: () => unknown): Promise<Response> {
  const address = `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  for (let i = 1; i <= 40; i++) {
    const res = await post(path, body(), address);
    if (res.status === 429) return res;
    expect(res.status).toBe(400);
    await res.body?.cancel();
  }
  throw new Error(`${path} never answered 429`);
}

async function expectRetryAfter(res: Response, min: number, max: number) {
  expect(res.status).toBe(429);
  const seconds = Number(res.headers.get('retry-after'));
  expect(seconds).toBeGreaterThanOrEqual(min);
  expect(seconds).toBeLessThanOrEqual(max);
  // Browsers may read it: the gateway exposes it to CORS callers.
  expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
}

describe('auth: 429 answers say when to retry', () => {
  it('sign-ups per address: the bucket of 30, then a token every 10 seconds', async () => {
    const res = await drain('/signup', () => ({ email: randomEmail('flood') }));
    await expectRetryAfter(res, 9, 10);
    expect(await readJson(res)).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
  });

  it('recovery per address', async () => {
    const res = await drain('/recover', () => ({ email: 'not-an-address' }));
    await expectRetryAfter(res, 9, 10);
    expect(await readJson(res)).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
  });

  it('recovery per account: the rest of max_frequency (30 s in the fixture project)', async () => {
    const user = await signUpUser();
    const address = `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    expect((await post('/recover', { email: user.email }, address)).status).toBe(200);
    await waitForMail(user.email);
    // From another address: the limit is the account's, not the address's.
    const res = await post('/recover', { email: user.email }, `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`);
    await expectRetryAfter(res, 25, 30);
    expect((await readJson(res)).code).toBe('over_email_send_rate_limit');
  });
});
