-- Why: reading time was recorded a minute at a time (record_reading_time), so every tap on "Start
-- reading" cost a whole minute, and two tabs counted twice. Now the reader sends a heartbeat every ~15 s
-- while its page is visible and the child is active, and the database measures the time between one
-- beat and the next with its own clock (never the client's): a beat more than 30 s after the previous
-- one starts a new stretch and credits nothing, so tapping, reloading and a second tab neither burn nor
-- gain time — every tab of a child beats against one clock. Seconds are credited per day in the
-- family's time zone (a beat across midnight splits its seconds between the two days), and only up to
-- the start of bedtime or the day's limit; a pause committed before a beat stops it. The minutes already
-- recorded are carried over as seconds, and child_day / get_my_reading_day / get_children_overview now
-- report seconds next to minutes. The beat answers with a status instead of raising for the expected
-- stops (paused, bedtime, limit, reading switched off) and tells the family topics about new reading
-- time at most every 15 s per child. reading_time_entries becomes one row of seconds per child and day
-- (in place: its name, grants and policies stay, which later migrations rely on).

-- Seconds read per child and day ------------------------------------------------------------------
-- reading_time_entries keeps its name, rights and read policies, and becomes one row per child and
-- day holding seconds: the minutes recorded so far are summed into it, so they still count.
drop trigger broadcast_reading_time_entries on public.reading_time_entries;
drop function public.record_reading_time(int);
drop function private.record_reading_time(int);
drop function private.record_reading_time_at(uuid, int, timestamptz);

alter table public.reading_time_entries
  add column seconds int,
  add column created_at timestamptz not null default now(),
  alter column minutes drop not null;
alter table public.reading_time_entries rename column recorded_at to updated_at;

with days as (
  select e.family_id, e.child_id, e.local_date, sum(e.minutes)::int * 60 as seconds,
         min(e.updated_at) as first_at, max(e.updated_at) as last_at
    from public.reading_time_entries e
   group by e.family_id, e.child_id, e.local_date
), minute_entries as (
  delete from public.reading_time_entries
)
insert into public.reading_time_entries (family_id, child_id, local_date, seconds, created_at, updated_at)
select days.family_id, days.child_id, days.local_date, days.seconds, days.first_at, days.last_at from days;

alter table public.reading_time_entries
  drop column minutes,
  alter column seconds set default 0,
  alter column seconds set not null,
  add constraint reading_time_entries_seconds_positive check (seconds >= 0);
drop index public.idx_reading_time_entries_child_id_local_date;
create unique index idx_reading_time_entries_child_id_local_date on public.reading_time_entries (child_id, local_date);

create trigger set_reading_time_entries_updated_at
before update on public.reading_time_entries
for each row execute function public.set_updated_at();

comment on table public.reading_time_entries is 'Seconds a child has read, one row per child and day, as measured by reading_heartbeat() between heartbeats; written only by it, which enforces the child''s controls.';
comment on column public.reading_time_entries.local_date is 'The day in the family''s time zone the seconds count against.';
comment on column public.reading_time_entries.seconds is 'Seconds read that day, measured with the database clock between heartbeats at most 30 s apart (minutes recorded before heartbeats, times 60).';

-- One clock per child, whatever the tab: the last beat that is still part of a stretch of reading.
create table private.reading_clocks (
  child_id uuid primary key,
  family_id uuid not null references public.families (id) on delete cascade,
  last_beat_at timestamptz,
  last_broadcast_at timestamptz,
  constraint reading_clocks_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade
);

comment on table private.reading_clocks is 'Per child: the database time of the last heartbeat of the current stretch of reading (null when none runs) and of the last "reading" broadcast. Only reading_heartbeat() touches it.';
comment on column private.reading_clocks.last_beat_at is 'The next beat credits the time since this one if it comes within 30 s; null after a stop.';
comment on column private.reading_clocks.last_broadcast_at is 'When the family topics last heard "reading" for this child (at most every 15 s).';

create index idx_reading_clocks_family_id_child_id on private.reading_clocks (family_id, child_id);

revoke all on table private.reading_clocks from public, anon, authenticated, service_role;
alter table private.reading_clocks enable row level security;

comment on table public.parental_controls is 'What one child may do and when, set by that family''s parents; enforced by private.child_may() and reading_heartbeat().';

-- The next instant after p_after at which the family's clock shows p_time (today's, else tomorrow's).
create function private.next_local_time(p_after timestamptz, p_time time, p_time_zone text)
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select case when t.today > p_after then t.today else t.tomorrow end
    from (select ((p_after at time zone p_time_zone)::date + p_time) at time zone p_time_zone as today,
                 ((p_after at time zone p_time_zone)::date + 1 + p_time) at time zone p_time_zone as tomorrow) t;
$$;
comment on function private.next_local_time(timestamptz, time, text) is 'The first instant after p_after at which the clock in p_time_zone reads p_time (null for a null time).';
revoke execute on function private.next_local_time(timestamptz, time, text) from public;

-- A child's day, now in seconds as well. New columns go last so the existing ones keep their places.
drop function private.child_day(uuid, timestamptz);
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
  consented boolean,
  seconds_used int,
  seconds_allowed int,
  time_zone text,
  bedtime_start time,
  reading_allowed boolean
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
  ), day as (
    select ctl.*,
           coalesce((select e.seconds from public.reading_time_entries e
                      where e.child_id = p_child_id and e.local_date = ctl.local_ts::date), 0) as used,
           ctl.daily_minutes + coalesce((select sum(r.minutes) from public.approval_requests r
                                          where r.child_id = p_child_id and r.kind = 'more_time'
                                            and r.status = 'approved' and r.for_date = ctl.local_ts::date), 0) as allowed
      from ctl
  )
  select
    day.family_id,
    day.local_ts::date,
    day.local_ts::time,
    -- Whole minutes read: with a limit of whole minutes, minutes_used < minutes_allowed exactly when
    -- seconds_used < seconds_allowed, so the minute and second views never disagree about "used up".
    (day.used / 60)::int,
    day.allowed::int,
    case
      when day.bedtime_start is null then false
      -- Same-day window (e.g. 13:00-15:00).
      when day.bedtime_start < day.bedtime_end
        then day.local_ts::time >= day.bedtime_start and day.local_ts::time < day.bedtime_end
      -- Window across midnight (e.g. 20:00-07:00): late evening or early morning.
      else day.local_ts::time >= day.bedtime_start or day.local_ts::time < day.bedtime_end
    end,
    day.bedtime_end,
    day.paused,
    private.has_consent(p_child_id),
    day.used::int,
    (day.allowed * 60)::int,
    day.time_zone,
    day.bedtime_start,
    day.reading_allowed
  from day;
