-- Undoes 20261201121000_family_devices.sql: the device RPCs and table go, and verify_child_pin is again
-- the function of 20261122010300 (no parent PIN needed, its own throttle and PIN check inline).
drop function if exists public.verify_device_child_pin(text, uuid, text);
drop function if exists public.get_family_device_children(text);
drop function if exists public.get_family_device(text);
drop function if exists public.revoke_family_device(uuid);
drop function if exists public.list_family_devices();
drop function if exists public.register_family_device(text);
drop function if exists private.revoke_family_device(uuid);
drop function if exists private.list_family_devices();
drop function if exists private.register_family_device(text);

create or replace function public.verify_child_pin(p_family_code text, p_child_name text, p_pin text, p_client text default null)
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

drop function if exists private.check_child_pin(uuid, text, text);
drop function if exists private.kid_sign_in_blocked_until(text, int);
drop function if exists private.device_for_token(text);
drop function if exists private.device_token_hash(text);
drop table if exists private.family_devices;
