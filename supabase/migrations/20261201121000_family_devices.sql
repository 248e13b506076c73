-- Why: a five-year-old cannot type a six-letter family code, their exact name and a PIN. A parent, signed
-- in once on a tablet, marks it as a family device: the database issues a random device token (kept
-- only as its SHA-256 hash, with a name, who added it, when it was last seen and whether it was revoked)
-- that the app keeps in a signed, httpOnly cookie. On that device the children of the family appear as
-- avatars and a child signs in with their PIN alone. The parent sees the family's devices and revokes
-- them; a revoked or unknown token is simply not a family device any more.
-- Guessing is limited per device and per child: failed PINs on a device count against that device (10
-- in 15 minutes stop it, kept in the database and keyed by the device, so no request header resets it)
-- on top of each child's own escalating lockout. And no child signs in, by any route, before the family
-- has a parent PIN: a grown-up who hands over their own signed-in device could otherwise not get it back
-- (leaving kid mode needs that PIN).

create table private.family_devices (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  name text not null constraint family_devices_name_length check (char_length(name) between 1 and 40),
  token_hash bytea not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  constraint family_devices_revoked_by_needs_time check (revoked_by is null or revoked_at is not null)
);

comment on table private.family_devices is 'Devices a parent marked as family devices (children sign in there by avatar and PIN): the SHA-256 hash of the device token the app keeps in a signed cookie, a name, who added it, when it was last seen and when it was revoked.';
comment on column private.family_devices.token_hash is 'SHA-256 of the random device token; the token itself is stored nowhere but in the device''s cookie.';
comment on column private.family_devices.last_seen_at is 'Last time the device showed its token (kid home or sign-in), to the minute.';
comment on column private.family_devices.revoked_at is 'Set when a parent revokes the device; its token is then worthless.';

create unique index idx_family_devices_token_hash on private.family_devices (token_hash);
create index idx_family_devices_family_id on private.family_devices (family_id);
create index idx_family_devices_created_by on private.family_devices (created_by);
create index idx_family_devices_revoked_by on private.family_devices (revoked_by);

revoke all on table private.family_devices from public, anon, authenticated, service_role;
alter table private.family_devices enable row level security;

-- Adding and revoking devices are family changes a parent sees in the activity list (never the hash,
-- and not every "last seen").
create trigger audit_family_devices
after insert or update of name, revoked_at or delete on private.family_devices
for each row execute function audit.record_change('family_id', 'token_hash');

create function private.device_token_hash(p_token text)
returns bytea
language sql
immutable
set search_path = ''
as $$ select extensions.digest(coalesce(p_token, ''), 'sha256'); $$;
comment on function private.device_token_hash(text) is 'How a device token is stored: its SHA-256 (the token is 256 random bits, so no slow hash is needed).';
revoke execute on function private.device_token_hash(text) from public;

-- The family's live device for a token, or nothing (unknown, revoked, malformed).
create function private.device_for_token(p_token text)
returns private.family_devices
language sql
stable
set search_path = ''
as $$
  select d.* from private.family_devices d
   where d.token_hash = private.device_token_hash(p_token) and d.revoked_at is null;
$$;
comment on function private.device_for_token(text) is 'The unrevoked family device with that token, or null.';
revoke execute on function private.device_for_token(text) from public;

