import { describe, expect, it } from 'vitest';
import { signJwt } from '../../src/jwt';
import { adminQuery, makeClient, randomEmail, readJson, signUpUser, stackInfo } from '../../src/testing/clients';
import { followLink, linkIn, waitForMail } from './auth-mail-helpers';

function decode(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function rawGetUser(token: string) {
  const res = await fetch(`${stackInfo().url}/auth/v1/user`, {
    headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${token}`, 'x-supabase-api-version': '2024-01-01' },
  });
  return { status: res.status, body: await readJson(res) };
}

describe('auth: password sign-in', () => {
  it('issues a session whose JWT carries GoTrue claims', async () => {
    const { email, password, id } = await signUpUser({ display_name: 'Ada' });
    const before = Math.floor(Date.now() / 1000);
    const { data, error } = await makeClient().auth.signInWithPassword({ email, password });
    expect(error).toBeNull();
    const session = data.session;
    if (!session) throw new Error('no session');
    expect(session.expires_at).toBeGreaterThanOrEqual(before + 3600);
    const claims = decode(session.access_token);
    expect(claims).toMatchObject({
      iss: `${stackInfo().url}/auth/v1`,
      sub: id,
      aud: 'authenticated',
      email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Ada' },
      is_anonymous: false,
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    const sessions = await adminQuery('select id from auth.sessions where id = $1 and user_id = $2', [
      claims.session_id,
      id,
    ]);
    expect(sessions).toHaveLength(1);
    const tokens = await adminQuery('select revoked, parent from auth.refresh_tokens where token = $1', [
      session.refresh_token,
    ]);
    expect(tokens).toEqual([{ revoked: false, parent: null }]);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const { email } = await signUpUser();
    for (const attempt of [
      { email, password: 'wrong-password' },
      { email: randomEmail('nobody'), password: 'whatever-1' },
    ]) {
      const { data, error } = await makeClient().auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error?.status).toBe(400);
      expect(error?.code).toBe('invalid_credentials');
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('accepts a seed-style user hashed by pgcrypto crypt()/gen_salt(bf)', async () => {
    const email = randomEmail('seeded');
    const [{ id }] = await adminQuery<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
         extensions.crypt('seeded-password', extensions.gen_salt('bf')), now(),
         '{"provider":"email","providers":["email"]}', '{}', now(), now())
       returning id`,
      [email],
    );
    const { data, error } = await makeClient().auth.signInWithPassword({ email, password: 'seeded-password' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it('refuses banned and unconfirmed users', async () => {
    const banned = await signUpUser();
    await adminQuery("update auth.users set banned_until = now() + interval '1 hour' where id = $1", [banned.id]);
    const b = await makeClient().auth.signInWithPassword({ email: banned.email, password: banned.password });
    expect(b.error?.code).toBe('user_banned');

    const unconfirmed = await signUpUser();
    await adminQuery('update auth.users set email_confirmed_at = null where id = $1', [unconfirmed.id]);
    const u = await makeClient().auth.signInWithPassword({ email: unconfirmed.email, password: unconfirmed.password });
    expect(u.error?.code).toBe('email_not_confirmed');
  });
});

describe('auth: user', () => {
  it('getUser returns the user for a valid token', async () => {
    const { client, id, email } = await signUpUser();
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, email });
    const claims = await client.auth.getClaims();
    expect(claims.error).toBeNull();
    expect(claims.data?.claims.sub).toBe(id);
  });

  it('refuses forged, expired, sub-less and missing tokens', async () => {
    const { id, accessToken } = await signUpUser();
    const now = Math.floor(Date.now() / 1000);
    const expired = await signJwt({
      sub: id,
      role: 'authenticated',
      aud: 'authenticated',
      iat: now - 7200,
      exp: now - 3600,
    });
    const [header, payload] = accessToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;

    const e = await rawGetUser(expired);
    expect(e.status).toBe(403);
    expect(e.body).toMatchObject({ code: 'bad_jwt', message: expect.stringContaining('token is expired') });
    expect((await rawGetUser(forged)).body.code).toBe('bad_jwt');
    const anon = await rawGetUser(stackInfo().anonKey);
    expect(anon).toEqual({ status: 403, body: { code: 'bad_jwt', message: 'invalid claim: missing sub claim' } });

    const { error } = await makeClient().auth.getUser(forged);
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('bad_jwt');

    // Without any key the gateway refuses first, as hosted's does; with one, the key itself is the bearer.
    const res = await fetch(`${stackInfo().url}/auth/v1/user`, { headers: { 'x-supabase-api-version': '2024-01-01' } });
    expect(res.status).toBe(401);
    expect(await readJson(res)).toEqual({
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  });

  it('updateUser changes data and password at once, e-mail after its confirmation link, never app_metadata', async () => {
    const user = await signUpUser({ display_name: 'Before', keep: 1 });
    const newEmail = randomEmail('moved');
    const { data, error } = await user.client.auth.updateUser({
      email: newEmail,
      password: 'brand-new-password',
      data: { display_name: 'After', keep: null, account_type: 'child' },
    });
    expect(error).toBeNull();
    // GoTrue: a permanent user's new address waits for confirmation, even with autoconfirm.
    expect(data.user?.email).toBe(user.email);
    expect(data.user?.new_email).toBe(newEmail);
    expect(data.user?.email_change_sent_at).toBeTruthy();
    expect(data.user?.user_metadata).toMatchObject({ display_name: 'After', account_type: 'child' });
    expect(data.user?.user_metadata).not.toHaveProperty('keep');
    // `data` lands in user_metadata only: the app_metadata a parent's admin call sets stays authoritative.
    expect(data.user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });

    const before = await makeClient().auth.signInWithPassword({ email: user.email, password: 'brand-new-password' });
    expect(before.error).toBeNull();
    const [mail] = await waitForMail(newEmail);
    expect((await followLink(linkIn(mail))).status).toBe(303);

    const old = await makeClient().auth.signInWithPassword({ email: user.email, password: 'brand-new-password' });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await makeClient().auth.signInWithPassword({ email: newEmail, password: 'brand-new-password' });
    expect(fresh.error).toBeNull();
    expect(fresh.data.user?.email).toBe(newEmail);

    const same = makeClient();
    await same.auth.setSession({
      access_token: fresh.data.session?.access_token ?? '',
      refresh_token: fresh.data.session?.refresh_token ?? '',
    });
    const repeat = await same.auth.updateUser({ password: 'brand-new-password' });
    expect(repeat.error?.code).toBe('same_password');

    const res = await fetch(`${stackInfo().url}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: stackInfo().anonKey,
        authorization: `Bearer ${fresh.data.session?.access_token}`,
        'content-type': 'application/json',
        'x-supabase-api-version': '2024-01-01',
      },
      body: JSON.stringify({ app_metadata: { consent: true } }),
    });
    expect(res.status).toBe(403);
    const [row] = await adminQuery('select raw_app_meta_data from auth.users where id = $1', [user.id]);
    expect(row.raw_app_meta_data).toEqual({ provider: 'email', providers: ['email'] });
  });
});

describe('auth: sign-out scopes', () => {
  async function signInTwice() {
    const { email, password, id } = await signUpUser();
    const clients = [makeClient(), makeClient(), makeClient()];
    const sessions = [];
    for (const client of clients) {
      const { data, error } = await client.auth.signInWithPassword({ email, password });
      if (error || !data.session) throw error ?? new Error('no session');
      sessions.push(data.session);
    }
    return { id, clients, sessions };
  }

  it('scope "others" ends the other sessions, "local" this one', async () => {
    const { clients, sessions } = await signInTwice();
    expect((await clients[1].auth.signOut({ scope: 'others' })).error).toBeNull();

    const gone = await rawGetUser(sessions[0].access_token);
    expect(gone).toEqual({
      status: 403,
      body: { code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' },
    });
    expect((await makeClient().auth.getUser(sessions[2].access_token)).error?.name).toBe('AuthSessionMissingError');
    expect((await rawGetUser(sessions[1].access_token)).status).toBe(200);

    expect((await clients[1].auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await rawGetUser(sessions[1].access_token)).status).toBe(403);
  });

  it('scope "global" (the default) ends every session and their refresh tokens', async () => {
    const { id, clients, sessions } = await signInTwice();
    const res = await fetch(`${stackInfo().url}/auth/v1/logout`, {
      method: 'POST',
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${sessions[0].access_token}` },
    });
    expect(res.status).toBe(204);
    for (const session of sessions) expect((await rawGetUser(session.access_token)).status).toBe(403);
    expect(await adminQuery('select 1 from auth.sessions where user_id = $1', [id])).toHaveLength(0);

    const { error } = await clients[2].auth.refreshSession({ refresh_token: sessions[2].refresh_token });
    expect(error?.code).toBe('refresh_token_not_found');
  });
});

describe('auth: tokens work against the Data API', () => {
  it('a signed-in JWT reaches PostgREST as the user (auth.uid(), auth.role(), auth.email())', async (ctx) => {
    const { client, id, email } = await signUpUser();
    const probe = await fetch(`${stackInfo().url}/rest/v1/`, { headers: { apikey: stackInfo().anonKey } });
    if (probe.status === 404 || probe.status >= 500) ctx.skip(`/rest/v1 is not served yet (${probe.status})`);
    const { data, error } = await client.rpc('auth_test_claims');
    expect(error).toBeNull();
    expect(data).toEqual({ uid: id, role: 'authenticated', email, jwt_sub: id });
  });
});
