import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { clientFrom, followLink, fragment, linkIn, mailCount, otpIn, waitForMail } from './auth-mail-helpers';

function verify(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stackInfo().url}/auth/v1/verify`, {
    method: 'POST',
    headers: {
      apikey: stackInfo().anonKey,
      'content-type': 'application/json',
      'x-supabase-api-version': '2024-01-01',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('auth: magic link and e-mail OTP', () => {
  it('signInWithOtp signs up a new address and verifyOtp(email) signs it in', async () => {
    const email = randomEmail('otp');
    const client = clientFrom();
    const sent = await client.auth.signInWithOtp({ email, options: { data: { name: 'Ada' } } });
    expect(sent).toEqual({ data: { user: null, session: null }, error: null });
    const [mail] = await waitForMail(email);
    expect(mail.Subject).toBe('Your Magic Link');
    expect(linkIn(mail).searchParams.get('type')).toBe('magiclink');
    expect(otpIn(mail)).toMatch(/^\d{6}$/);

    const { data, error } = await client.auth.verifyOtp({ email, token: otpIn(mail), type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.user_metadata).toMatchObject({ name: 'Ada' });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(data.session?.refresh_token).toMatch(/^[a-z0-9]{12}$/);
  });

  it('shouldCreateUser: false refuses an unknown address with otp_disabled and creates nothing', async () => {
    const email = randomEmail('nootp');
    const { error } = await clientFrom().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled', message: 'Signups not allowed for otp' });
    expect(await adminQuery('select 1 from auth.users where email = $1', [email])).toHaveLength(0);
    expect(await mailCount(email)).toBe(0);
  });

  it("verifies a magic link's token_hash (type magiclink) for an existing user, once", async () => {
    const user = await signUpUser();
    const client = clientFrom();
    expect(
      (await client.auth.signInWithOtp({ email: user.email, options: { shouldCreateUser: false } })).error,
    ).toBeNull();
    const [mail] = await waitForMail(user.email);
    const tokenHash = linkIn(mail).searchParams.get('token') ?? '';
    const { data, error } = await client.auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
    const again = await clientFrom().auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
    expect(again.error).toMatchObject({
      status: 403,
      code: 'otp_expired',
      message: 'Email link is invalid or has expired',
    });
  });

  it('follows a magic link to site_url with the session, type magiclink', async () => {
    const user = await signUpUser();
    await clientFrom().auth.signInWithOtp({ email: user.email });
    const [mail] = await waitForMail(user.email);
    const { status, location } = await followLink(linkIn(mail));
    expect(status).toBe(303);
    expect(location.origin).toBe('http://localhost:3000');
    expect(fragment(location)).toMatchObject({ type: 'magiclink', token_type: 'bearer' });
  });

  it('refuses malformed verify requests as GoTrue does', async () => {
    const email = randomEmail();
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ token: '123456', email }, 400, { code: 'validation_failed', message: 'Verify requires a verification type' }],
      [
        { type: 'email', email },
        400,
        { code: 'validation_failed', message: 'Verify requires either a token or a token hash' },
      ],
      [
        { type: 'email', token: '1', token_hash: 'x' },
        400,
        { code: 'validation_failed', message: 'Verify requires either a token or a token hash' },
      ],
      [
        { type: 'email', token: '123456', email: 'nope' },
        422,
        { code: 'validation_failed', message: 'Invalid email format' },
      ],
      [
        { type: 'email', token: '123456' },
        400,
        { code: 'validation_failed', message: 'Only an email address or phone number should be provided on verify' },
      ],
      [
        { type: 'magiclink', token_hash: 'abc', email },
        400,
        { code: 'validation_failed', message: 'Only the token_hash and type should be provided' },
      ],
      [
        { type: 'bogus', token_hash: 'abc' },
        400,
        { code: 'validation_failed', message: 'Invalid email verification type' },
      ],
      [
        { type: 'email', token: '123456', email },
        403,
        { code: 'otp_expired', message: 'Token has expired or is invalid' },
      ],
      [
        { type: 'signup', token_hash: 'f'.repeat(56) },
        403,
        { code: 'otp_expired', message: 'Email link is invalid or has expired' },
      ],
      [{ type: 1, token_hash: 'x' }, 400, { code: 'bad_json' }],
    ];
    for (const [body, status, expected] of cases) {
      const res = await verify(body, { 'x-forwarded-for': '198.19.9.9' });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await readJson(res), JSON.stringify(body)).toMatchObject(expected);
    }
    const get = await fetch(`${stackInfo().url}/auth/v1/verify?type=signup`, {
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect(get.status).toBe(400);
    expect(await readJson(get)).toEqual({
      code: 'validation_failed',
      message: 'Verify requires a token or a token hash',
    });
  });

  it('limits /verify to a bucket of 30 per address (token_verifications)', async () => {
    const address = `198.51.101.${randomInt(1, 255)}`;
    let limitedAt = 0;
    for (let i = 1; i <= 60 && limitedAt === 0; i++) {
      const res = await verify({ type: 'magiclink', token_hash: 'nope' }, { 'x-forwarded-for': address });
      if (res.status === 429) {
        limitedAt = i;
        expect(await readJson(res)).toEqual({ code: 'over_request_rate_limit', message: 'Request rate limit reached' });
      } else await res.body?.cancel();
    }
    // 30 per 5 minutes refills one token every 10 s: the 31st request within seconds is refused.
    expect(limitedAt).toBeGreaterThanOrEqual(31);
    expect(limitedAt).toBeLessThanOrEqual(32);
  });

  it('limits /otp requests per address (sign_in_sign_ups) before looking at the body', async () => {
    const address = `198.51.102.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await fetch(`${stackInfo().url}/auth/v1/otp`, {
        method: 'POST',
        headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email: 'not-an-email' }),
      });
      statuses.push(res.status);
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