$$;
comment on function private.child_day(uuid, timestamptz) is 'A child''s day at an instant, in the family''s time zone: seconds and whole minutes used, allowed (with approved extra), bedtime, pause, reading switch, consent.';
revoke execute on function private.child_day(uuid, timestamptz) from public;

-- Unchanged, but it reads child_day, which was just recreated: restated here so this file says so.
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
             when 'reading' then d.reading_allowed and d.seconds_used < d.seconds_allowed
             when 'creating' then pc.creating_allowed
             when 'live_sessions' then pc.live_sessions_allowed
           end
      from private.child_day(p_child_id, p_now) d
      join public.parental_controls pc on pc.child_id = p_child_id
  ), false);
$$;

-- The heartbeat -------------------------------------------------------------------------------------
-- Tests choose the instant through p_now; the API's wrapper always passes now() and the caller.
create function private.reading_heartbeat_at(p_child_id uuid, p_now timestamptz, p_stop boolean default false)
returns table (
  status text,
  reason text,
  seconds_used int,
  seconds_allowed int,
  seconds_left int,
  seconds_to_stop int
)
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- Beats come every ~15 s; one more than 30 s after the last was not part of the same stretch.
  v_stretch constant interval := interval '30 seconds';
  v_broadcast_every constant interval := interval '15 seconds';
  v_clock private.reading_clocks%rowtype;
  v_day record;
  v_from timestamptz;
  v_until timestamptz;
  v_credit bigint;
  v_credited bigint := 0;
  v_broadcast boolean;
