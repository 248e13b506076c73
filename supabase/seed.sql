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

-- Demo family (README "Demo family"): two parents and two children of different age bands, built with
-- the same functions the app uses (add_child, give_parental_consent, set_parent_pin), acting as the
-- demo parent through request.jwt.claims, so the seed obeys every rule the app does.
--   parents:  demo@taleforge.test / taleforge-demo  and  demo-coparent@taleforge.test / taleforge-demo
--   family code DEMO42, parent PIN 2580; children Mia (4-6, PIN 1234) and Leo (10-12, PIN 5678).
-- The children's auth passwords are random here: the kid sign-in server action sets its own on first use.
-- add_child bans each child's auth user and give_parental_consent lifts the ban, so both can sign in.
insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, last_sign_in_at,
  confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous
)
select
  '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email,
  extensions.crypt(u.password, extensions.gen_salt('bf')), now(), u.app_meta, u.user_meta,
  now(), now(), null, '', '', '', '', false, false
from (values
  ('d0d0d0d0-0000-4000-8000-000000000002'::uuid, 'demo-coparent@taleforge.test', 'taleforge-demo',
   '{"provider": "email", "providers": ["email"]}'::jsonb,
   '{"display_name": "Demo Co-Parent", "email_verified": true}'::jsonb),
  ('d0d0d0d0-0000-4000-8000-0000000000c1'::uuid, 'd0d0d0d0-0000-4000-8000-0000000000c1@children.taleforge.invalid',
   gen_random_uuid()::text, '{"provider": "email", "providers": ["email"], "account_type": "child"}'::jsonb,
   '{"display_name": "Mia"}'::jsonb),
  ('d0d0d0d0-0000-4000-8000-0000000000c2'::uuid, 'd0d0d0d0-0000-4000-8000-0000000000c2@children.taleforge.invalid',
   gen_random_uuid()::text, '{"provider": "email", "providers": ["email"], "account_type": "child"}'::jsonb,
   '{"display_name": "Leo"}'::jsonb)
) as u(id, email, password, app_meta, user_meta)
where not exists (select 1 from auth.users existing where existing.id = u.id);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
  u.id::text, u.id,
  jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
  'email', null, now(), now()
from auth.users u
where u.id in ('d0d0d0d0-0000-4000-8000-000000000002', 'd0d0d0d0-0000-4000-8000-0000000000c1', 'd0d0d0d0-0000-4000-8000-0000000000c2')
on conflict (provider_id, provider) do nothing;

do $$
declare
  v_parent constant uuid := 'd0d0d0d0-0000-4000-8000-000000000001';
  v_coparent constant uuid := 'd0d0d0d0-0000-4000-8000-000000000002';
  v_family uuid;
  v_code text;
begin
  select family_id into v_family from public.family_members where user_id = v_parent;
  if exists (select 1 from public.family_members where family_id = v_family and role = 'child') then
    return; -- already seeded
  end if;
  update public.families set name = 'The Demo Family', code = 'DEMO42', time_zone = 'Europe/London' where id = v_family;

  -- The co-parent joins with an invite code, as in the app (their own sign-up family is replaced).
  perform set_config('request.jwt.claims', json_build_object('sub', v_parent, 'role', 'authenticated')::text, true);
  select i.code into v_code from public.create_parent_invite() i;
  perform set_config('request.jwt.claims', json_build_object('sub', v_coparent, 'role', 'authenticated')::text, true);
  perform public.accept_parent_invite(v_code);

  perform set_config('request.jwt.claims', json_build_object('sub', v_parent, 'role', 'authenticated')::text, true);
  perform public.add_child('d0d0d0d0-0000-4000-8000-0000000000c1', 'Mia', extract(year from now())::int - 5, '1234');
  perform public.add_child('d0d0d0d0-0000-4000-8000-0000000000c2', 'Leo', extract(year from now())::int - 10, '5678');
  perform public.give_parental_consent(c.id, 'in_app_attestation', 'Demo data: consent recorded by the seed.')
     from (values ('d0d0d0d0-0000-4000-8000-0000000000c1'::uuid), ('d0d0d0d0-0000-4000-8000-0000000000c2'::uuid)) c(id);
  perform public.set_parent_pin('2580');
  update public.parental_controls set daily_minutes = 30, bedtime_start = '19:30', bedtime_end = '07:00'
   where child_id = 'd0d0d0d0-0000-4000-8000-0000000000c1';
  update public.parental_controls set daily_minutes = 60, bedtime_start = '21:00', bedtime_end = '07:00',
         live_sessions_allowed = true, chat_level = 'filtered'
   where child_id = 'd0d0d0d0-0000-4000-8000-0000000000c2';
  perform set_config('request.jwt.claims', '', true);
end;
$$;
