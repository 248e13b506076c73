-- Why: a child account is a real auth user that a parent creates; the child has no e-mail and signs in
-- with the family code, their name and a PIN the parent chose. COPPA requires verifiable parental
-- consent before the account is used, so consent is recorded (who, how, when) and sign-in checks it.
-- The kid sign-in path is not the only way into Auth: a signed-in child could set their own password and
-- use the password grant directly. So Auth itself refuses the child until consent: the child's auth user
-- is banned (auth.users.banned_until, which GoTrue checks on every password grant and refresh, answering
-- 400 user_banned) from add_child until give_parental_consent, and again from revoke_parental_consent.
-- PINs are stored only as bcrypt hashes in the non-exposed private schema, and five wrong PINs lock the
-- child's sign-in for 15 minutes, doubling with every further lockout up to 24 hours, so a 4-digit PIN
-- cannot be walked through in days. Guessing across children and family codes is throttled per client
-- address: 20 failed kid sign-ins (unknown code or name, wrong PIN) from one address in 15 minutes stop
-- that address. A parent PIN guards leaving kid mode on a shared device.

create type public.consent_method as enum ('in_app_attestation', 'signed_form', 'card_verification', 'video_call');
comment on type public.consent_method is 'How the parent''s consent was verified (COPPA verifiable parental consent).';

create table public.parental_consents (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  child_id uuid not null,
  parent_id uuid references auth.users (id) on delete set null,
  method public.consent_method not null,
  statement text not null check (char_length(statement) between 1 and 2000),
  consented_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parental_consents_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade,
  constraint parental_consents_revoked_by_needs_time check (revoked_by is null or revoked_at is not null)
);

comment on table public.parental_consents is 'Verifiable parental consent per child: which parent, by which method, when, and whether it was revoked. A child can sign in only with an unrevoked consent.';
comment on column public.parental_consents.statement is 'The exact text the parent agreed to, kept as evidence.';
comment on column public.parental_consents.revoked_at is 'Set when a parent withdraws consent; the child can no longer sign in.';

create unique index idx_parental_consents_child_id_active on public.parental_consents (child_id) where revoked_at is null;
create index idx_parental_consents_family_id_child_id on public.parental_consents (family_id, child_id);
create index idx_parental_consents_parent_id on public.parental_consents (parent_id);
create index idx_parental_consents_revoked_by on public.parental_consents (revoked_by);

create trigger set_parental_consents_updated_at
before update on public.parental_consents
for each row execute function public.set_updated_at();

create trigger audit_parental_consents
after insert or update or delete on public.parental_consents
for each row execute function audit.record_change('family_id');

-- Consent changes only through give/revoke_parental_consent: RPCs that change consent are callable only
-- by the parents who may give it.
revoke all on table public.parental_consents from anon, authenticated;
grant select on table public.parental_consents to authenticated;
grant select, insert, update, delete on table public.parental_consents to service_role;

alter table public.parental_consents enable row level security;

create policy "Parents can read their family's consent records"
on public.parental_consents
for select
to authenticated
using (private.is_family_parent(family_id));

-- Sign-in secrets: never granted to any API role; only the functions below read or write them.
create table private.child_logins (
  child_id uuid primary key,
  family_id uuid not null references public.families (id) on delete cascade,
  login_name text not null check (char_length(login_name) between 1 and 40),
  pin_hash text not null,
  failed_attempts int not null default 0 check (failed_attempts between 0 and 5),
  locked_until timestamptz,
  lockouts int not null default 0 check (lockouts >= 0),
  updated_at timestamptz not null default now(),
  constraint child_logins_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade
);

comment on table private.child_logins is 'How a child signs in: the name typed at /kids (unique per family), the bcrypt hash of the PIN, and the wrong-PIN counter and lockout.';
comment on column private.child_logins.failed_attempts is 'Wrong PINs in a row; the fifth locks sign-in (see lockouts) and resets the count.';
comment on column private.child_logins.lockouts is 'Lockouts since the last right PIN or new PIN: the next lockout lasts 15 minutes doubled this many times, at most 24 hours.';

create unique index idx_child_logins_family_id_login_name on private.child_logins (family_id, lower(login_name));

create table private.parent_pins (
  family_id uuid primary key references public.families (id) on delete cascade,
  pin_hash text not null,
  failed_attempts int not null default 0 check (failed_attempts between 0 and 5),
  locked_until timestamptz,
  lockouts int not null default 0 check (lockouts >= 0),
  updated_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now()
);

comment on table private.parent_pins is 'The family''s parent PIN (bcrypt hash) that guards leaving kid mode, with its own wrong-PIN lockout (escalating like the child PIN''s: the child has all the time in the world to guess).';

