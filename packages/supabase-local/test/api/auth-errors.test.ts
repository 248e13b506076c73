import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { randomEmail, readJson, stackInfo } from '../../src/testing/clients';

function passwordGrant(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stackInfo().url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('auth: error formats', () => {
  const wrong = { email: randomEmail('nobody'), password: 'nope-nope' };

  it('answers {code, message} when the request names API version 2024-01-01', async () => {
    const res = await passwordGrant(wrong, { 'x-supabase-api-version': '2024-01-01' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(await readJson(res)).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it("answers GoTrue's legacy {code, error_code, msg} without the version header", async () => {
    const res = await passwordGrant(wrong);
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });

  it('answers bad_json for a malformed body and invalid_credentials for an unknown grant', async () => {
    const res = await fetch(`${stackInfo().url}/auth/v1/signup`, {
      method: 'POST',
      headers: {
        apikey: stackInfo().anonKey,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).code).toBe('bad_json');
    const grant = await fetch(`${stackInfo().url}/auth/v1/token?grant_type=magic`, {
      method: 'POST',
      headers: {
        apikey: stackInfo().anonKey,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: '{}',
    });
    expect(await grant.json()).toEqual({ code: 'invalid_credentials', message: 'unsupported_grant_type' });
  });
});

describe('auth: sign-in rate limit', () => {
  // The test stack believes X-Forwarded-For from the test runner (a trusted proxy), so this test counts
  // against a documentation-range address of its own and leaves the other test files' budgets alone.
  // Every grant takes a token, a refused one too: attempts without an e-mail (400 validation_failed)
  // drain the bucket without a bcrypt each, then a wrong password is refused like any other grant.
  it('answers 429 over_request_rate_limit once an address has used the /token bucket of 30', async () => {
    const address = `198.51.100.${randomInt(1, 255)}`;
    const attempt = () => ({ password: 'wrong-password' });
    const started = Date.now();
    let limitedAt = 0;
    for (let i = 1; i <= 1000 && limitedAt === 0; i++) {
      const res = await passwordGrant(attempt(), {
        'x-forwarded-for': address,
        'x-supabase-api-version': '2024-01-01',
      });
      if (res.status === 429) {
        limitedAt = i;
        expect(await readJson(res)).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
        // Ours, not GoTrue's: how long until the bucket has a token again (0.5 tokens a second here).
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(2);
      } else {
        expect(res.status).toBe(400);
        await res.body?.cancel();
      }
    }
    // GoTrue's token limiter: a bucket of 30 per address refilled at token_refresh per 5 minutes.
    const refilled =
      ((Date.now() - started) / 1000) * (loadConfig(stackInfo().supabaseDir).auth.rateLimit.tokenRefresh / 300);
    expect(limitedAt).toBeGreaterThanOrEqual(31);
    expect(limitedAt).toBeLessThanOrEqual(31 + Math.ceil(refilled));

    const wrongPassword = { email: randomEmail('flood'), password: 'wrong-password' };
    expect((await passwordGrant(wrongPassword, { 'x-forwarded-for': address })).status).toBe(429);
    const other = await passwordGrant(wrongPassword, { 'x-forwarded-for': '198.51.100.0' });
    expect(other.status).toBe(400);
  });
});
