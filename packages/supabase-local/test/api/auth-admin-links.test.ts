import { describe, expect, it } from 'vitest';
import { adminQuery, randomEmail, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';
import { clientFrom, followLink, fragment, linkIn, mailCount, waitForMail } from './auth-mail-helpers';

const admin = () => serviceClient().auth.admin;

describe('auth: admin.generateLink', () => {
  it('signup: creates the unconfirmed user and returns link, OTP and hashed token; nothing is mailed', async () => {
    const email = randomEmail('gen-signup');
    const { data, error } = await admin().generateLink({
      type: 'signup',
      email,
      password: 'password-1',
      options: { data: { name: 'Ada' }, redirectTo: 'http://localhost:3000/welcome' },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { name: 'Ada' } });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.properties).toMatchObject({
      verification_type: 'signup',
      redirect_to: 'http://localhost:3000/welcome',
      email_otp: expect.stringMatching(/^\d{6}$/),
      hashed_token: expect.stringMatching(/^[0-9a-f]{56}$/),
    });
    const link = new URL(data.properties?.action_link ?? '');
    expect(link.searchParams.get('token')).toBe(data.properties?.hashed_token);
    expect(link.searchParams.get('redirect_to')).toBe('http://localhost:3000/welcome');

    const verified = await clientFrom().auth.verifyOtp({
      token_hash: data.properties?.hashed_token ?? '',
      type: 'signup',
    });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await mailCount(email)).toBe(0);
  });

  it('magiclink and recovery for an existing user; magiclink for an unknown one is a signup', async () => {
    const user = await signUpUser();
    for (const type of ['magiclink', 'recovery'] as const) {
      const { data, error } = await admin().generateLink({ type, email: user.email });
      expect(error).toBeNull();
      expect(data.properties?.verification_type).toBe(type);
      const { status, location } = await followLink(new URL(data.properties?.action_link ?? ''));
      expect(status).toBe(303);
      expect(fragment(location)).toMatchObject({ type, token_type: 'bearer' });
    }
    const unknown = await admin().generateLink({ type: 'magiclink', email: randomEmail('gen-ml') });
    expect(unknown.data.properties?.verification_type).toBe('signup');
    const missing = await admin().generateLink({ type: 'recovery', email: randomEmail('gen-none') });
    expect(missing.error).toMatchObject({
      status: 404,
      code: 'user_not_found',
      message: 'User with this email not found',
    });
  });

  it('invite and e-mail change links; refuses taken addresses, unknown types and non-admins', async () => {
    const email = randomEmail('gen-invite');
    const invited = await admin().generateLink({ type: 'invite', email });
    expect(invited.data.user?.invited_at).toBeTruthy();
    const accepted = await clientFrom().auth.verifyOtp({
      token_hash: invited.data.properties?.hashed_token ?? '',
      type: 'invite',
    });
    expect(accepted.error).toBeNull();
    const again = await admin().generateLink({ type: 'invite', email });
    expect(again.error).toMatchObject({ status: 422, code: 'email_exists' });

    const user = await signUpUser();
    const newEmail = randomEmail('gen-new');
    const change = await admin().generateLink({ type: 'email_change_new', email: user.email, newEmail });
    expect(change.error).toBeNull();
    expect(change.data.user?.new_email).toBe(newEmail);
    await followLink(new URL(change.data.properties?.action_link ?? ''));
    const [row] = await adminQuery('select email from auth.users where id = $1', [user.id]);
    expect(row.email).toBe(newEmail);
    const taken = await admin().generateLink({ type: 'email_change_current', email: newEmail, newEmail: email });
    expect(taken.error).toMatchObject({ status: 422, code: 'email_exists' });

    const bogus = await admin().generateLink({ type: 'bogus' as 'signup', email: newEmail, password: 'password-1' });
    expect(bogus.error).toMatchObject({ status: 400, message: 'Invalid email action link type requested: bogus' });
    const bad = await admin().generateLink({ type: 'signup', email: 'nope', password: 'password-1' });
    expect(bad.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const noPassword = await admin().generateLink({ type: 'signup', email: randomEmail(), password: '' });
    expect(noPassword.error?.message).toBe('Signup requires a valid password');
    const res = await fetch(`${stackInfo().url}/auth/v1/admin/generate_link`, {
      method: 'POST',
      headers: {
        apikey: stackInfo().anonKey,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: JSON.stringify({ type: 'magiclink', email: user.email }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 'not_admin', message: 'User not allowed' });
  });
});

describe('auth: admin.inviteUserByEmail', () => {
  it('mails the invite; its link signs the invitee in; a confirmed address is email_exists', async () => {
    const email = randomEmail('invitee');
    const { data, error } = await admin().inviteUserByEmail(email, {
      data: { role_hint: 'parent' },
      redirectTo: 'http://localhost:3000/join',
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { role_hint: 'parent' } });
    expect(data.user?.invited_at).toBeTruthy();
    const [mail] = await waitForMail(email);
    expect(mail.Subject).toBe('You have been invited');
    expect(mail.HTML).toContain('You have been invited to create a user on http://localhost:3000');
    const link = linkIn(mail);
    expect(link.searchParams.get('type')).toBe('invite');
    const { location } = await followLink(link);
    expect(location.pathname).toBe('/join');
    const session = fragment(location);
    expect(session.type).toBe('invite');
    const [row] = await adminQuery('select email_confirmed_at, encrypted_password from auth.users where email = $1', [
      email,
    ]);
    expect(row.email_confirmed_at).not.toBeNull();
    // GoTrue gives the invitee a random password for the app to have replaced.
    expect(row.encrypted_password).toMatch(/^\$2[ab]\$10\$/);

    const again = await admin().inviteUserByEmail(email);
    expect(again.error).toMatchObject({ status: 422, code: 'email_exists' });
    const anon = await fetch(`${stackInfo().url}/auth/v1/invite`, {
      method: 'POST',
      headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ email: randomEmail() }),
    });
    expect(anon.status).toBe(403);
  });
});
