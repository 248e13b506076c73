import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { makeClient, randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { type AuthVariant, startAuthVariant } from './auth-variant';

// Per-account backoff on password sign-ins (ours: GoTrue limits per address only), and answers that
// take as long for an unknown e-mail as for a wrong password.

const { threshold, baseSeconds } = loadConfig(stackInfo().supabaseDir).auth.passwordLockout;

/** From an address of its own each time: the lockout holds whatever the address. */
function passwordGrant(email: string, password: string, url = stackInfo().url) {
  return fetch(`${url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: {
      apikey: stackInfo().anonKey,
      'content-type': 'application/json',
      'x-supabase-api-version': '2024-01-01',
      'x-forwarded-for': `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`,
    },
    body: JSON.stringify({ email, password }),
  });
}

async function fail(email: string, times: number, url?: string) {
  for (let i = 0; i < times; i++) {
    const res = await passwordGrant(email, 'wrong-password', url);
    expect(res.status).toBe(400);
    await res.body?.cancel();
  }
}

describe('auth: per-account lockout of password sign-ins', () => {
  it(`refuses every attempt for an account after ${threshold} failures, the right password too`, async () => {
    const user = await signUpUser();
    await fail(user.email, threshold);
    const locked = await passwordGrant(user.email, user.password);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe(String(baseSeconds));
    expect(locked.headers.get('x-sb-error-code')).toBe('over_request_rate_limit');
    expect(await readJson(locked)).toEqual({
      code: 'over_request_rate_limit',
      message: `For security purposes, you can only try again after ${baseSeconds} seconds.`,
    });
    // supabase-js reports it as a 429 AuthApiError; another account is not affected.
    const { error } = await makeClient().auth.signInWithPassword({ email: user.email, password: user.password });
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    const other = await signUpUser();
    expect((await passwordGrant(other.email, other.password)).status).toBe(200);
  });

  it('locks an unknown e-mail exactly like a registered one', async () => {
    const unknown = randomEmail('nobody');
    await fail(unknown, threshold);
    const res = await passwordGrant(unknown, 'anything');
    expect(res.status).toBe(429);
    expect(await readJson(res)).toEqual({
      code: 'over_request_rate_limit',
      message: `For security purposes, you can only try again after ${baseSeconds} seconds.`,
    });
  });

  it('starts counting again after a successful sign-in', async () => {
    const user = await signUpUser();
    await fail(user.email, threshold - 1);
    expect((await passwordGrant(user.email, user.password)).status).toBe(200);
    await fail(user.email, threshold - 1);
    expect((await passwordGrant(user.email, user.password)).status).toBe(200);
  });

  describe('with a short lock', () => {
    let variant: AuthVariant;
    beforeAll(async () => {
      variant = await startAuthVariant((auth) => ({
        ...auth,
        passwordLockout: { threshold: 2, baseSeconds: 1, maxSeconds: 3 },
      }));
    });
    afterAll(async () => {
      await variant?.stop();
    });

    it('doubles the wait with each failure after a lock, up to the cap', async () => {
      const email = randomEmail('backoff');
      const retryAfter = async () => {
        const res = await passwordGrant(email, 'wrong-password', variant.url);
        await res.body?.cancel();
        return res.status === 429 ? res.headers.get('retry-after') : String(res.status);
      };
      await fail(email, 2, variant.url);
      expect(await retryAfter()).toBe('1');
      const waits: string[] = [];
      for (const seconds of [1, 2, 3]) {
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));
        expect(await retryAfter()).toBe('400'); // the lock is over: the wrong password is tried…
        waits.push((await retryAfter()) ?? ''); // …and locks for longer
      }
      expect(waits).toEqual(['2', '3', '3']);
    }, 20_000);
  });
});

describe('auth: unknown e-mails take as long as wrong passwords', () => {
  /** Median time of `tries` password grants made by `next()`. */
  async function medianMs(tries: number, next: () => Promise<Response>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < tries; i++) {
      const started = performance.now();
      const res = await next();
      await res.body?.cancel();
      times.push(performance.now() - started);
      expect(res.status).toBe(400);
    }
    return times.sort((a, b) => a - b)[Math.floor(tries / 2)];
  }

  it('runs a bcrypt for an address nobody registered (median of several tries ≥ half a wrong password)', async () => {
    const users = await Promise.all([signUpUser(), signUpUser()]);
    let n = 0;
    // Two users, two wrong passwords each: under the lockout threshold, a bcrypt every time.
    const known = await medianMs(4, () => passwordGrant(users[n++ % 2].email, 'wrong-password'));
    const unknown = await medianMs(4, () => passwordGrant(randomEmail('nobody'), 'wrong-password'));
    // Both bodies are the same: invalid_credentials.
    const body = await readJson(await passwordGrant(randomEmail('nobody'), 'wrong-password'));
    expect(body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
    expect(unknown).toBeGreaterThanOrEqual(known * 0.5);
  });
});
