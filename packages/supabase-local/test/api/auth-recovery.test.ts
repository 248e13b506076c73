import { describe, expect, it } from 'vitest';
import { adminQuery, makeClient, randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { clientFrom, followLink, fragment, linkIn, mailCount, otpIn, waitForMail } from './auth-mail-helpers';

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stackInfo().url}/auth/v1${path}`, {
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

describe('auth: password recovery', () => {
  it('mails a link and a code; verifyOtp(recovery) signs in and updateUser sets the new password', async () => {
    const user = await signUpUser();
    const client = clientFrom();
    expect(await client.auth.resetPasswordForEmail(user.email)).toEqual({ data: {}, error: null });

    const [mail] = await waitForMail(user.email);
    expect(mail.Subject).toBe('Reset Your Password');
    expect(mail.From).toEqual({ Name: 'Admin', Address: 'admin@email.com' });
    expect(mail.To).toEqual([{ Name: '', Address: user.email }]);
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${stackInfo().url}/auth/v1/verify`);
    expect(link.searchParams.get('type')).toBe('recovery');
    expect(link.searchParams.get('token')).toMatch(/^[0-9a-f]{56}$/);
    expect(link.searchParams.get('redirect_to')).toBe('http://localhost:3000');
    const [row] = await adminQuery('select recovery_token, recovery_sent_at from auth.users where id = $1', [user.id]);
    expect(row.recovery_token).toBe(link.searchParams.get('token'));
    expect(row.recovery_sent_at).not.toBeNull();

    const { data, error } = await client.auth.verifyOtp({ email: user.email, token: otpIn(mail), type: 'recovery' });
    expect(error).toBeNull();
    const claims = JSON.parse(Buffer.from(String(data.session?.access_token).split('.')[1], 'base64url').toString());
    expect(claims.amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }]);
    expect((await client.auth.updateUser({ password: 'recovered-password' })).error).toBeNull();
    const signedIn = await makeClient().auth.signInWithPassword({ email: user.email, password: 'recovered-password' });
    expect(signedIn.error).toBeNull();

    // One-time use: the code and the link are spent.
    const again = await clientFrom().auth.verifyOtp({ email: user.email, token: otpIn(mail), type: 'recovery' });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' });
    const reused = await followLink(link);
    expect(reused.status).toBe(303);
    expect(fragment(reused.location)).toEqual({
      error: 'access_denied',
      error_code: 'otp_expired',
      error_description: 'Email link is invalid or has expired',
      sb: '',
    });
  });

  it('follows the link to redirect_to with the session in the fragment (implicit flow)', async () => {
    const user = await signUpUser();
    await clientFrom().auth.resetPasswordForEmail(user.email, { redirectTo: 'http://localhost:3000/account/password' });
    const [mail] = await waitForMail(user.email);
    const { status, location } = await followLink(linkIn(mail));
    expect(status).toBe(303);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/account/password');
    const session = fragment(location);
    expect(Object.keys(session).sort()).toEqual([
      'access_token',
      'expires_at',
      'expires_in',
      'refresh_token',
      'sb',
      'token_type',
      'type',
    ]);
    expect(session).toMatchObject({ type: 'recovery', token_type: 'bearer', expires_in: '3600', sb: '' });
    const { data } = await makeClient().auth.getUser(session.access_token);
    expect(data.user?.id).toBe(user.id);
  });

  it('keeps allow-listed redirect URLs and falls back to site_url for others', async () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'],
      ['https://evil.example.com/steal', 'http://localhost:3000'],
    ];
    for (const [asked, expected] of cases) {
      const user = await signUpUser();
      await clientFrom().auth.resetPasswordForEmail(user.email, { redirectTo: asked });
      const [mail] = await waitForMail(user.email);
      expect(linkIn(mail).searchParams.get('redirect_to')).toBe(expected);
      const { location } = await followLink(linkIn(mail));
      expect(location.href.startsWith(`${expected}#access_token=`) || location.href.startsWith(`${expected}/#`)).toBe(
        true,
      );
    }
  });

  it('answers {} for an unknown address without sending anything, and refuses malformed ones', async () => {
    const email = randomEmail('nobody');
    const res = await post('/recover', { email }, { 'x-forwarded-for': '198.19.7.7' });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({});
    const bad = await post('/recover', { email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(await readJson(bad)).toEqual({
      code: 'validation_failed',
      message: 'Unable to validate email address: invalid format',
    });
    const missing = await post('/recover', {});
    expect(await readJson(missing)).toEqual({
      code: 'validation_failed',
      message: 'Password recovery requires an email',
    });
    const typed = await post('/recover', { email: 42 });
    expect(typed.status).toBe(400);
    expect((await readJson(typed)).code).toBe('bad_json');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mailCount(email)).toBe(0);
  });

  it('refuses a second mail within max_frequency with over_email_send_rate_limit, changing nothing', async () => {
    const user = await signUpUser();
    const client = clientFrom();
    await client.auth.resetPasswordForEmail(user.email);
    await waitForMail(user.email);
    const [before] = await adminQuery('select recovery_token from auth.users where id = $1', [user.id]);
    const { error } = await client.auth.resetPasswordForEmail(user.email);
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('over_email_send_rate_limit');
    expect(error?.message).toMatch(/^For security purposes, you can only request this after (29|30) seconds\.$/);
    const [after] = await adminQuery('select recovery_token from auth.users where id = $1', [user.id]);
    expect(after.recovery_token).toBe(before.recovery_token);
    expect(await mailCount(user.email)).toBe(1);

    await adminQuery(`update auth.users set recovery_sent_at = now() - interval '31 seconds' where id = $1`, [user.id]);
    expect((await client.auth.resetPasswordForEmail(user.email)).error).toBeNull();
    expect(await waitForMail(user.email, { count: 2 })).toHaveLength(2);
  });

  it('refuses codes past otp_expiry and codes of another type', async () => {
    const user = await signUpUser();
    const client = clientFrom();
    await client.auth.resetPasswordForEmail(user.email);
    const [mail] = await waitForMail(user.email);
    const wrongType = await client.auth.verifyOtp({ email: user.email, token: otpIn(mail), type: 'signup' });
    expect(wrongType.error).toMatchObject({ status: 403, code: 'otp_expired' });
    const wrongCode = await client.auth.verifyOtp({ email: user.email, token: '000000', type: 'recovery' });
    expect(wrongCode.error).toMatchObject({ status: 403, code: 'otp_expired' });

    await adminQuery(`update auth.users set recovery_sent_at = now() - interval '3601 seconds' where id = $1`, [
      user.id,
    ]);
    const expired = await client.auth.verifyOtp({ email: user.email, token: otpIn(mail), type: 'recovery' });
    expect(expired.error).toMatchObject({
      status: 403,
      code: 'otp_expired',
      message: 'Token has expired or is invalid',
    });
    const link = await followLink(linkIn(mail));
    expect(fragment(link.location).error_code).toBe('otp_expired');
  });

  it('PKCE: the link redirects with ?code= that exchangeCodeForSession turns into a session, once', async () => {
    const user = await signUpUser();
    const client = clientFrom(undefined, { flowType: 'pkce' });
    await client.auth.resetPasswordForEmail(user.email, { redirectTo: 'http://localhost:3000/reset' });
    const [mail] = await waitForMail(user.email);
    const link = linkIn(mail);
    expect(link.searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/);
    const { status, location } = await followLink(link);
    expect(status).toBe(303);
    expect(location.hash).toBe('');
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[0-9a-f-]{36}$/);

    const { data, error } = await client.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
    const claims = JSON.parse(Buffer.from(String(data.session?.access_token).split('.')[1], 'base64url').toString());
    expect(claims.amr[0].method).toBe('recovery');

    const replay = await post('/token?grant_type=pkce', { auth_code: code, code_verifier: 'x'.repeat(43) });
    expect(replay.status).toBe(404);
    expect(await readJson(replay)).toEqual({
      code: 'flow_state_not_found',
      message: 'invalid flow state, no valid flow state found',
    });
    const empty = await post('/token?grant_type=pkce', { auth_code: code });
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).message).toBe(
      'invalid request: both auth code and code verifier should be non-empty',
    );
  });

  it('PKCE: a wrong verifier is bad_code_verifier and leaves the code usable', async () => {
    const user = await signUpUser();
    const client = clientFrom(undefined, { flowType: 'pkce' });
    await client.auth.resetPasswordForEmail(user.email);
    const [mail] = await waitForMail(user.email);
    const code = (await followLink(linkIn(mail))).location.searchParams.get('code');
    const wrong = await post('/token?grant_type=pkce', { auth_code: code, code_verifier: 'y'.repeat(43) });
    expect(wrong.status).toBe(400);
    expect(await readJson(wrong)).toEqual({
      code: 'bad_code_verifier',
      message: 'code challenge does not match previously saved code verifier',
    });
    expect((await client.auth.exchangeCodeForSession(code ?? '')).error).toBeNull();
    const badChallenge = await post('/recover', {
      email: user.email,
      code_challenge: 'short',
      code_challenge_method: 's256',
    });
    expect(await readJson(badChallenge)).toEqual({
      code: 'validation_failed',
      message: 'code challenge has to be between 43 and 128 characters',
    });
  });

  it('resend(email_change) mails the pending change again, and {} when there is none', async () => {
    const user = await signUpUser();
    const newEmail = randomEmail('resend-change');
    expect((await user.client.auth.updateUser({ email: newEmail })).error).toBeNull();
    await waitForMail(newEmail);
    const c = clientFrom();
    const tooSoon = await c.auth.resend({ type: 'email_change', email: user.email });
    expect(tooSoon.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    await adminQuery(`update auth.users set email_change_sent_at = now() - interval '31 seconds' where id = $1`, [
      user.id,
    ]);
    expect((await c.auth.resend({ type: 'email_change', email: user.email })).error).toBeNull();
    const [latest] = await waitForMail(newEmail, { count: 2 });
    expect(
      (await user.client.auth.verifyOtp({ email: newEmail, token: otpIn(latest), type: 'email_change' })).error,
    ).toBeNull();
    expect((await clientFrom().auth.resend({ type: 'email_change', email: newEmail })).error).toBeNull();
    expect(await mailCount(newEmail)).toBe(2);
  });
});
