-- Undoes 20261201090000_error_codes_and_private_rpcs.sql: the public RPCs become the security-definer
-- functions they were (definitions as in their original migrations), the triggers raise sentences again,
-- and the private bodies and the error helper go.

drop function if exists public.add_child(uuid, text, int, text, text, public.age_band);
drop function if exists private.add_child(uuid, text, int, text, text, public.age_band);
drop function if exists public.give_parental_consent(uuid, public.consent_method, text);
drop function if exists private.give_parental_consent(uuid, public.consent_method, text);
drop function if exists public.revoke_parental_consent(uuid);
drop function if exists private.revoke_parental_consent(uuid);
drop function if exists public.set_child_pin(uuid, text);
drop function if exists private.set_child_pin(uuid, text);
drop function if exists public.set_parent_pin(text);
drop function if exists private.set_parent_pin(text);
drop function if exists public.verify_parent_pin(text);
drop function if exists private.verify_parent_pin(text);
drop function if exists public.has_parent_pin();
drop function if exists private.has_parent_pin();
drop function if exists public.create_parent_invite();
drop function if exists private.create_parent_invite();
drop function if exists public.accept_parent_invite(text);
drop function if exists private.accept_parent_invite(text);
drop function if exists public.record_reading_time(int);
drop function if exists private.record_reading_time(int);
drop function if exists public.get_my_reading_day();
drop function if exists private.get_my_reading_day();
drop function if exists public.request_more_time(int, text);
drop function if exists private.request_more_time(int, text);
drop function if exists public.decide_approval_request(uuid, boolean);
drop function if exists private.decide_approval_request(uuid, boolean);
drop function if exists public.get_children_overview();
drop function if exists private.get_children_overview();

create or replace function private.check_family()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if char_length(btrim(coalesce(new.name, ''))) not between 1 and 80 then
    raise exception 'The family name must be 1 to 80 characters long.' using errcode = '23514';
  end if;
  -- Inlined rather than calling private.is_valid_time_zone(): triggers run as the requesting role.
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception '"%" is not a time zone we know. Use a name like Europe/London or America/New_York.', new.time_zone
      using errcode = '23514';
  end if;
  new.name := btrim(new.name);
  return new;
end;
$$;
revoke execute on function private.check_family() from public;

create or replace function private.check_parental_controls()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.daily_minutes < 0 then
    raise exception 'Daily reading minutes cannot be negative.' using errcode = '23514';
  elsif new.daily_minutes > 600 then
    raise exception 'Daily reading minutes can be at most 600 (10 hours).' using errcode = '23514';
  end if;
  if (new.bedtime_start is null) <> (new.bedtime_end is null) then
    raise exception 'Set both a bedtime start and a bedtime end, or neither.' using errcode = '23514';
  end if;
  if new.bedtime_start = new.bedtime_end then
    raise exception 'Bedtime must start and end at different times.' using errcode = '23514';
  end if;
  if new.monthly_credit_allowance < 0 then
    raise exception 'The monthly credit allowance cannot be negative.' using errcode = '23514';
  elsif new.monthly_credit_allowance > 10000 then
    raise exception 'The monthly credit allowance can be at most 10,000 credits.' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' then
    new.updated_by := (select auth.uid());
  end if;
  return new;
end;
$$;
revoke execute on function private.check_parental_controls() from public;

create or replace function private.check_pin(p_pin text)
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

create or replace function private.record_reading_time_at(p_child_id uuid, p_minutes int, p_now timestamptz)
returns table (minutes_used int, minutes_allowed int, minutes_left int)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_day record;
  v_reading_allowed boolean;
  v_recorded int;
begin
  -- Lock the child's controls so two tabs recording at once cannot both squeeze past the limit.
  select pc.reading_allowed into v_reading_allowed
    from public.parental_controls pc where pc.child_id = p_child_id for update;
  if not found then
    raise exception 'Only a child account can record reading time.' using errcode = '42501';
  end if;
  if p_minutes is null or p_minutes not between 1 and 60 then
    raise exception 'Reading time is recorded in steps of 1 to 60 minutes.' using errcode = '22023';
  end if;
  select * into v_day from private.child_day(p_child_id, p_now);
  if not v_day.consented then
    raise exception 'A parent has not given consent for this account yet.' using errcode = '42501', detail = 'needs_consent';
  end if;
  if v_day.paused then
    raise exception 'A grown-up has paused reading for now.' using errcode = 'P0001', detail = 'paused';
  end if;
  if not v_reading_allowed then
    raise exception 'Reading is switched off for this account.' using errcode = 'P0001', detail = 'not_allowed';
  end if;
  if v_day.in_bedtime then
    raise exception 'It is bedtime. Reading opens again at %.', to_char(v_day.bedtime_end, 'HH24:MI')
      using errcode = 'P0001', detail = 'bedtime';
  end if;
  if v_day.minutes_used >= v_day.minutes_allowed then
    raise exception 'Today''s reading time is used up. You can ask a grown-up for more time.'
      using errcode = 'P0001', detail = 'daily_limit';
  end if;
  -- The last stretch of the day counts only up to the limit.
  v_recorded := least(p_minutes, v_day.minutes_allowed - v_day.minutes_used);
  insert into public.reading_time_entries (family_id, child_id, local_date, minutes, recorded_at)
  values (v_day.family_id, p_child_id, v_day.local_date, v_recorded, p_now);
  minutes_used := v_day.minutes_used + v_recorded;
  minutes_allowed := v_day.minutes_allowed;
  minutes_left := v_day.minutes_allowed - minutes_used;
  return next;
