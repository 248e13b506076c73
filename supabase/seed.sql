-- Demo data for local development and tests. Runs as `postgres` after the migrations on a fresh
-- database (`npm run db:reset`); every insert skips rows that already exist, so running it twice is safe.

-- Demo parent: demo@taleforge.test / taleforge-demo. Inserted the way GoTrue stores an e-mail user
-- (confirmed, bcrypt hash, an `email` identity), so the regular sign-in endpoint accepts it. The
-- on_auth_user_created trigger creates the "Demo Parent" profile.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at,
  confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous
)
select
  '00000000-0000-0000-0000-000000000000', 'd0d0d0d0-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
  'demo@taleforge.test', extensions.crypt('taleforge-demo', extensions.gen_salt('bf')), now(),
  '{"provider": "email", "providers": ["email"]}'::jsonb,
  '{"display_name": "Demo Parent", "email_verified": true}'::jsonb,
  now(), now(), null,
  -- GoTrue scans these as strings and fails on NULL, so they are empty, as in rows it writes itself.
  '', '', '', '', false, false
where not exists (select 1 from auth.users where email = 'demo@taleforge.test');

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
  u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
  'email', null, now(), now()
from auth.users u
where u.email = 'demo@taleforge.test'
on conflict (provider_id, provider) do nothing;
