-- Undoes 20261201110300_deactivate_child.sql. A child deactivated meanwhile keeps no sign-in row: a
-- parent sets a new PIN for them after the rollback.
drop function public.deactivate_child(uuid);
drop function public.reactivate_child(uuid, text);
drop function private.deactivate_child(uuid);
drop function private.reactivate_child(uuid, text);

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
comment on function private.get_children_overview() is 'Parent only: each child of the family with today''s minutes, status, consent, lockout and open requests.';
revoke execute on function private.get_children_overview() from public;
grant execute on function private.get_children_overview() to authenticated;

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
security invoker
set search_path = ''
as $$ select * from private.get_children_overview(); $$;
comment on function public.get_children_overview() is 'Parent only: each child of the family with today''s minutes, status, consent, lockout and open requests.';
revoke execute on function public.get_children_overview() from public, anon;
grant execute on function public.get_children_overview() to authenticated;

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
  perform private.check_pin(p_pin);
  -- A new PIN also lifts a lockout and its escalation: the parent is the one who knows it.
  update private.child_logins
     set pin_hash = extensions.crypt(p_pin, extensions.gen_salt('bf', 8)), failed_attempts = 0, locked_until = null,
         lockouts = 0, updated_at = now()
   where child_id = p_child_id;
end;
$$;
comment on function private.set_child_pin(uuid, text) is 'Parent of the child only: sets a new PIN (bcrypt hash) and clears any lockout and its escalation.';

alter table public.family_members drop column deactivated_at;