end;
$$;
revoke execute on function private.record_reading_time_at(uuid, int, timestamptz) from public;

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

create function public.create_parent_invite()
returns table (code text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_family_id uuid;
  v_code text;
begin
  select fm.family_id into v_family_id
    from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'parent';
  if v_family_id is null then
    raise exception 'Only a parent can invite another parent.' using errcode = '42501';
  end if;
  if (select count(*) from public.family_members fm where fm.family_id = v_family_id and fm.role = 'parent') >= 2 then
    raise exception 'Your family already has two parents.' using errcode = '22023';
  end if;
  loop
    v_code := '';
    for i in 1..8 loop
      v_code := v_code || substr(alphabet, 1 + get_byte(extensions.gen_random_bytes(1), 0) % length(alphabet), 1);
    end loop;
    exit when not exists (select 1 from public.family_invites fi where fi.code = v_code);
  end loop;
  insert into public.family_invites as fi (family_id, code, created_by)
  values (v_family_id, v_code, (select auth.uid()))
  returning fi.code, fi.expires_at into code, expires_at;
  return next;
end;
$$;
comment on function public.create_parent_invite() is 'Parent only: creates a single-use code (valid 7 days) with which a second parent joins the family.';
revoke execute on function public.create_parent_invite() from public, anon;
grant execute on function public.create_parent_invite() to authenticated;

create function public.accept_parent_invite(p_code text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_invite public.family_invites%rowtype;
  v_member public.family_members%rowtype;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  -- A child account is a child even before add_child has made it a member.
  if v_member.role = 'child'
     or exists (select 1 from auth.users u where u.id = v_user_id and u.raw_app_meta_data ->> 'account_type' = 'child') then
    raise exception 'Child accounts cannot join another family.' using errcode = '42501';
  end if;
  select * into v_invite from public.family_invites fi
   where fi.code = upper(btrim(coalesce(p_code, ''))) for update;
  if not found or v_invite.accepted_at is not null or v_invite.expires_at <= now() then
    raise exception 'That invite code is not valid. Ask the other parent for a new one.' using errcode = '22023';
  end if;
  if v_member.family_id = v_invite.family_id then
    raise exception 'You are already a member of this family.' using errcode = '22023';
  end if;
  -- Lock the family so that two invites of one family accepted at the same moment are counted one after
  -- the other: without it both see one parent and the family ends up with three.
  perform 1 from public.families f where f.id = v_invite.family_id for update;
  if (select count(*) from public.family_members fm where fm.family_id = v_invite.family_id and fm.role = 'parent') >= 2 then
    raise exception 'That family already has two parents.' using errcode = '22023';
  end if;
  if v_member.family_id is not null then
    if exists (select 1 from public.family_members fm where fm.family_id = v_member.family_id and fm.user_id <> v_user_id) then
      raise exception 'Your own family already has other members, so you cannot join another one.' using errcode = '22023';
    end if;
    delete from public.families f where f.id = v_member.family_id;
  end if;
  insert into public.family_members (family_id, user_id, role) values (v_invite.family_id, v_user_id, 'parent');
  update public.family_invites fi set accepted_by = v_user_id, accepted_at = now() where fi.id = v_invite.id;
  return v_invite.family_id;
end;
$$;
comment on function public.accept_parent_invite(text) is 'Signed-in grown-up: joins the invite''s family as a parent (at most two), replacing their own family while it has no other members.';
revoke execute on function public.accept_parent_invite(text) from public, anon;
grant execute on function public.accept_parent_invite(text) to authenticated;

create function public.record_reading_time(p_minutes int)
returns table (minutes_used int, minutes_allowed int, minutes_left int)
language sql
volatile
security definer
set search_path = ''
as $$
  select * from private.record_reading_time_at((select auth.uid()), p_minutes, now());
$$;
comment on function public.record_reading_time(int) is 'Child only: records reading minutes now, refusing past the daily limit, in bedtime, while paused or without consent.';
revoke execute on function public.record_reading_time(int) from public, anon;
grant execute on function public.record_reading_time(int) to authenticated;

create function public.get_my_reading_day()
returns table (
  local_date date,
  minutes_used int,
  minutes_allowed int,
  minutes_left int,
  in_bedtime boolean,
  bedtime_end time,
  paused boolean,
  reading_allowed boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select d.local_date, d.minutes_used, d.minutes_allowed, greatest(d.minutes_allowed - d.minutes_used, 0),
         d.in_bedtime, d.bedtime_end, d.paused, pc.reading_allowed
    from private.child_day((select auth.uid()), now()) d
    join public.parental_controls pc on pc.child_id = (select auth.uid());
$$;
comment on function public.get_my_reading_day() is 'Child only: today''s reading minutes (used, allowed, left), bedtime and pause, for the reader''s timer. No rows for grown-ups.';
revoke execute on function public.get_my_reading_day() from public, anon;
grant execute on function public.get_my_reading_day() to authenticated;

create function public.request_more_time(p_minutes int default 15, p_message text default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_child_id uuid := (select auth.uid());
  v_day record;
  v_id uuid;
  v_for_date date;
begin
  if not exists (select 1 from public.family_members fm where fm.user_id = v_child_id and fm.role = 'child') then
    raise exception 'Only a child can ask for more reading time.' using errcode = '42501';
  end if;
  if p_minutes is null or p_minutes not between 5 and 60 then
    raise exception 'You can ask for 5 to 60 more minutes.' using errcode = '22023';
  end if;
  if char_length(coalesce(p_message, '')) > 200 then
    raise exception 'Please keep your message under 200 characters.' using errcode = '22023';
  end if;
  select * into v_day from private.child_day(v_child_id, now());
  if not v_day.consented then
    raise exception 'A parent has not given consent for this account yet.' using errcode = '42501';
  end if;
  -- Asking again while a request is open shows that request rather than adding another one.
  select r.id, r.for_date into v_id, v_for_date from public.approval_requests r
   where r.child_id = v_child_id and r.kind = 'more_time' and r.status = 'pending'
     for update;
  if v_id is not null then
    -- One left open from an earlier day would only ever add minutes to that day, yet it blocks asking
    -- again: it becomes today's question instead.
    if v_for_date < v_day.local_date then
      update public.approval_requests r
         set for_date = v_day.local_date, minutes = p_minutes, message = nullif(btrim(p_message), '')
       where r.id = v_id;
    end if;
    return v_id;
  end if;
  insert into public.approval_requests (family_id, child_id, kind, minutes, for_date, message)
  values (v_day.family_id, v_child_id, 'more_time', p_minutes, v_day.local_date, nullif(btrim(p_message), ''))
  returning id into v_id;
  return v_id;
end;
$$;
comment on function public.request_more_time(int, text) is 'Child only: asks the parents for 5-60 more reading minutes today. Returns the open request if there already is one (moved to today if it was left from an earlier day).';
revoke execute on function public.request_more_time(int, text) from public, anon;
grant execute on function public.request_more_time(int, text) to authenticated;

create function public.decide_approval_request(p_request_id uuid, p_approve boolean)
returns public.approval_status
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_request public.approval_requests%rowtype;
begin
  select * into v_request from public.approval_requests r where r.id = p_request_id for update;
  if not found or not private.is_family_parent(v_request.family_id) then
    raise exception 'Only a parent of this family can answer this request.' using errcode = '42501';
  end if;
  if p_approve is null then
    raise exception 'Please choose approve or deny.' using errcode = '22023';
  end if;
  if v_request.status <> 'pending' then
    raise exception 'This request has already been answered.' using errcode = '22023';
  end if;
  update public.approval_requests r
     set status = case when p_approve then 'approved'::public.approval_status else 'denied'::public.approval_status end,
         decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id
  returning r.status into v_request.status;
  return v_request.status;
end;
$$;
comment on function public.decide_approval_request(uuid, boolean) is 'Parent of the family only: approves or denies a pending request, once.';
revoke execute on function public.decide_approval_request(uuid, boolean) from public, anon;
grant execute on function public.decide_approval_request(uuid, boolean) to authenticated;

create function public.get_children_overview()
returns table (
  child_id uuid,
  display_name text,
  avatar_url text,
  birth_year int,
  age_band public.age_band,
  minutes_used int,
  minutes_allowed int,
  in_bedtime boolean,
  paused boolean,
  consented boolean,
  locked_until timestamptz,
  pending_requests int
)
language sql
stable
security definer
set search_path = ''
as $$
  select fm.user_id, p.display_name, p.avatar_url, p.birth_year, pc.age_band, d.minutes_used, d.minutes_allowed,
         d.in_bedtime, d.paused, d.consented,
         case when l.locked_until > now() then l.locked_until end,
         (select count(*) from public.approval_requests r where r.child_id = fm.user_id and r.status = 'pending')::int
    from public.family_members fm
    join public.profiles p on p.id = fm.user_id
    join public.parental_controls pc on pc.child_id = fm.user_id
    left join private.child_logins l on l.child_id = fm.user_id
    cross join lateral private.child_day(fm.user_id, now()) d
   where fm.role = 'child' and private.is_family_parent(fm.family_id)
   order by p.display_name;
$$;
comment on function public.get_children_overview() is 'Parent only: each child of the family with today''s minutes, status, consent, lockout and open requests. No rows for others.';
revoke execute on function public.get_children_overview() from public, anon;
grant execute on function public.get_children_overview() to authenticated;

drop function if exists private.raise_error(text, text, jsonb);
