import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { type CaughtMail, clientFrom, waitForMail } from './auth-mail-helpers';
import { type AuthVariant, startAuthVariant } from './auth-variant';

// [auth.email] secure_password_change = true (GoTrue's UPDATE_PASSWORD_REQUIRE_REAUTHENTICATION), on
// a second Auth server over the same database: a new password needs a session signed in less than a
// day ago, or the nonce that supabase-js reauthenticate() has mailed.

let variant: AuthVariant;
beforeAll(async () => {
  variant = await startAuthVariant((auth) => ({ ...auth, email: { ...auth.email, securePasswordChange: true } }));
});
afterAll(async () => variant?.stop());

interface Signed {
  client: SupabaseClient;
  email: string;
  sessionId: string;
}

async function signUp(url = variant.url): Promise<Signed> {
  const client = clientFrom(undefined, { url });
  const email = randomEmail('reauth');
  const { data, error } = await client.auth.signUp({ email, password: 'password-1' });
  if (error || !data.session) throw error ?? new Error('no session');
  const claims = JSON.parse(Buffer.from(data.session.access_token.split('.')[1], 'base64url').toString());
  return { client, email, sessionId: claims.session_id };
}

/** As if the session had signed in yesterday. */
const ageSession = (sessionId: string) =>
  adminQuery(`update auth.sessions set created_at = now() - interval '25 hours' where id = $1`, [sessionId]);

function nonceIn(mail: CaughtMail): string {
  const match = /Enter the code: (\d{6,10})/.exec(mail.Text);
  if (!match) throw new Error(`no code in ${mail.Subject}`);
  return match[1];
}

const signIn = (email: string, password: string) =>
  clientFrom(undefined, { url: variant.url }).auth.signInWithPassword({ email, password });

describe('auth: reauthentication for password changes (secure_password_change)', () => {
  it('lets a session signed in within a day change the password without a nonce', async () => {
    const { client, email } = await signUp();
    expect((await client.auth.updateUser({ password: 'password-2' })).error).toBeNull();
    expect((await signIn(email, 'password-2')).error).toBeNull();
  });

  it('asks an older session for a nonce, mails one, and takes it once', async () => {
    const { client, email, sessionId } = await signUp();
    await ageSession(sessionId);
    const refused = await client.auth.updateUser({ password: 'password-2' });
    expect(refused.error).toMatchObject({ status: 400, code: 'reauthentication_needed' });
    expect(refused.error?.message).toBe('Password update requires reauthentication');

    const sent = await client.auth.reauthenticate();
    expect(sent.error).toBeNull();
    expect(sent.data).toEqual({ user: null, session: null });
    const [mail] = await waitForMail(email, { mailUrl: variant.mailUrl });
    expect(mail.Subject).toBe('Confirm reauthentication');
    const nonce = nonceIn(mail);

    const wrong = await client.auth.updateUser({
      password: 'password-2',
      nonce: nonce === '000000' ? '111111' : '000000',
    });
    expect(wrong.error).toMatchObject({ status: 422, code: 'reauthentication_not_valid' });
    expect(wrong.error?.message).toBe('Nonce has expired or is invalid');
    expect((await signIn(email, 'password-2')).error?.code).toBe('invalid_credentials');

    expect((await client.auth.updateUser({ password: 'password-2', nonce })).error).toBeNull();
    expect((await signIn(email, 'password-2')).error).toBeNull();
    const again = await client.auth.updateUser({ password: 'password-3', nonce });
    expect(again.error).toMatchObject({ status: 422, code: 'reauthentication_not_valid' });
  });

  it('refuses a nonce older than otp_expiry and still changes other fields without one', async () => {
    const { client, email, sessionId } = await signUp();
    await ageSession(sessionId);
    expect((await client.auth.reauthenticate()).error).toBeNull();
    const nonce = nonceIn((await waitForMail(email, { mailUrl: variant.mailUrl }))[0]);
    await adminQuery(`update auth.users set reauthentication_sent_at = now() - interval '2 hours' where email = $1`, [
      email,
    ]);
    const late = await client.auth.updateUser({ password: 'password-2', nonce });
    expect(late.error).toMatchObject({ status: 422, code: 'reauthentication_not_valid' });
    expect((await client.auth.updateUser({ data: { nickname: 'Ada' } })).error).toBeNull();
  });

  it('mails at most one nonce per max_frequency, answering 429 with Retry-After', async () => {
    const { client, email } = await signUp();
    expect((await client.auth.reauthenticate()).error).toBeNull();
    const { data } = await client.auth.getSession();
    const res = await fetch(`${variant.url}/auth/v1/reauthenticate`, {
      headers: {
        apikey: stackInfo().anonKey,
        authorization: `Bearer ${data.session?.access_token}`,
        'x-supabase-api-version': '2024-01-01',
      },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(28);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect((await readJson(res)).code).toBe('over_email_send_rate_limit');
    expect((await waitForMail(email, { mailUrl: variant.mailUrl })).length).toBe(1);
  });

  it('needs a signed-in user', async () => {
    const res = await fetch(`${variant.url}/auth/v1/reauthenticate`, {
      headers: { apikey: stackInfo().anonKey, 'x-supabase-api-version': '2024-01-01' },
    });
    expect(res.status).toBe(403);
    expect(await readJson(res)).toEqual({ code: 'bad_jwt', message: 'invalid claim: missing sub claim' });
  });

  it('is off by default: an older session changes the password as before', async () => {
    const user = await signUpUser();
    const claims = JSON.parse(Buffer.from(user.accessToken.split('.')[1], 'base64url').toString());
    await ageSession(claims.session_id);
    expect((await user.client.auth.updateUser({ password: 'password-2' })).error).toBeNull();
  });
});