begin
  -- Lock order: the child's controls row, then the child's clock. The controls row queues every beat of
  -- the child (all tabs share one clock) behind or ahead of a parent's change (pause, limit, bedtime):
  -- a change committed before this beat is what it sees; one made meanwhile waits for it.
  perform 1 from public.parental_controls pc where pc.child_id = p_child_id for update;
  if not found then
    perform private.raise_error('TF403', 'not_a_child');
  end if;
  if not private.has_consent(p_child_id) then
    perform private.raise_error('TF403', 'needs_consent');
  end if;
  insert into private.reading_clocks (child_id, family_id)
  select pc.child_id, pc.family_id from public.parental_controls pc where pc.child_id = p_child_id
  on conflict (child_id) do nothing;
  select * into v_clock from private.reading_clocks c where c.child_id = p_child_id for update;
  select * into v_day from private.child_day(p_child_id, p_now);

  -- What the previous beat started counts only if it is recent, and not once a grown-up has paused or
  -- switched reading off (when exactly they did between the two beats is unknown: the child gets it).
  v_from := v_clock.last_beat_at;
  if v_from is not null and (p_now - v_from > v_stretch or v_day.paused or not v_day.reading_allowed) then
    v_from := null;
  end if;

  -- Credit [v_from, p_now] day by day (a local midnight splits it), each part only until bedtime starts
  -- or the day's allowance is used up. A beat older than the clock (a concurrent tab's, late) adds nothing.
  while v_from is not null and v_from < p_now loop
    select * into v_day from private.child_day(p_child_id, v_from);
    exit when v_day.in_bedtime or v_day.seconds_used >= v_day.seconds_allowed;
    v_until := least(
      p_now,
      private.next_local_time(v_from, '00:00', v_day.time_zone),
      private.next_local_time(v_from, v_day.bedtime_start, v_day.time_zone)
    );
    -- Whole seconds passed between the two instants: beats a fraction of a second apart add up exactly,
    -- with no rounding drift, and a burst of taps within one second credits at most that second.
    v_credit := least(
      floor(extract(epoch from v_until))::bigint - floor(extract(epoch from v_from))::bigint,
      v_day.seconds_allowed - v_day.seconds_used
    );
    if v_credit > 0 then
      insert into public.reading_time_entries as e (family_id, child_id, local_date, seconds)
      values (v_day.family_id, p_child_id, v_day.local_date, v_credit)
      on conflict (child_id, local_date) do update set seconds = e.seconds + excluded.seconds;
      v_credited := v_credited + v_credit;
    end if;
    v_from := v_until;
  end loop;

  select * into v_day from private.child_day(p_child_id, p_now);
  reason := case
    when v_day.paused then 'paused'
    when not v_day.reading_allowed then 'reading_off'
    when v_day.in_bedtime then 'bedtime'
    when v_day.seconds_used >= v_day.seconds_allowed then 'daily_limit'
  end;
  status := case when reason is null then 'reading' else 'stopped' end;
  seconds_used := v_day.seconds_used;
  seconds_allowed := v_day.seconds_allowed;
  seconds_left := greatest(v_day.seconds_allowed - v_day.seconds_used, 0);
  seconds_to_stop := case when reason is null then least(
    seconds_left,
    ceil(extract(epoch from private.next_local_time(p_now, v_day.bedtime_start, v_day.time_zone) - p_now))::int
  ) end;

  -- New reading time reaches the parents' dashboards at most every 15 s, and at once when it stopped.
  v_broadcast := v_credited > 0 and (
    v_clock.last_broadcast_at is null or p_now - v_clock.last_broadcast_at >= v_broadcast_every or reason is not null
  );
  update private.reading_clocks c
     set last_beat_at = case when reason is not null or p_stop then null
                             else greatest(p_now, coalesce(c.last_beat_at, p_now)) end,
         last_broadcast_at = case when v_broadcast then p_now else c.last_broadcast_at end
   where c.child_id = p_child_id;
  if v_broadcast then
    perform realtime.send(jsonb_build_object('child_id', p_child_id, 'kind', 'reading'), 'reading',
      'child:' || p_child_id, true);
    perform realtime.send(jsonb_build_object('child_id', p_child_id, 'kind', 'reading'), 'reading',
      'family:' || v_day.family_id, true);
  end if;
  return next;
end;
$$;
comment on function private.reading_heartbeat_at(uuid, timestamptz, boolean) is 'One reading heartbeat of a child at an instant: credits the seconds since the previous beat (if within 30 s) per local day, up to bedtime and the day''s limit, never while paused or switched off; p_stop ends the stretch. Returns reading, or stopped with a reason (paused, reading_off, bedtime, daily_limit).';
revoke execute on function private.reading_heartbeat_at(uuid, timestamptz, boolean) from public;

-- The narrow definer the API wrapper calls: it pins the child to the caller and the instant to now().
create function private.reading_heartbeat(p_stop boolean default false)
returns table (
  status text,
  reason text,
  seconds_used int,
  seconds_allowed int,
  seconds_left int,
  seconds_to_stop int
)
language sql
volatile
security definer
set search_path = ''
as $$
  select * from private.reading_heartbeat_at((select auth.uid()), now(), coalesce(p_stop, false));
