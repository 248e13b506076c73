import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, randomEmail } from '../../src/testing/clients';
import { clientFrom, followLink, fragment, linkIn, mailCount, otpIn, waitForMail } from './auth-mail-helpers';
import { type AuthVariant, startAuthVariant } from './auth-variant';

// [auth.email] enable_confirmations = true, on a second Auth server over the same database.
let variant: AuthVariant;
beforeAll(async () => {
  variant = await startAuthVariant((auth) => ({ ...auth, email: { ...auth.email, enableConfirmations: true } }));
});
afterAll(async () => variant?.stop());

const client = (flowType: 'implicit' | 'pkce' = 'implicit') => clientFrom(undefined, { url: variant.url, flowType });
const mails = (to: string, count = 1) => waitForMail(to, { mailUrl: variant.mailUrl, count });

describe('auth: sign-up confirmation (enable_confirmations = true)', () => {
  it('answers the user without a session, mails the link, and the link confirms and signs in', async () => {
    const email = randomEmail('confirm');
    const c = client();
    const { data, error } = await c.auth.signUp({ email, password: 'password-1', options: { data: { name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { name: 'Ada' } });
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect((await c.auth.signInWithPassword({ email, password: 'password-1' })).error?.code).toBe(
      'email_not_confirmed',
    );

    const [mail] = await mails(email);
    expect(mail.Subject).toBe('Confirm Your Email');
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${variant.url}/auth/v1/verify`);
    expect(link.searchParams.get('type')).toBe('signup');
    const { status, location } = await followLink(link);
    expect(status).toBe(303);
    expect(fragment(location)).toMatchObject({ type: 'signup', token_type: 'bearer' });
    const signedIn = await c.auth.signInWithPassword({ email, password: 'password-1' });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user?.user_metadata).toMatchObject({ name: 'Ada', email_verified: true });
    expect(signedIn.data.user?.identities?.[0].identity_data).toMatchObject({ email_verified: true });
  });

  it('verifyOtp(signup) confirms with the code; a confirmed address signs up as a made-up user', async () => {
    const email = randomEmail('confirm-otp');
    const c = client();
    const first = await c.auth.signUp({ email, password: 'password-1' });
    const [mail] = await mails(email);
    const verified = await c.auth.verifyOtp({ email, token: otpIn(mail), type: 'signup' });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.id).toBe(first.data.user?.id);

    // GoTrue hides that the address is taken: 200, another id, no identities, and no mail.
    const again = await client().auth.signUp({ email, password: 'password-2' });
    expect(again.error).toBeNull();
    expect(again.data.session).toBeNull();
    expect(again.data.user?.id).not.toBe(first.data.user?.id);
    expect(again.data.user?.identities).toEqual([]);
    expect(again.data.user?.role).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mailCount(email, variant.mailUrl)).toBe(1);
  });

  it('resend(signup) mails again after max_frequency, and answers {} for unknown or confirmed addresses', async () => {
    const email = randomEmail('resend');
    const c = client();
    await c.auth.signUp({ email, password: 'password-1' });
    await mails(email);
    const tooSoon = await c.auth.resend({ type: 'signup', email });
    expect(tooSoon.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    await adminQuery(`update auth.users set confirmation_sent_at = now() - interval '31 seconds' where email = $1`, [
      email,
    ]);
    expect((await c.auth.resend({ type: 'signup', email })).error).toBeNull();
    const [newest, oldest] = await mails(email, 2);
    expect(linkIn(newest).searchParams.get('token')).not.toBe(linkIn(oldest).searchParams.get('token'));
    // The first link was replaced by the second.
    expect(fragment((await followLink(linkIn(oldest))).location).error_code).toBe('otp_expired');
    expect(fragment((await followLink(linkIn(newest))).location).type).toBe('signup');

    expect((await c.auth.resend({ type: 'signup', email })).error).toBeNull();
    expect((await c.auth.resend({ type: 'signup', email: randomEmail('ghost') })).error).toBeNull();
    const bad = await c.auth.resend({ type: 'recovery' as 'signup', email });
    expect(bad.error).toMatchObject({
      status: 400,
      message: 'Missing one of these types: signup, email_change, sms, phone_change',
    });
  });

  it('PKCE sign-up: the link redirects with ?code= and exchangeCodeForSession signs in', async () => {
    const email = randomEmail('pkce-signup');
    const c = client('pkce');
    await c.auth.signUp({
      email,
      password: 'password-1',
      options: { emailRedirectTo: 'http://localhost:3000/welcome' },
    });
    const [mail] = await mails(email);
    const { location } = await followLink(linkIn(mail));
    expect(location.pathname).toBe('/welcome');
    const { data, error } = await c.auth.exchangeCodeForSession(location.searchParams.get('code') ?? '');
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(data.user?.email_confirmed_at).toBeTruthy();
  });
});

describe('auth: e-mail change with double_confirm_changes', () => {
  it('needs both links: the first answers a message, the second moves the address', async () => {
    const email = randomEmail('change-old');
    const newEmail = randomEmail('change-new');
    const c = client();
    await c.auth.signUp({ email, password: 'password-1' });
    await followLink(linkIn((await mails(email))[0]));
    await c.auth.signInWithPassword({ email, password: 'password-1' });
    await adminQuery(`update auth.users set confirmation_sent_at = null where email = $1`, [email]);

    const { data, error } = await c.auth.updateUser({ email: newEmail });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, new_email: newEmail });
    const [toNew] = await mails(newEmail);
    const [toCurrent] = (await mails(email, 2)).filter((m) => m.Subject === 'Confirm Email Change');
    expect(toNew.Subject).toBe('Confirm Email Change');
    expect(toNew.HTML).toContain(`from ${email} to ${newEmail}`);

    const first = await followLink(linkIn(toCurrent));
    expect(fragment(first.location)).toEqual({
      message: 'Confirmation link accepted. Please proceed to confirm link sent to the other email',
      sb: '',
    });
    const [between] = await adminQuery('select email, email_change from auth.users where email = $1', [email]);
    expect(between).toEqual({ email, email_change: newEmail });

    const second = await c.auth.verifyOtp({ email: newEmail, token: otpIn(toNew), type: 'email_change' });
    expect(second.error).toBeNull();
    expect(second.data.user?.email).toBe(newEmail);
    expect((await c.auth.signInWithPassword({ email: newEmail, password: 'password-1' })).error).toBeNull();
  });

  it('verifyOtp on the first of the two codes returns neither user nor session', async () => {
    const email = randomEmail('change2-old');
    const c = client();
    await c.auth.signUp({ email, password: 'password-1' });
    await c.auth.verifyOtp({ email, token: otpIn((await mails(email))[0]), type: 'signup' });
    const newEmail = randomEmail('change2-new');
    await c.auth.updateUser({ email: newEmail });
    const [toNew] = await mails(newEmail);
    const first = await c.auth.verifyOtp({ email: newEmail, token: otpIn(toNew), type: 'email_change' });
    expect(first).toEqual({ data: { user: null, session: null }, error: null });
    expect(await mailCount(newEmail, variant.mailUrl)).toBe(1);
  });
});

describe('auth: email_sent with [auth.email.smtp]', () => {
  it('refuses mails past email_sent per hour with over_email_send_rate_limit', async () => {
    const limited = await startAuthVariant((auth) => ({
      ...auth,
      email: {
        ...auth.email,
        enableConfirmations: true,
        smtp: { host: '127.0.0.1', port: 0, user: '', pass: '', adminEmail: 'team@example.test', senderName: 'Team' },
      },
      rateLimit: { ...auth.rateLimit, emailSent: 2 },
    }));
    try {
      const c = clientFrom(undefined, { url: limited.url });
      const emails = [randomEmail('quota'), randomEmail('quota'), randomEmail('quota')];
      expect((await c.auth.signUp({ email: emails[0], password: 'password-1' })).error).toBeNull();
      expect((await c.auth.signUp({ email: emails[1], password: 'password-1' })).error).toBeNull();
      const third = await c.auth.signUp({ email: emails[2], password: 'password-1' });
      expect(third.error).toMatchObject({
        status: 429,
        code: 'over_email_send_rate_limit',
        message: 'email rate limit exceeded',
      });
      // Nothing was kept of the refused sign-up.
      expect(await adminQuery('select 1 from auth.users where email = $1', [emails[2]])).toHaveLength(0);
      const [mail] = await waitForMail(emails[0], { mailUrl: limited.mailUrl });
      expect(mail.From).toEqual({ Name: 'Team', Address: 'team@example.test' });
    } finally {
      await limited.stop();
    }
  });
});

describe('auth: [auth.email.template.<kind>]', () => {
  it('renders the configured subject and content file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
    const file = path.join(dir, 'confirmation.html');
    await writeFile(
      file,
      '<p>Hello {{ .Data.name }}, <a href="{{ .ConfirmationURL }}">confirm</a> or type {{ .Token }}</p>',
    );
    const custom = await startAuthVariant((auth) => ({
      ...auth,
      email: {
        ...auth.email,
        enableConfirmations: true,
        templates: { confirmation: { subject: 'Welcome {{ .Email }}', contentPath: file } },
      },
    }));
    try {
      const email = randomEmail('template');
      const c = clientFrom(undefined, { url: custom.url });
      await c.auth.signUp({ email, password: 'password-1', options: { data: { name: 'Grace' } } });
      const [mail] = await waitForMail(email, { mailUrl: custom.mailUrl });
      expect(mail.Subject).toBe(`Welcome ${email}`);
      expect(mail.HTML).toMatch(/^<p>Hello Grace, <a href="http:\/\/127\.0\.0\.1:\d+\/auth\/v1\/verify\?token=/);
      const code = /type (\d{6})/.exec(mail.Text)?.[1] ?? '';
      expect((await c.auth.verifyOtp({ email, token: code, type: 'signup' })).error).toBeNull();
    } finally {
      await custom.stop();
    }
  });
});
