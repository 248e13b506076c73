-- Why: a parent must be able to take a child's account out of use without losing it: "remove" keeps
-- the data until the privacy issue defines erasure, so for now it deactivates. Deactivating ends the
-- child's sessions and bans them at Auth (as withdrawn consent does), removes their sign-in (name and
-- PIN hash in private.child_logins, so no sign-in route finds them: not the code + name + PIN form, not a
-- family device's avatar list), answers their open requests with "not today", and keeps everything
-- else: profile, controls, consent records, reading time, requests and the audit trail. Reactivating
-- needs a new PIN and restores sign-in; consent stays as it was (a withdrawn one must be given again).
-- While deactivated, consent cannot be given (it would lift the ban) and no PIN can be set.

alter table public.family_members add column deactivated_at timestamptz;
comment on column public.family_members.deactivated_at is 'Set when a parent deactivates a child: no sign-in, no sessions, data kept. Null for active members.';

create function private.deactivate_child(p_child_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.family_members%rowtype;
begin
  if not private.is_parent_of(p_child_id) then
    perform private.raise_error('TF403', 'not_parent_of_child');
  end if;
  select * into v_member from public.family_members fm where fm.user_id = p_child_id for update;
  if v_member.deactivated_at is not null then
    perform private.raise_error('TF409', 'child_deactivated');
  end if;
  update public.family_members fm set deactivated_at = now() where fm.id = v_member.id;
  delete from private.child_logins l where l.child_id = p_child_id;
  update public.approval_requests r
     set status = 'denied', decided_by = (select auth.uid()), decided_at = now()
   where r.child_id = p_child_id and r.status = 'pending';
  perform private.ban_child_sign_in(p_child_id);
end;
$$;
comment on function private.deactivate_child(uuid) is 'Parent of the child only: ends the child''s sessions, bans them at Auth and removes their sign-in; keeps their data.';

create function private.reactivate_child(p_child_id uuid, p_pin text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_member public.family_members%rowtype;
  v_name text;
begin
  if not private.is_parent_of(p_child_id) then
    perform private.raise_error('TF403', 'not_parent_of_child');
  end if;
  select * into v_member from public.family_members fm where fm.user_id = p_child_id for update;
  if v_member.deactivated_at is null then
    perform private.raise_error('TF409', 'child_not_deactivated');
  end if;
  perform private.check_pin(p_pin);
  select p.display_name into v_name from public.profiles p where p.id = p_child_id;
  if exists (select 1 from private.child_logins l where l.family_id = v_member.family_id and lower(l.login_name) = lower(v_name)) then
    perform private.raise_error('TF409', 'child_name_taken', jsonb_build_object('name', v_name));
  end if;
  insert into private.child_logins (child_id, family_id, login_name, pin_hash)
  values (p_child_id, v_member.family_id, v_name, extensions.crypt(p_pin, extensions.gen_salt('bf', 8)));
  update public.family_members fm set deactivated_at = null where fm.id = v_member.id;
  -- Auth lets the child in again only with consent; without it they stay banned until a parent gives it.
  if private.has_consent(p_child_id) then
    update auth.users set banned_until = null, updated_at = now() where id = p_child_id and banned_until is not null;
  end if;
end;
$$;
comment on function private.reactivate_child(uuid, text) is 'Parent of the child only: gives a deactivated child a sign-in again with a new PIN (and lifts the Auth ban if consent stands).';

create or replace function private.give_parental_consent(p_child_id uuid, p_method public.consent_method, p_statement text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not private.is_parent_of(p_child_id) then
    perform private.raise_error('TF403', 'not_parent_of_child');
  end if;
  -- Consent lifts the Auth ban; a deactivated child must stay banned until a parent reactivates them.
  if exists (select 1 from public.family_members fm where fm.user_id = p_child_id and fm.deactivated_at is not null) then
    perform private.raise_error('TF409', 'child_deactivated');
  end if;
  if p_method is null or char_length(btrim(coalesce(p_statement, ''))) = 0 then
    perform private.raise_error('TF400', 'consent_statement_missing');
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
comment on function private.give_parental_consent(uuid, public.consent_method, text) is 'Parent of the child only: records verifiable consent (method, statement, time, parent) and lifts the child''s Auth ban.';

create or replace function private.set_child_pin(p_child_id uuid, p_pin text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.is_parent_of(p_child_id) then
    perform private.raise_error('TF403', 'not_parent_of_child');
  end if;
  -- A deactivated child has no sign-in to change: reactivating them sets a new PIN.
  if exists (select 1 from public.family_members fm where fm.user_id = p_child_id and fm.deactivated_at is not null) then
    perform private.raise_error('TF409', 'child_deactivated');
  end if;
  perform private.check_pin(p_pin);
  -- A new PIN also lifts a lockout and its escalation: the parent is the one who knows it.
  update private.child_logins
     set pin_hash = extensions.crypt(p_pin, extensions.gen_salt('bf', 8)), failed_attempts = 0, locked_until = null,
         lockouts = 0, updated_at = now()
   where child_id = p_child_id;
end;
$$;
comment on function private.set_child_pin(uuid, text) is 'Parent of the child only: sets a new PIN (bcrypt hash) and clears any lockout and its escalation.';

drop function public.get_children_overview();
drop function private.get_children_overview();

create function private.get_children_overview()
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
  pending_requests int,
  deactivated boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  select fm.user_id, p.display_name, p.avatar_url, p.birth_year, pc.age_band, d.minutes_used, d.minutes_allowed,
         d.in_bedtime, d.paused, d.consented,
         case when l.locked_until > now() then l.locked_until end,
         (select count(*) from public.approval_requests r where r.child_id = fm.user_id and r.status = 'pending')::int,
         fm.deactivated_at is not null
    from public.family_members fm
    join public.profiles p on p.id = fm.user_id
    join public.parental_controls pc on pc.child_id = fm.user_id
    left join private.child_logins l on l.child_id = fm.user_id
    cross join lateral private.child_day(fm.user_id, now()) d
   where fm.role = 'child' and private.is_family_parent(fm.family_id)
   order by fm.deactivated_at is not null, p.display_name;
$$;
comment on function private.get_children_overview() is 'Parent only: each child of the family with today''s minutes, status, consent, lockout and open requests, deactivated children last.';

revoke execute on function private.deactivate_child(uuid), private.reactivate_child(uuid, text),
  private.get_children_overview() from public;
grant execute on function private.deactivate_child(uuid), private.reactivate_child(uuid, text),
  private.get_children_overview() to authenticated;

create function public.deactivate_child(p_child_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.deactivate_child(p_child_id); $$;
comment on function public.deactivate_child(uuid) is 'Parent of the child only: ends the child''s sessions and hides them from sign-in; keeps their data.';

create function public.reactivate_child(p_child_id uuid, p_pin text)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.reactivate_child(p_child_id, p_pin); $$;
comment on function public.reactivate_child(uuid, text) is 'Parent of the child only: lets a deactivated child sign in again with a new PIN.';

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
  pending_requests int,
  deactivated boolean
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.get_children_overview(); $$;
comment on function public.get_children_overview() is 'Parent only: each child of the family with today''s minutes, status, consent, lockout and open requests.';

revoke execute on function public.deactivate_child(uuid), public.reactivate_child(uuid, text),
  public.get_children_overview() from public, anon;
grant execute on function public.deactivate_child(uuid), public.reactivate_child(uuid, text),
  public.get_children_overview() to authenticated;