create index idx_parent_pins_updated_by on private.parent_pins (updated_by);

-- Failed kid sign-ins per client address, for the throttle across children and family codes. Rows older
-- than the 15-minute window are useless and are deleted by verify_child_pin as it goes.
create table private.kid_sign_in_failures (
  id bigint generated always as identity primary key,
  client text not null check (char_length(client) between 1 and 100),
  failed_at timestamptz not null default now()
);

comment on table private.kid_sign_in_failures is 'One row per failed kid sign-in (unknown family code or name, wrong PIN) with the client address the server saw; 20 in 15 minutes stop that address. Rows past the window are deleted by verify_child_pin.';

create index idx_kid_sign_in_failures_client_failed_at on private.kid_sign_in_failures (client, failed_at);
create index idx_kid_sign_in_failures_failed_at on private.kid_sign_in_failures (failed_at);

revoke all on table private.child_logins, private.parent_pins, private.kid_sign_in_failures
  from public, anon, authenticated, service_role;
alter table private.child_logins enable row level security;
alter table private.parent_pins enable row level security;
alter table private.kid_sign_in_failures enable row level security;

-- PIN changes are audited, without the hash.
create trigger audit_child_logins
after insert or update of pin_hash, login_name or delete on private.child_logins
for each row execute function audit.record_change('family_id', 'pin_hash');

create trigger audit_parent_pins
after insert or update of pin_hash or delete on private.parent_pins
for each row execute function audit.record_change('family_id', 'pin_hash');

