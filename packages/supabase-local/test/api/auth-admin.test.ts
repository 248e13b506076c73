import { describe, expect, it } from 'vitest';
import { adminQuery, makeClient, randomEmail, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';

describe('auth: admin API', () => {
  it('creates a confirmed user with metadata who can then sign in (a child account: with a server key)', async () => {
    const admin = serviceClient().auth.admin;
    const email = randomEmail('child');
    const { data, error } = await admin.createUser({
      email,
      password: 'child-password',
      email_confirm: true,
      user_metadata: { display_name: 'Kid' },
      app_metadata: { account_type: 'child', consent: false },
    });
    expect(error).toBeNull();
    expect(data.user?.app_metadata).toEqual({
      provider: 'email',
      providers: ['email'],
      account_type: 'child',
      consent: false,
    });
    expect(data.user?.user_metadata).toMatchObject({ display_name: 'Kid' });
    expect(data.user?.email_confirmed_at).toBeTruthy();

    // account_type 'child' marks a child's account: its password works only with a server key.
    const signIn = await makeClient(stackInfo().secretKey).auth.signInWithPassword({
      email,
      password: 'child-password',
    });
    expect(signIn.error).toBeNull();
    const claims = JSON.parse(
      Buffer.from(signIn.data.session?.access_token.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(claims.app_metadata).toMatchObject({ account_type: 'child', consent: false });
  });

  it('refuses a duplicate e-mail with email_exists; unconfirmed users cannot sign in', async () => {
    const admin = serviceClient().auth.admin;
    const email = randomEmail();
    expect((await admin.createUser({ email, password: 'password-1' })).error).toBeNull();
    const dup = await admin.createUser({ email, password: 'password-1', email_confirm: true });
    expect(dup.error?.status).toBe(422);
    expect(dup.error?.code).toBe('email_exists');
    const signIn = await makeClient().auth.signInWithPassword({ email, password: 'password-1' });
    expect(signIn.error?.code).toBe('email_not_confirmed');
  });

  it('gets, updates (metadata merge, ban) and deletes users by id', async () => {
    const admin = serviceClient().auth.admin;
    const user = await signUpUser({ display_name: 'Parent' });

    const got = await admin.getUserById(user.id);
    expect(got.data.user?.email).toBe(user.email);

    const updated = await admin.updateUserById(user.id, {
      app_metadata: { account_type: 'parent' },
      user_metadata: { display_name: null, locale: 'de' },
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.app_metadata).toEqual({
      provider: 'email',
      providers: ['email'],
      account_type: 'parent',
    });
    expect(updated.data.user?.user_metadata).toMatchObject({ locale: 'de' });
    expect(updated.data.user?.user_metadata).not.toHaveProperty('display_name');

    const banned = await admin.updateUserById(user.id, { ban_duration: '24h' });
    expect(new Date(banned.data.user?.banned_until ?? 0).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((await makeClient().auth.signInWithPassword(user)).error?.code).toBe('user_banned');
    await admin.updateUserById(user.id, { ban_duration: 'none' });
    expect((await makeClient().auth.signInWithPassword(user)).error).toBeNull();

    const deleted = await admin.deleteUser(user.id);
    expect(deleted.error).toBeNull();
    expect(deleted.data.user?.id).toBe(user.id);
    const missing = await admin.getUserById(user.id);
    expect(missing.error?.status).toBe(404);
    expect(missing.error?.code).toBe('user_not_found');
    expect(await adminQuery('select 1 from auth.identities where user_id = $1', [user.id])).toHaveLength(0);
    expect((await makeClient().auth.getUser(user.accessToken)).error?.code).toBe('user_not_found');
  });

  it('soft-deletes: the row stays, the e-mail is obfuscated and sign-in fails', async () => {
    const user = await signUpUser();
    expect((await serviceClient().auth.admin.deleteUser(user.id, true)).error).toBeNull();
    const [row] = await adminQuery('select email, deleted_at from auth.users where id = $1', [user.id]);
    expect(row.deleted_at).not.toBeNull();
    expect(row.email).not.toBe(user.email);
    expect((await makeClient().auth.signInWithPassword(user)).error?.code).toBe('invalid_credentials');
  });

  it('lists users newest first with X-Total-Count and Link pagination', async () => {
    const admin = serviceClient().auth.admin;
    await signUpUser();
    await signUpUser();
    const newest = await signUpUser();
    const listed = await admin.listUsers({ page: 1, perPage: 2 });
    if (listed.error) throw listed.error;
    const data = listed.data;
    expect(data.users).toHaveLength(2);
    expect(data.aud).toBe('authenticated');
    expect(data.total).toBeGreaterThanOrEqual(3);
    expect(data.nextPage).toBe(2);
    // (auth-js reads only the first digit of the last page number, so check it on the raw header below.)
    const all = await admin.listUsers();
    expect(all.data.users.map((u) => u.id)).toContain(newest.id);

    const res = await fetch(`${stackInfo().url}/auth/v1/admin/users?page=1&per_page=2`, {
      headers: { apikey: stackInfo().serviceRoleKey },
    });
    const total = Number(res.headers.get('x-total-count'));
    expect(total).toBeGreaterThanOrEqual(3);
    expect(res.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`,
    );
  });

  it('refuses non-admin tokens with not_admin', async () => {
    const user = await signUpUser();
    for (const token of [stackInfo().anonKey, user.accessToken]) {
      const res = await fetch(`${stackInfo().url}/auth/v1/admin/users`, {
        headers: {
          apikey: stackInfo().anonKey,
          authorization: `Bearer ${token}`,
          'x-supabase-api-version': '2024-01-01',
        },
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'not_admin', message: 'User not allowed' });
    }
    const { error } = await makeClient().auth.admin.createUser({ email: randomEmail(), password: 'password-1' });
    expect(error?.code).toBe('not_admin');
  });
});
