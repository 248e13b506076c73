-- Undoes 20261201120000_reading_heartbeats.sql: minute entries and record_reading_time() come back
-- (definitions as in 20261122010500, 20261201090000, 20261201091000 and 20261201110300), the seconds read are carried
-- back as whole minutes (rounded up, in entries of at most 60), and the heartbeat and its clock go.

drop function if exists public.reading_heartbeat(boolean);
drop function if exists private.reading_heartbeat(boolean);
drop function if exists private.reading_heartbeat_at(uuid, timestamptz, boolean);
drop function if exists public.get_my_reading_day();
drop function if exists private.get_my_reading_day();
drop function if exists public.get_children_overview();
drop function if exists private.get_children_overview();

-- reading_time_entries back to minute entries: each day's seconds as whole minutes (rounded up) in
-- entries of at most 60, so time read under heartbeats still counts.
drop trigger if exists set_reading_time_entries_updated_at on public.reading_time_entries;
alter table public.reading_time_entries
  add column minutes int,
  drop constraint reading_time_entries_seconds_positive;
drop index public.idx_reading_time_entries_child_id_local_date;
create index idx_reading_time_entries_child_id_local_date on public.reading_time_entries (child_id, local_date);

with days as (
  select e.family_id, e.child_id, e.local_date, ceil(e.seconds / 60.0)::int as total, e.updated_at
    from public.reading_time_entries e
   where e.seconds > 0
), day_rows as (
  delete from public.reading_time_entries
)
insert into public.reading_time_entries (family_id, child_id, local_date, minutes, updated_at)
select days.family_id, days.child_id, days.local_date, least(60, days.total - (chunk - 1) * 60), days.updated_at
  from days
 cross join lateral generate_series(1, ceil(days.total / 60.0)::int) chunk;

alter table public.reading_time_entries
  drop column seconds,
  drop column created_at,
  alter column minutes set not null,
  add constraint reading_time_entries_minutes_check check (minutes between 1 and 60);
alter table public.reading_time_entries rename column updated_at to recorded_at;

comment on table public.reading_time_entries is 'Reading minutes as the reader reports them; written only by record_reading_time(), which enforces the child''s controls.';
comment on column public.reading_time_entries.local_date is 'The day in the family''s time zone the minutes count against.';

create trigger broadcast_reading_time_entries
after insert on public.reading_time_entries
for each row execute function private.broadcast_family_change('reading');

drop table if exists private.reading_clocks;

comment on table public.parental_controls is 'What one child may do and when, set by that family''s parents; enforced by private.child_may() and record_reading_time().';

drop function if exists private.child_day(uuid, timestamptz);
create function private.child_day(p_child_id uuid, p_now timestamptz)
returns table (
  family_id uuid,
  local_date date,
  local_time time,
  minutes_used int,
  minutes_allowed int,
  in_bedtime boolean,
  bedtime_end time,
  paused boolean,
  consented boolean
)
language sql
stable
security definer
set search_path = ''
as $$
  with ctl as (
    select pc.*, f.time_zone, (p_now at time zone f.time_zone) as local_ts
      from public.parental_controls pc
      join public.families f on f.id = pc.family_id
     where pc.child_id = p_child_id
  )
  select
    ctl.family_id,
    ctl.local_ts::date,
    ctl.local_ts::time,
    coalesce((select sum(e.minutes) from public.reading_time_entries e
               where e.child_id = p_child_id and e.local_date = ctl.local_ts::date), 0)::int,
    (ctl.daily_minutes + coalesce((select sum(r.minutes) from public.approval_requests r
                                     where r.child_id = p_child_id and r.kind = 'more_time'
                                       and r.status = 'approved' and r.for_date = ctl.local_ts::date), 0))::int,
    case
      when ctl.bedtime_start is null then false
      -- Same-day window (e.g. 13:00-15:00).
      when ctl.bedtime_start < ctl.bedtime_end
        then ctl.local_ts::time >= ctl.bedtime_start and ctl.local_ts::time < ctl.bedtime_end
      -- Window across midnight (e.g. 20:00-07:00): late evening or early morning.
      else ctl.local_ts::time >= ctl.bedtime_start or ctl.local_ts::time < ctl.bedtime_end
    end,
    ctl.bedtime_end,
    ctl.paused,
    private.has_consent(p_child_id)
  from ctl;
