import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, makeClient, randomEmail, stackInfo } from '../../src/testing/clients';

describe('auth: sign-up', () => {
  it('signs up with metadata and returns a confirmed session (autoconfirm, like the CLI)', async () => {
    const client = makeClient();
    const email = randomEmail('Signup').replace('Signup', 'SignUp');
    const { data, error } = await client.auth.signUp({
      email,
      password: 'correct-horse',
      options: { data: { display_name: 'Ada', birth_year: 2015 } },
    });
    expect(error).toBeNull();
    const { user, session } = data;
    expect(session).not.toBeNull();
    expect(session?.token_type).toBe('bearer');
    expect(session?.expires_in).toBe(3600);
    expect(session?.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    expect(user?.email).toBe(email.toLowerCase());
    expect(user?.aud).toBe('authenticated');
    expect(user?.role).toBe('authenticated');
    expect(user?.email_confirmed_at).toBeTruthy();
    expect(user?.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(user?.user_metadata).toMatchObject({ display_name: 'Ada', birth_year: 2015, email_verified: true });
    expect(user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: user?.id, id: user?.id });

    const rows = await adminQuery(
      'select encrypted_password, last_sign_in_at, raw_user_meta_data from auth.users where id = $1',
      [user?.id],
    );
    expect(rows[0].encrypted_password).toMatch(/^\$2[ab]\$10\$/);
    expect(rows[0].last_sign_in_at).not.toBeNull();
    const sessions = await adminQuery('select id from auth.sessions where user_id = $1', [user?.id]);
    expect(sessions).toHaveLength(1);
  });

  it('refuses a second sign-up with the same e-mail (any case) as user_already_exists', async () => {
    const email = randomEmail();
    expect((await makeClient().auth.signUp({ email, password: 'password-1' })).error).toBeNull();
    const { data, error } = await makeClient().auth.signUp({ email: email.toUpperCase(), password: 'password-2' });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('user_already_exists');
    expect(error?.message).toBe('User already registered');
  });

  it('refuses a short password as weak_password with reasons', async () => {
    const { error } = await makeClient().auth.signUp({ email: randomEmail(), password: '12345' });
    expect(error?.name).toBe('AuthWeakPasswordError');
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('weak_password');
    expect(error?.message).toBe('Password should be at least 6 characters.');
    expect((error as unknown as { reasons: string[] }).reasons).toEqual(['length']);
  });

  it('refuses an invalid e-mail as validation_failed', async () => {
    const { error } = await makeClient().auth.signUp({ email: 'not-an-email', password: 'password-1' });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
    expect(error?.message).toBe('Unable to validate email address: invalid format');
  });

  it('lets a trigger on auth.users see the new user, and answers 500 when such a trigger fails', async () => {
    const table = `auth_signup_probe_${randomUUID().slice(0, 8)}`;
    const marker = `fail-${randomUUID().slice(0, 8)}`;
    // A private schema: the RLS guard test inspects every table in public.
    await adminQuery(`
      create schema if not exists test_probe;
      create table test_probe.${table} (user_id uuid primary key references auth.users (id) on delete cascade, name text);
      create function test_probe.${table}_fn() returns trigger language plpgsql security definer set search_path = '' as $$
      begin
        if new.raw_user_meta_data ->> 'name' = '${marker}' then raise exception 'probe refused'; end if;
        insert into test_probe.${table} (user_id, name) values (new.id, new.raw_user_meta_data ->> 'name');
        return new;
      end $$;
      create trigger ${table}_trg after insert on auth.users for each row execute function test_probe.${table}_fn();`);
    try {
      const ok = await makeClient().auth.signUp({
        email: randomEmail(),
        password: 'password-1',
        options: { data: { name: 'Grace' } },
      });
      expect(ok.error).toBeNull();
      expect(await adminQuery(`select name from test_probe.${table} where user_id = $1`, [ok.data.user?.id])).toEqual([
        { name: 'Grace' },
      ]);

      const email = randomEmail();
      const failed = await makeClient().auth.signUp({
        email,
        password: 'password-1',
        options: { data: { name: marker } },
      });
      expect(failed.error?.status).toBe(500);
      expect(failed.error?.message).toBe('Database error saving new user');
      expect(await adminQuery('select 1 from auth.users where email = $1', [email])).toHaveLength(0);
    } finally {
      await adminQuery(
        `drop trigger ${table}_trg on auth.users; drop table test_probe.${table}; drop function test_probe.${table}_fn();`,
      );
    }
  });
});

describe('auth: settings and health', () => {
  it('GET /settings reports e-mail sign-up with autoconfirm and anonymous sign-ins from config.toml', async () => {
    const res = await fetch(`${stackInfo().url}/auth/v1/settings`, { headers: { apikey: stackInfo().anonKey } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      disable_signup: false,
      mailer_autoconfirm: true,
      external: { email: true, phone: false, anonymous_users: true, google: false },
      saml_enabled: false,
      passkeys_enabled: false,
    });
  });

  it('GET /health names GoTrue', async () => {
    const res = await fetch(`${stackInfo().url}/auth/v1/health`, { headers: { apikey: stackInfo().anonKey } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'GoTrue', version: expect.stringMatching(/^v2\./) });
  });
});
