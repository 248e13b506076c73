import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, makeClient, randomEmail, readJson, stackInfo } from '../../src/testing/clients';
import { clientFrom, otpIn, waitForMail } from './auth-mail-helpers';
import { type AuthVariant, startAuthVariant } from './auth-variant';

const claimsOf = (jwt: string | undefined) =>
  JSON.parse(Buffer.from(String(jwt).split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('auth: anonymous sign-ins', () => {
  it('signInAnonymously gives an authenticated, anonymous user without e-mail or identities', async () => {
    const client = clientFrom();
    const { data, error } = await client.auth.signInAnonymously({ options: { data: { nickname: 'Fox' } } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      is_anonymous: true,
      role: 'authenticated',
      aud: 'authenticated',
      email: '',
      app_metadata: {},
      user_metadata: { nickname: 'Fox' },
      identities: [],
    });
    const claims = claimsOf(data.session?.access_token);
    expect(claims).toMatchObject({ is_anonymous: true, role: 'authenticated', email: '', sub: data.user?.id });
    expect(claims.amr).toEqual([{ method: 'anonymous', timestamp: expect.any(Number) }]);
    const [row] = await adminQuery('select is_anonymous, email from auth.users where id = $1', [data.user?.id]);
    expect(row).toEqual({ is_anonymous: true, email: null });
    expect((await client.auth.getUser()).data.user?.is_anonymous).toBe(true);
  });

  it('refuses a password without an address, and converts with e-mail and password (autoconfirm)', async () => {
    const client = clientFrom();
    const { data } = await client.auth.signInAnonymously();
    const passwordOnly = await client.auth.updateUser({ password: 'secret-password' });
    expect(passwordOnly.error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Updating password of an anonymous user without an email or phone is not allowed',
    });

    const email = randomEmail('convert');
    const converted = await client.auth.updateUser({ email, password: 'secret-password' });
    expect(converted.error).toBeNull();
    expect(converted.data.user).toMatchObject({ id: data.user?.id, email, is_anonymous: false });
    expect(converted.data.user?.email_confirmed_at).toBeTruthy();
    expect(converted.data.user?.identities?.map((i) => i.provider)).toEqual(['email']);

    const signedIn = await makeClient().auth.signInWithPassword({ email, password: 'secret-password' });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user?.id).toBe(data.user?.id);
    expect(claimsOf(signedIn.data.session?.access_token).is_anonymous).toBe(false);
    const refreshed = await client.auth.refreshSession();
    expect(claimsOf(refreshed.data.session?.access_token).is_anonymous).toBe(false);
  });

  it('allows anonymous_users sign-ins per hour per address, then over_request_rate_limit', async () => {
    const client = clientFrom(`198.51.103.${randomInt(1, 255)}`);
    let limitedAt = 0;
    for (let i = 1; i <= 40 && limitedAt === 0; i++) {
      const { error } = await client.auth.signInAnonymously();
      if (error) {
        limitedAt = i;
        expect(error).toMatchObject({
          status: 429,
          code: 'over_request_rate_limit',
          message: 'Request rate limit reached',
        });
      }
    }
    // config.toml: [auth.rate_limit] anonymous_users = 30, which is also the bucket.
    expect(limitedAt).toBe(31);
    expect((await clientFrom().auth.signInAnonymously()).error).toBeNull();
  });
});

describe('auth: anonymous users with confirmations on', () => {
  let variant: AuthVariant;
  beforeAll(async () => {
    variant = await startAuthVariant((auth) => ({ ...auth, email: { ...auth.email, enableConfirmations: true } }));
  });
  afterAll(async () => variant?.stop());

  it('keeps the user anonymous until the new address is confirmed', async () => {
    const client = clientFrom(undefined, { url: variant.url });
    const { data } = await client.auth.signInAnonymously();
    const email = randomEmail('anon-confirm');
    const pending = await client.auth.updateUser({ email });
    expect(pending.error).toBeNull();
    expect(pending.data.user).toMatchObject({ is_anonymous: true, email: '', new_email: email });

    // No current address: only the new one is mailed, and its confirmation completes the change.
    const [mail] = await waitForMail(email, { mailUrl: variant.mailUrl });
    expect(mail.Subject).toBe('Confirm Email Change');
    const verified = await client.auth.verifyOtp({ email, token: otpIn(mail), type: 'email_change' });
    expect(verified.error).toBeNull();
    expect(verified.data.user).toMatchObject({ id: data.user?.id, email, is_anonymous: false });
    expect(claimsOf(verified.data.session?.access_token).is_anonymous).toBe(false);
  });
});

describe('auth: anonymous sign-ins switched off', () => {
  it('answers anonymous_provider_disabled, and signup_disabled when sign-ups are off', async () => {
    const off = await startAuthVariant((auth) => ({ ...auth, enableAnonymousSignIns: false }));
    const closed = await startAuthVariant((auth) => ({ ...auth, enableSignup: false }));
    try {
      const disabled = await clientFrom(undefined, { url: off.url }).auth.signInAnonymously();
      expect(disabled.error).toMatchObject({
        status: 422,
        code: 'anonymous_provider_disabled',
        message: 'Anonymous sign-ins are disabled',
      });
      const noSignups = await clientFrom(undefined, { url: closed.url }).auth.signInAnonymously();
      expect(noSignups.error).toMatchObject({ status: 422, code: 'signup_disabled' });
      const keyed = { headers: { apikey: stackInfo().anonKey } };
      const settings = await readJson(await fetch(`${off.url}/auth/v1/settings`, keyed));
      expect(settings.external).toMatchObject({ anonymous_users: false, email: true });
      expect((await readJson(await fetch(`${closed.url}/auth/v1/settings`, keyed))).disable_signup).toBe(true);
    } finally {
      await off.stop();
      await closed.stop();
    }
  });
});