$$;
comment on function private.reading_heartbeat(boolean) is 'Child only: one reading heartbeat now, for the caller.';
revoke execute on function private.reading_heartbeat(boolean) from public;
grant execute on function private.reading_heartbeat(boolean) to authenticated;

create function public.reading_heartbeat(p_stop boolean default false)
returns table (
  status text,
  reason text,
  seconds_used int,
  seconds_allowed int,
  seconds_left int,
  seconds_to_stop int
)
language sql
volatile
security invoker
set search_path = ''
as $$ select * from private.reading_heartbeat(p_stop); $$;
comment on function public.reading_heartbeat(boolean) is 'Child only: the reader''s heartbeat (every ~15 s while visible and active; p_stop when it stops). The database measures the time since the previous beat. Returns reading, or stopped with a reason, and the day''s seconds.';
revoke execute on function public.reading_heartbeat(boolean) from public, anon;
grant execute on function public.reading_heartbeat(boolean) to authenticated;

-- The reader's day and the parents' overview, in seconds too (the overview as 20261201110300 made it,
-- deactivated children last, plus the seconds) -----------------------------------------------------
drop function public.get_my_reading_day();
drop function private.get_my_reading_day();
create function private.get_my_reading_day()
returns table (
  local_date date,
  minutes_used int,
  minutes_allowed int,
  minutes_left int,
  in_bedtime boolean,
  bedtime_end time,
  paused boolean,
  reading_allowed boolean,
  seconds_used int,
  seconds_allowed int,
  seconds_left int,
  seconds_to_change int
)
language sql
stable
security definer
set search_path = ''
as $$
  select d.local_date, d.minutes_used, d.minutes_allowed,
         -- Minutes left round up, so used + left = allowed and "0 left" means nothing is left.
         ceil(greatest(d.seconds_allowed - d.seconds_used, 0) / 60.0)::int,
         d.in_bedtime, d.bedtime_end, d.paused, d.reading_allowed,
         d.seconds_used, d.seconds_allowed, greatest(d.seconds_allowed - d.seconds_used, 0),
         -- When the clock alone changes the day (midnight, bedtime start or end): the reader re-reads it then.
         ceil(extract(epoch from least(
           private.next_local_time(now(), '00:00', d.time_zone),
           private.next_local_time(now(), d.bedtime_start, d.time_zone),
           private.next_local_time(now(), d.bedtime_end, d.time_zone)
         ) - now()))::int
    from private.child_day((select auth.uid()), now()) d;
$$;
comment on function private.get_my_reading_day() is 'Child only: today''s reading time in seconds and minutes (used, allowed, left), bedtime, pause, and seconds until the clock changes the day. No rows for grown-ups.';

create function public.get_my_reading_day()
returns table (
  local_date date,
  minutes_used int,
  minutes_allowed int,
  minutes_left int,
  in_bedtime boolean,
  bedtime_end time,
  paused boolean,
  reading_allowed boolean,
  seconds_used int,
  seconds_allowed int,
  seconds_left int,
  seconds_to_change int
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.get_my_reading_day(); $$;
comment on function public.get_my_reading_day() is 'Child only: today''s reading time in seconds and minutes (used, allowed, left), bedtime, pause, and seconds until the clock changes the day. No rows for grown-ups.';

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
  deactivated boolean,
  seconds_used int,
  seconds_allowed int
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
         fm.deactivated_at is not null,
         d.seconds_used, d.seconds_allowed
    from public.family_members fm
    join public.profiles p on p.id = fm.user_id
    join public.parental_controls pc on pc.child_id = fm.user_id
    left join private.child_logins l on l.child_id = fm.user_id
    cross join lateral private.child_day(fm.user_id, now()) d
   where fm.role = 'child' and private.is_family_parent(fm.family_id)
   order by fm.deactivated_at is not null, p.display_name;
$$;
comment on function private.get_children_overview() is 'Parent only: each child of the family with today''s reading time (whole minutes and seconds), status, consent, lockout and open requests, deactivated children last.';

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
  deactivated boolean,
  seconds_used int,
  seconds_allowed int
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.get_children_overview(); $$;
comment on function public.get_children_overview() is 'Parent only: each child of the family with today''s reading time (whole minutes and seconds), status, consent, lockout and open requests.';

revoke execute on function private.get_my_reading_day(), private.get_children_overview() from public;
grant execute on function private.get_my_reading_day(), private.get_children_overview() to authenticated;
revoke execute on function public.get_my_reading_day(), public.get_children_overview() from public, anon;
grant execute on function public.get_my_reading_day(), public.get_children_overview() to authenticated;
