-- Why: daily minutes and bedtime mean nothing unless the database enforces them. The reader records
-- time through record_reading_time(), which refuses past the day's limit, in bedtime (both counted in
-- the family's time zone, with bedtimes that cross midnight) or while paused. A child who wants more
-- time asks; a parent approves or denies; approved minutes extend that day only. private.child_may()
-- answers "may this child do X right now" for the policies and RPCs of later features.

create table public.reading_time_entries (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  child_id uuid not null,
  local_date date not null,
  minutes int not null check (minutes between 1 and 60),
  recorded_at timestamptz not null default now(),
  constraint reading_time_entries_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade
);

comment on table public.reading_time_entries is 'Reading minutes as the reader reports them; written only by record_reading_time(), which enforces the child''s controls.';
comment on column public.reading_time_entries.local_date is 'The day in the family''s time zone the minutes count against.';

create index idx_reading_time_entries_child_id_local_date on public.reading_time_entries (child_id, local_date);
create index idx_reading_time_entries_family_id_child_id on public.reading_time_entries (family_id, child_id);

revoke all on table public.reading_time_entries from anon, authenticated;
grant select on table public.reading_time_entries to authenticated;
grant select, insert, update, delete on table public.reading_time_entries to service_role;

alter table public.reading_time_entries enable row level security;

create policy "Children can read their own reading time"
on public.reading_time_entries
for select
to authenticated
using (child_id = (select auth.uid()));

create policy "Parents can read their children's reading time"
on public.reading_time_entries
for select
to authenticated
using (private.is_family_parent(family_id));

create type public.approval_kind as enum ('more_time');
comment on type public.approval_kind is 'What a child asks a parent for. More kinds (e.g. spending credits) come with their features.';

create type public.approval_status as enum ('pending', 'approved', 'denied');

create table public.approval_requests (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  child_id uuid not null,
  kind public.approval_kind not null,
  minutes int check (minutes between 5 and 120),
  for_date date not null,
  message text check (char_length(message) <= 200),
  status public.approval_status not null default 'pending',
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint approval_requests_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade,
  constraint approval_requests_decided_when_answered check ((status = 'pending') = (decided_at is null)),
  constraint approval_requests_more_time_minutes check (kind <> 'more_time' or minutes is not null)
);

comment on table public.approval_requests is 'A child asks, a parent answers. Created by request_more_time(), answered by decide_approval_request(); never written directly.';
comment on column public.approval_requests.minutes is 'For more_time: extra reading minutes asked for; approved minutes extend for_date only.';
comment on column public.approval_requests.for_date is 'The day (family time zone) the request is about.';

-- One open question per child and kind: asking again shows the same request instead of piling up.
create unique index idx_approval_requests_child_id_kind_pending on public.approval_requests (child_id, kind)
  where status = 'pending';
create index idx_approval_requests_family_id_status on public.approval_requests (family_id, status);
create index idx_approval_requests_family_id_child_id on public.approval_requests (family_id, child_id);
create index idx_approval_requests_decided_by on public.approval_requests (decided_by);

create trigger set_approval_requests_updated_at
before update on public.approval_requests
for each row execute function public.set_updated_at();

create trigger audit_approval_requests
after insert or update or delete on public.approval_requests
for each row execute function audit.record_change('family_id');

revoke all on table public.approval_requests from anon, authenticated;
grant select on table public.approval_requests to authenticated;
grant select, insert, update, delete on table public.approval_requests to service_role;

alter table public.approval_requests enable row level security;

create policy "Children can read their own approval requests"
on public.approval_requests
for select
to authenticated
using (child_id = (select auth.uid()));

create policy "Parents can read their family's approval requests"
on public.approval_requests
for select
to authenticated
using (private.is_family_parent(family_id));

-- Everything about one child's day at one instant. p_now is a parameter so that tests can ask about
-- any moment (midnight, other time zones); the public RPCs always pass now().
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

create function private.child_may_at(p_child_id uuid, p_activity public.child_activity, p_now timestamptz)
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

comment on function private.child_may_at(uuid, public.child_activity, timestamptz) is 'Whether that child may do the activity at that instant (consent, pause, bedtime, activity switch, minutes left for reading).';
revoke execute on function private.child_may_at(uuid, public.child_activity, timestamptz) from public;

-- For RLS policies and RPCs of later features, e.g. `with check (private.child_may('creating'))`.
-- Grown-ups are not governed by parental controls, so for a parent it is always true.
create function private.child_may(p_activity public.child_activity)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when exists (select 1 from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'child')
      then private.child_may_at((select auth.uid()), p_activity, now())
    else true
  end;
$$;

comment on function private.child_may(public.child_activity) is 'True when the requesting user may do the activity now: always for grown-ups, per parental controls for children.';
revoke execute on function private.child_may(public.child_activity) from public;
grant execute on function private.child_may(public.child_activity) to authenticated, service_role;

-- The core of record_reading_time(), taking the instant as a parameter so tests can cross midnight and
-- time zones. Not callable over the API; the public wrapper always passes now().
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

comment on function private.record_reading_time_at(uuid, int, timestamptz) is 'Records reading minutes for a child at an instant, refusing without consent, while paused or switched off, in bedtime or past the day''s limit.';
revoke execute on function private.record_reading_time_at(uuid, int, timestamptz) from public;

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

-- The parent dashboard's list in one round trip; joins the private sign-in table for lockouts.
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