create function private.check_pin(p_pin text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_pin is null or p_pin !~ '^[0-9]{4,6}$' then
    raise exception 'A PIN is 4 to 6 digits.' using errcode = '22023';
  end if;
end;
$$;
revoke execute on function private.check_pin(text) from public;

create function private.age_band_for(p_birth_year int)
returns public.age_band
language sql
stable
set search_path = ''
as $$
  select case
    when extract(year from now())::int - p_birth_year <= 6 then '4-6'::public.age_band
    when extract(year from now())::int - p_birth_year <= 9 then '7-9'::public.age_band
    else '10-12'::public.age_band
  end;
$$;
revoke execute on function private.age_band_for(int) from public;

create function private.has_consent(p_child_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.parental_consents c where c.child_id = p_child_id and c.revoked_at is null);
$$;
comment on function private.has_consent(uuid) is 'True when the child has an unrevoked parental consent.';
revoke execute on function private.has_consent(uuid) from public;
grant execute on function private.has_consent(uuid) to authenticated, service_role;

-- Bans the child's auth user until a parent consents, and ends any sessions it has (GoTrue does the same
-- when an admin bans a user), so neither a password grant nor a refresh works. The ban is far in the
-- future rather than 'infinity': GoTrue scans banned_until into a Go time.Time and the local Auth into a
-- JS Date, and neither can represent infinity (the user's every Auth request would fail instead).
-- Not security definer and not granted to anyone: only the security-definer RPCs below call it, and they
-- run as their owner (postgres), which may write auth.users and auth.sessions.
create function private.ban_child_sign_in(p_child_id uuid)
returns void
language sql
set search_path = ''
as $$
  update auth.users set banned_until = '9999-01-01 00:00:00+00'::timestamptz, updated_at = now()
   where id = p_child_id;
  delete from auth.sessions s where s.user_id = p_child_id;
$$;
comment on function private.ban_child_sign_in(uuid) is 'Refuses the child''s auth user at Auth itself (banned_until far in the future) and ends their sessions: a child without parental consent cannot sign in or refresh by any route.';
revoke execute on function private.ban_child_sign_in(uuid) from public;

-- The second half of adding a child. The server action first creates the child's auth user with the
-- admin API (app_metadata.account_type = 'child', which no user can set), then calls this as the
-- parent, so the database itself checks who is adding whom. One transaction: membership, profile,
-- default controls and the hashed PIN all exist, or none do. The child stays inactive until consent:
-- the server action already creates the auth user banned (ban_duration), and this bans it regardless, so
-- no child is ever a member without a ban until a parent records consent.
create function public.add_child(
  p_child_id uuid,
  p_display_name text,
  p_birth_year int,
  p_pin text,
  p_avatar_url text default null,
  p_age_band public.age_band default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_parent_id uuid := (select auth.uid());
  v_family_id uuid;
  v_name text := btrim(coalesce(p_display_name, ''));
  v_this_year int := extract(year from now())::int;
begin
  select fm.family_id into v_family_id
    from public.family_members fm where fm.user_id = v_parent_id and fm.role = 'parent';
  if v_family_id is null then
    raise exception 'Only a parent can add a child to their family.' using errcode = '42501';
  end if;
  if char_length(v_name) not between 1 and 40 then
    raise exception 'A child''s name must be 1 to 40 characters long.' using errcode = '22023';
  end if;
  if p_birth_year is null or p_birth_year not between v_this_year - 13 and v_this_year - 3 then
    raise exception 'Tale Forge is for children aged 4 to 12: please enter a birth year between % and %.',
      v_this_year - 13, v_this_year - 3 using errcode = '22023';
  end if;
  perform private.check_pin(p_pin);
  if exists (select 1 from private.child_logins l where l.family_id = v_family_id and lower(l.login_name) = lower(v_name)) then
    raise exception 'There is already a child called % in your family. Please choose another name.', v_name
      using errcode = '23505';
  end if;
  if not exists (
    select 1 from auth.users u
     where u.id = p_child_id and u.raw_app_meta_data ->> 'account_type' = 'child'
       and not exists (select 1 from public.family_members fm where fm.user_id = u.id)
  ) then
    raise exception 'That child account cannot be added.' using errcode = '42501';
  end if;

  insert into public.family_members (family_id, user_id, role) values (v_family_id, p_child_id, 'child');
  update public.profiles
     set display_name = v_name, birth_year = p_birth_year, avatar_url = p_avatar_url
   where id = p_child_id;
  insert into public.parental_controls (child_id, family_id, age_band, updated_by)
  values (p_child_id, v_family_id, coalesce(p_age_band, private.age_band_for(p_birth_year)), v_parent_id);
  insert into private.child_logins (child_id, family_id, login_name, pin_hash)
  values (p_child_id, v_family_id, v_name, extensions.crypt(p_pin, extensions.gen_salt('bf', 8)));
  perform private.ban_child_sign_in(p_child_id);
  return p_child_id;
end;
$$;

comment on function public.add_child(uuid, text, int, text, text, public.age_band) is 'Parent only: makes a freshly created child auth user a child of the caller''s family with default controls and a hashed PIN. Inactive until consent.';
revoke execute on function public.add_child(uuid, text, int, text, text, public.age_band) from public, anon;
grant execute on function public.add_child(uuid, text, int, text, text, public.age_band) to authenticated;

create function public.give_parental_consent(
  p_child_id uuid,
  p_method public.consent_method,
  p_statement text
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not private.is_parent_of(p_child_id) then
    raise exception 'Only a parent of this child can give consent.' using errcode = '42501';
  end if;
  if p_method is null or char_length(btrim(coalesce(p_statement, ''))) = 0 then
    raise exception 'Please say how consent was given and what you agreed to.' using errcode = '22023';
  end if;
  -- Giving consent twice keeps the first record: it is the evidence of when consent began.
  select c.id into v_id from public.parental_consents c where c.child_id = p_child_id and c.revoked_at is null;
  if v_id is null then
    insert into public.parental_consents (family_id, child_id, parent_id, method, statement)
    select fm.family_id, p_child_id, (select auth.uid()), p_method, btrim(p_statement)
      from public.family_members fm where fm.user_id = p_child_id
    returning id into v_id;
  end if;
  -- Consent is what lets Auth accept the child again: lift the ban add_child or a withdrawal set.
  update auth.users set banned_until = null, updated_at = now()
   where id = p_child_id and banned_until is not null;
  return v_id;
end;
$$;

comment on function public.give_parental_consent(uuid, public.consent_method, text) is 'Parent of the child only: records verifiable consent (method, statement, time, parent) and lifts the child''s Auth ban; the child can sign in from then on.';
revoke execute on function public.give_parental_consent(uuid, public.consent_method, text) from public, anon;
grant execute on function public.give_parental_consent(uuid, public.consent_method, text) to authenticated;

create function public.revoke_parental_consent(p_child_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.is_parent_of(p_child_id) then
    raise exception 'Only a parent of this child can withdraw consent.' using errcode = '42501';
  end if;
  update public.parental_consents
     set revoked_at = now(), revoked_by = (select auth.uid())
   where child_id = p_child_id and revoked_at is null;
  -- Withdrawn consent bans the child at Auth again (no password grant, whatever password the child may
  -- have set themselves) and ends the sessions they already have: otherwise a signed-in device keeps
  -- refreshing its tokens for as long as it likes. Refresh tokens go with their sessions.
  perform private.ban_child_sign_in(p_child_id);
end;
$$;

comment on function public.revoke_parental_consent(uuid) is 'Parent of the child only: withdraws consent, bans the child''s auth user and ends their sessions; the child can no longer sign in by any route.';
revoke execute on function public.revoke_parental_consent(uuid) from public, anon;
grant execute on function public.revoke_parental_consent(uuid) to authenticated;

create function public.set_child_pin(p_child_id uuid, p_pin text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.is_parent_of(p_child_id) then
    raise exception 'Only a parent of this child can change their PIN.' using errcode = '42501';
  end if;
  perform private.check_pin(p_pin);
  -- A new PIN also lifts a lockout and its escalation: the parent is the one who knows it.
  update private.child_logins
     set pin_hash = extensions.crypt(p_pin, extensions.gen_salt('bf', 8)), failed_attempts = 0, locked_until = null,
         lockouts = 0, updated_at = now()
   where child_id = p_child_id;
end;
$$;

comment on function public.set_child_pin(uuid, text) is 'Parent of the child only: sets a new PIN (stored as a bcrypt hash) and clears any lockout and its escalation.';
revoke execute on function public.set_child_pin(uuid, text) from public, anon;
grant execute on function public.set_child_pin(uuid, text) to authenticated;

-- How long the next lockout lasts after p_lockouts earlier ones: 15 minutes, doubling, at most 24 hours.
create function private.pin_lockout_interval(p_lockouts int)
returns interval
language sql
immutable
set search_path = ''
as $$
  select least(interval '15 minutes' * power(2, least(greatest(p_lockouts, 0), 10)), interval '24 hours');
$$;
comment on function private.pin_lockout_interval(int) is 'Length of a PIN lockout after the given number of earlier ones: 15 minutes doubling up to 24 hours.';
revoke execute on function private.pin_lockout_interval(int) from public;

-- Kid sign-in, step one. Only the server (service role) calls it: it holds the rest of the sign-in and
-- passes the client address it read from the request (p_client), which no API role can forge because no
-- API role can call this. It returns a status instead of raising, because raising would roll back the
-- wrong-PIN counter and the failures recorded for the throttle.
-- Two limits: per child, 5 wrong PINs lock that child for pin_lockout_interval (escalating); per client
-- address, 20 failures of any kind (unknown family code or name, wrong PIN) in 15 minutes answer
-- too_many_attempts before anything is looked up, so codes and PINs cannot be sprayed across children.
create function public.verify_child_pin(p_family_code text, p_child_name text, p_pin text, p_client text default null)
returns table (status text, child_id uuid, locked_until timestamptz, attempts_left int)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_login private.child_logins%rowtype;
  v_client text := left(coalesce(nullif(btrim(p_client), ''), 'unknown'), 100);
  v_window constant interval := interval '15 minutes';
  v_oldest timestamptz;
  v_failures int;
begin
  -- One check at a time per client address, so parallel requests cannot all slip under the limit.
  perform pg_advisory_xact_lock(hashtextextended('kid_sign_in:' || v_client, 0));
  -- Old failures no longer count; deleting them here keeps the table at one window's worth of rows.
  delete from private.kid_sign_in_failures f where f.failed_at < now() - v_window;
  select count(*), min(f.failed_at) into v_failures, v_oldest
    from private.kid_sign_in_failures f where f.client = v_client and f.failed_at >= now() - v_window;
  if v_failures >= 20 then
    return query select 'too_many_attempts'::text, null::uuid, v_oldest + v_window, 0;
    return;
  end if;

  select l.* into v_login
    from private.child_logins l
    join public.families f on f.id = l.family_id
   where f.code = upper(btrim(coalesce(p_family_code, '')))
     and lower(l.login_name) = lower(btrim(coalesce(p_child_name, '')))
     for update of l;
  if not found then
    insert into private.kid_sign_in_failures (client) values (v_client);
    return query select 'not_found'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  if v_login.locked_until > now() then
    return query select 'locked'::text, null::uuid, v_login.locked_until, 0;
    return;
  end if;
  if p_pin is null or extensions.crypt(p_pin, v_login.pin_hash) <> v_login.pin_hash then
    insert into private.kid_sign_in_failures (client) values (v_client);
    if v_login.failed_attempts + 1 >= 5 then
      update private.child_logins l
         set failed_attempts = 0, locked_until = now() + private.pin_lockout_interval(v_login.lockouts),
             lockouts = v_login.lockouts + 1
       where l.child_id = v_login.child_id
       returning l.locked_until into v_login.locked_until;
      return query select 'locked'::text, null::uuid, v_login.locked_until, 0;
    else
      update private.child_logins l set failed_attempts = v_login.failed_attempts + 1, locked_until = null
       where l.child_id = v_login.child_id;
      return query select 'wrong_pin'::text, null::uuid, null::timestamptz, 4 - v_login.failed_attempts;
    end if;
    return;
  end if;
  -- The right PIN: whoever typed it knows it, so the escalation starts over too.
  update private.child_logins l set failed_attempts = 0, locked_until = null, lockouts = 0
   where l.child_id = v_login.child_id;
  -- Checked after the PIN so that guessing cannot reveal whether a child has consent yet.
  if not private.has_consent(v_login.child_id) then
    return query select 'needs_consent'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  return query select 'ok'::text, v_login.child_id, null::timestamptz, null::int;
end;
$$;

comment on function public.verify_child_pin(text, text, text, text) is 'Service role only (the kid sign-in server action, passing the client address): checks family code + name + PIN, counts wrong PINs (5 lock for 15 minutes, doubling per further lockout up to 24 hours), throttles 20 failures per client address per 15 minutes, and checks consent. Returns ok, wrong_pin, locked, too_many_attempts, needs_consent or not_found.';
revoke execute on function public.verify_child_pin(text, text, text, text) from public, anon, authenticated;
grant execute on function public.verify_child_pin(text, text, text, text) to service_role;

create function public.set_parent_pin(p_pin text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_family_id uuid;
begin
  select fm.family_id into v_family_id
    from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'parent';
  if v_family_id is null then
    raise exception 'Only a parent can set the parent PIN.' using errcode = '42501';
  end if;
  perform private.check_pin(p_pin);
  insert into private.parent_pins (family_id, pin_hash, updated_by)
  values (v_family_id, extensions.crypt(p_pin, extensions.gen_salt('bf', 8)), (select auth.uid()))
  on conflict (family_id) do update
    set pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = null, lockouts = 0,
        updated_by = excluded.updated_by,
        updated_at = now();
end;
$$;

comment on function public.set_parent_pin(text) is 'Parent only: sets the family''s parent PIN (bcrypt hash) that guards leaving kid mode.';
revoke execute on function public.set_parent_pin(text) from public, anon;
grant execute on function public.set_parent_pin(text) to authenticated;

-- Called from kid mode (the child's session) when someone wants to leave it. Like verify_child_pin it
-- returns a status so the wrong-PIN counter survives. 'not_set' means the family has no parent PIN.
create function public.verify_parent_pin(p_pin text)
returns table (status text, locked_until timestamptz, attempts_left int)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_pin private.parent_pins%rowtype;
begin
  select p.* into v_pin from private.parent_pins p where p.family_id = private.my_family_id() for update;
  if not found then
    return query select (case when private.my_family_id() is null then 'not_found' else 'not_set' end)::text,
      null::timestamptz, null::int;
    return;
  end if;
  if v_pin.locked_until > now() then
    return query select 'locked'::text, v_pin.locked_until, 0;
    return;
  end if;
  if p_pin is null or extensions.crypt(p_pin, v_pin.pin_hash) <> v_pin.pin_hash then
    if v_pin.failed_attempts + 1 >= 5 then
      update private.parent_pins p
         set failed_attempts = 0, locked_until = now() + private.pin_lockout_interval(v_pin.lockouts),
             lockouts = v_pin.lockouts + 1
       where p.family_id = v_pin.family_id returning p.locked_until into v_pin.locked_until;
      return query select 'locked'::text, v_pin.locked_until, 0;
    else
      update private.parent_pins p set failed_attempts = v_pin.failed_attempts + 1 where p.family_id = v_pin.family_id;
      return query select 'wrong_pin'::text, null::timestamptz, 4 - v_pin.failed_attempts;
    end if;
    return;
  end if;
  update private.parent_pins p set failed_attempts = 0, locked_until = null, lockouts = 0
   where p.family_id = v_pin.family_id;
  return query select 'ok'::text, null::timestamptz, null::int;
end;
$$;

comment on function public.verify_parent_pin(text) is 'Any family member (kid mode on a shared device): checks the family''s parent PIN with a 5-tries lockout of 15 minutes, doubling per further lockout up to 24 hours. Returns ok, wrong_pin, locked, not_set or not_found.';
revoke execute on function public.verify_parent_pin(text) from public, anon;
grant execute on function public.verify_parent_pin(text) to authenticated;

create function public.has_parent_pin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.parent_pins p where p.family_id = private.my_family_id());
$$;

comment on function public.has_parent_pin() is 'True when the caller''s family has set a parent PIN.';
revoke execute on function public.has_parent_pin() from public, anon;
grant execute on function public.has_parent_pin() to authenticated;