-- Parents: add, list, revoke --------------------------------------------------------------------------
create function private.register_family_device(p_name text)
returns table (device_id uuid, token text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_family_id uuid;
  v_name text := btrim(coalesce(p_name, ''));
  v_max constant int := 20;
begin
  select fm.family_id into v_family_id
    from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'parent';
  if v_family_id is null then
    perform private.raise_error('TF403', 'not_a_parent');
  end if;
  if char_length(v_name) not between 1 and 40 then
    perform private.raise_error('TF400', 'device_name_length', '{"min":1,"max":40}');
  end if;
  -- Handing a device over without a way back would lock the grown-ups out of it.
  if not exists (select 1 from private.parent_pins p where p.family_id = v_family_id) then
    perform private.raise_error('TF409', 'parent_pin_required');
  end if;
  perform 1 from public.families f where f.id = v_family_id for update;
  if (select count(*) from private.family_devices d where d.family_id = v_family_id and d.revoked_at is null) >= v_max then
    perform private.raise_error('TF409', 'too_many_devices', jsonb_build_object('max', v_max));
  end if;
  -- 256 random bits, base64url without padding.
  token := translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/=', '-_');
  insert into private.family_devices (family_id, name, token_hash, created_by, last_seen_at)
  values (v_family_id, v_name, private.device_token_hash(token), (select auth.uid()), now())
  returning id into device_id;
  return next;
end;
$$;
comment on function private.register_family_device(text) is 'Parent of a family with a parent PIN only: marks a device as a family device and returns its token, once (only its hash is kept).';

create function private.list_family_devices()
returns table (
  id uuid,
  name text,
  created_by_name text,
  created_at timestamptz,
  last_seen_at timestamptz,
  revoked_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select d.id, d.name, p.display_name, d.created_at, d.last_seen_at, d.revoked_at
    from private.family_devices d
    left join public.profiles p on p.id = d.created_by
   where private.is_family_parent(d.family_id)
   order by d.revoked_at is not null, d.created_at desc;
$$;
comment on function private.list_family_devices() is 'Parent only: the family''s devices (live first, newest first), without their token hashes. No rows for others.';

create function private.revoke_family_device(p_device_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_device private.family_devices%rowtype;
begin
  select d.* into v_device from private.family_devices d where d.id = p_device_id for update;
  if not found or not private.is_family_parent(v_device.family_id) then
    perform private.raise_error('TF403', 'not_parent_of_family');
  end if;
  -- Revoking twice keeps the first revocation: it is when the device stopped working.
  update private.family_devices d set revoked_at = now(), revoked_by = (select auth.uid())
   where d.id = p_device_id and d.revoked_at is null;
end;
$$;
comment on function private.revoke_family_device(uuid) is 'Parent of the device''s family only: revokes a family device; its token stops working at once.';

revoke execute on function private.register_family_device(text), private.list_family_devices(),
  private.revoke_family_device(uuid) from public;
grant execute on function private.register_family_device(text), private.list_family_devices(),
  private.revoke_family_device(uuid) to authenticated;

create function public.register_family_device(p_name text)
returns table (device_id uuid, token text)
language sql
security invoker
set search_path = ''
as $$ select * from private.register_family_device(p_name); $$;
comment on function public.register_family_device(text) is 'Parent of a family with a parent PIN only: marks a device as a family device and returns its token, once.';

create function public.list_family_devices()
returns table (
  id uuid,
  name text,
  created_by_name text,
  created_at timestamptz,
  last_seen_at timestamptz,
  revoked_at timestamptz
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.list_family_devices(); $$;
comment on function public.list_family_devices() is 'Parent only: the family''s devices (name, who added it, last seen, revoked). No rows for others.';

create function public.revoke_family_device(p_device_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.revoke_family_device(p_device_id); $$;
comment on function public.revoke_family_device(uuid) is 'Parent of the device''s family only: revokes a family device.';

revoke execute on function public.register_family_device(text), public.list_family_devices(),
  public.revoke_family_device(uuid) from public, anon;
grant execute on function public.register_family_device(text), public.list_family_devices(),
  public.revoke_family_device(uuid) to authenticated;

-- Kid sign-in, shared by both routes ----------------------------------------------------------------
-- Whether a client (an address, or a device) has had p_limit failures within 15 minutes: null when it
-- may try, else when it may try again. One check at a time per client, so parallel requests cannot all
-- slip under the limit; old rows go as it runs, keeping the table at one window's worth.
create function private.kid_sign_in_blocked_until(p_client text, p_limit int)
returns timestamptz
language plpgsql
set search_path = ''
as $$
declare
  v_window constant interval := interval '15 minutes';
  v_oldest timestamptz;
  v_failures int;
begin
  perform pg_advisory_xact_lock(hashtextextended('kid_sign_in:' || p_client, 0));
  delete from private.kid_sign_in_failures f where f.failed_at < now() - v_window;
  select count(*), min(f.failed_at) into v_failures, v_oldest
    from private.kid_sign_in_failures f where f.client = p_client and f.failed_at >= now() - v_window;
  return case when v_failures >= p_limit then v_oldest + v_window end;
end;
$$;
comment on function private.kid_sign_in_blocked_until(text, int) is 'Kid sign-in throttle: null while the client (address or device:<id>) has fewer than p_limit failures in 15 minutes, else when it may try again.';
revoke execute on function private.kid_sign_in_blocked_until(text, int) from public;

-- The PIN check of one child: 5 wrong PINs lock that child (escalating), a failure also counts for the
-- client. Consent and the family's parent PIN are checked only after a right PIN, so guessing reveals
-- neither.
create function private.check_child_pin(p_child_id uuid, p_pin text, p_client text)
returns table (status text, child_id uuid, locked_until timestamptz, attempts_left int)
language plpgsql
set search_path = ''
as $$
declare
  v_login private.child_logins%rowtype;
begin
  select l.* into v_login from private.child_logins l where l.child_id = p_child_id for update;
  if not found then
    insert into private.kid_sign_in_failures (client) values (p_client);
    return query select 'not_found'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  if v_login.locked_until > now() then
    return query select 'locked'::text, null::uuid, v_login.locked_until, 0;
    return;
  end if;
  if p_pin is null or extensions.crypt(p_pin, v_login.pin_hash) <> v_login.pin_hash then
    insert into private.kid_sign_in_failures (client) values (p_client);
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
  if not private.has_consent(v_login.child_id) then
    return query select 'needs_consent'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  if not exists (select 1 from private.parent_pins p where p.family_id = v_login.family_id) then
    return query select 'needs_parent_pin'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  return query select 'ok'::text, v_login.child_id, null::timestamptz, null::int;
end;
$$;
comment on function private.check_child_pin(uuid, text, text) is 'One child''s PIN check for kid sign-in: lockout, wrong-PIN count (also a failure for the client), then consent and the family''s parent PIN. Returns ok, wrong_pin, locked, needs_consent, needs_parent_pin or not_found.';
revoke execute on function private.check_child_pin(uuid, text, text) from public;

-- Code + name + PIN (any device): unchanged API, now also refusing families without a parent PIN.
create or replace function public.verify_child_pin(p_family_code text, p_child_name text, p_pin text, p_client text default null)
returns table (status text, child_id uuid, locked_until timestamptz, attempts_left int)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_client text := left(coalesce(nullif(btrim(p_client), ''), 'unknown'), 100);
  v_blocked_until timestamptz;
  v_child_id uuid;
begin
  v_blocked_until := private.kid_sign_in_blocked_until(v_client, 20);
  if v_blocked_until is not null then
    return query select 'too_many_attempts'::text, null::uuid, v_blocked_until, 0;
    return;
  end if;
  select l.child_id into v_child_id
    from private.child_logins l
    join public.families f on f.id = l.family_id
   where f.code = upper(btrim(coalesce(p_family_code, '')))
     and lower(l.login_name) = lower(btrim(coalesce(p_child_name, '')));
  return query select * from private.check_child_pin(v_child_id, p_pin, v_client);
end;
$$;
comment on function public.verify_child_pin(text, text, text, text) is 'Service role only (the kid sign-in server action, passing the client address): checks family code + name + PIN, counts wrong PINs (5 lock for 15 minutes, doubling per further lockout up to 24 hours), throttles 20 failures per client address per 15 minutes, and checks consent and the family''s parent PIN. Returns ok, wrong_pin, locked, too_many_attempts, needs_consent, needs_parent_pin or not_found.';

-- The family device: what it shows and who may sign in on it ---------------------------------------
create function public.get_family_device(p_token text)
returns table (device_id uuid, device_name text, family_id uuid, family_name text)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_device private.family_devices;
begin
  v_device := private.device_for_token(p_token);
  if v_device.id is null then
    return;
  end if;
  update private.family_devices d set last_seen_at = now()
   where d.id = v_device.id and (d.last_seen_at is null or d.last_seen_at < now() - interval '1 minute');
  return query select v_device.id, v_device.name, f.id, f.name from public.families f where f.id = v_device.family_id;
end;
$$;
comment on function public.get_family_device(text) is 'Service role only (the kid home, with the token from the device''s signed cookie): the live family device and its family, or no row. Notes when it was last seen.';

create function public.get_family_device_children(p_token text)
returns table (child_id uuid, display_name text, avatar_url text)
language sql
stable
security definer
set search_path = ''
as $$
  select p.id, p.display_name, p.avatar_url
    from private.device_for_token(p_token) d
    join private.child_logins l on l.family_id = d.family_id
    join public.profiles p on p.id = l.child_id
   where d.id is not null and private.has_consent(l.child_id)
   order by p.display_name;
$$;
comment on function public.get_family_device_children(text) is 'Service role only: the children who can sign in on that family device (a sign-in and consent), for the avatars. No rows for an unknown or revoked token.';

create function public.verify_device_child_pin(p_token text, p_child_id uuid, p_pin text)
returns table (status text, child_id uuid, locked_until timestamptz, attempts_left int)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_device private.family_devices;
  v_client text;
  v_blocked_until timestamptz;
  v_child_id uuid;
begin
  v_device := private.device_for_token(p_token);
  if v_device.id is null then
    return query select 'device_unknown'::text, null::uuid, null::timestamptz, null::int;
    return;
  end if;
  -- Failures on a family device count against the device itself: whatever address it appears from.
  v_client := 'device:' || v_device.id;
  v_blocked_until := private.kid_sign_in_blocked_until(v_client, 10);
  if v_blocked_until is not null then
    return query select 'too_many_attempts'::text, null::uuid, v_blocked_until, 0;
    return;
  end if;
  update private.family_devices d set last_seen_at = now() where d.id = v_device.id;
  -- Only the device's own family: a child of another family is "not found" here (and a failure).
  select l.child_id into v_child_id
    from private.child_logins l where l.child_id = p_child_id and l.family_id = v_device.family_id;
  return query select * from private.check_child_pin(v_child_id, p_pin, v_client);
end;
$$;
comment on function public.verify_device_child_pin(text, uuid, text) is 'Service role only (the family device sign-in, with the token from the signed cookie): checks the PIN of a child of the device''s family; 10 failures per device per 15 minutes stop the device, on top of the child''s own lockout. Returns ok, wrong_pin, locked, too_many_attempts, needs_consent, needs_parent_pin, not_found or device_unknown.';

revoke execute on function public.get_family_device(text), public.get_family_device_children(text),
  public.verify_device_child_pin(text, uuid, text) from public, anon, authenticated;
grant execute on function public.get_family_device(text), public.get_family_device_children(text),
  public.verify_device_child_pin(text, uuid, text) to service_role;