$$;

comment on function private.child_day(uuid, timestamptz) is 'A child''s day at an instant, in the family''s time zone: minutes used and allowed (with approved extra), bedtime, pause, consent.';
revoke execute on function private.child_day(uuid, timestamptz) from public;

drop function if exists private.next_local_time(timestamptz, time, text);

create or replace function private.child_may_at(p_child_id uuid, p_activity public.child_activity, p_now timestamptz)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((
    select d.consented and not d.paused and not d.in_bedtime
       and case p_activity
             when 'reading' then pc.reading_allowed and d.minutes_used < d.minutes_allowed
             when 'creating' then pc.creating_allowed
             when 'live_sessions' then pc.live_sessions_allowed
           end
      from private.child_day(p_child_id, p_now) d
      join public.parental_controls pc on pc.child_id = p_child_id
  ), false);
$$;

create function private.record_reading_time_at(p_child_id uuid, p_minutes int, p_now timestamptz)
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
    perform private.raise_error('TF403', 'not_a_child');
  end if;
  if p_minutes is null or p_minutes not between 1 and 60 then
    perform private.raise_error('TF400', 'reading_step_range', '{"min":1,"max":60}');
  end if;
  select * into v_day from private.child_day(p_child_id, p_now);
  if not v_day.consented then
    perform private.raise_error('TF403', 'needs_consent');
  end if;
  if v_day.paused then
    perform private.raise_error('TF409', 'paused');
  end if;
  if not v_reading_allowed then
    perform private.raise_error('TF409', 'reading_off');
  end if;
  if v_day.in_bedtime then
    perform private.raise_error('TF409', 'bedtime', jsonb_build_object('opens_at', to_char(v_day.bedtime_end, 'HH24:MI')));
  end if;
  if v_day.minutes_used >= v_day.minutes_allowed then
    perform private.raise_error('TF409', 'daily_limit');
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
comment on function private.record_reading_time_at(uuid, int, timestamptz) is 'Records reading minutes for a child at an instant, refusing without consent, while paused or switched off, in bedtime or past the day''s limit.';
revoke execute on function private.record_reading_time_at(uuid, int, timestamptz) from public;

create function private.record_reading_time(p_minutes int)
returns table (minutes_used int, minutes_allowed int, minutes_left int)
language sql
volatile
security definer
set search_path = ''
as $$
  select * from private.record_reading_time_at((select auth.uid()), p_minutes, now());
$$;
comment on function private.record_reading_time(int) is 'Child only: records reading minutes now for the caller.';
revoke execute on function private.record_reading_time(int) from public;
grant execute on function private.record_reading_time(int) to authenticated;

create function public.record_reading_time(p_minutes int)
returns table (minutes_used int, minutes_allowed int, minutes_left int)
language sql
volatile
security invoker
set search_path = ''
as $$ select * from private.record_reading_time(p_minutes); $$;
comment on function public.record_reading_time(int) is 'Child only: records reading minutes now, refusing past the daily limit, in bedtime, while paused or without consent.';
revoke execute on function public.record_reading_time(int) from public, anon;
grant execute on function public.record_reading_time(int) to authenticated;

create function private.get_my_reading_day()
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
comment on function private.get_my_reading_day() is 'Child only: today''s reading minutes (used, allowed, left), bedtime and pause. No rows for grown-ups.';

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
security invoker
set search_path = ''
as $$ select * from private.get_my_reading_day(); $$;
comment on function public.get_my_reading_day() is 'Child only: today''s reading minutes (used, allowed, left), bedtime and pause. No rows for grown-ups.';

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

revoke execute on function private.get_my_reading_day(), private.get_children_overview() from public;
grant execute on function private.get_my_reading_day(), private.get_children_overview() to authenticated;
revoke execute on function public.get_my_reading_day(), public.get_children_overview() from public, anon;
grant execute on function public.get_my_reading_day(), public.get_children_overview() to authenticated;
