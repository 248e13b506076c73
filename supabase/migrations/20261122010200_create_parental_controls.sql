-- Why: parents decide, per child, what the child may do and when: content age band, daily reading
-- minutes, a bedtime window in the family's time zone, which activities are allowed, the chat level,
-- a monthly credit allowance and a "pause now" switch. Only that family's parents read or change them,
-- the child reads their own, every change is audited with its actor, and bad values are refused with a
-- sentence a parent can act on.

create type public.age_band as enum ('4-6', '7-9', '10-12');
comment on type public.age_band is 'Content age band a child may see: stories rated above it are hidden.';

create type public.chat_level as enum ('off', 'phrases', 'filtered', 'held_for_review');
comment on type public.chat_level is 'How a child may chat in live sessions: not at all, ready-made phrases only, free text through the filter, or every message held for a parent''s review.';

create type public.child_activity as enum ('reading', 'creating', 'live_sessions');
comment on type public.child_activity is 'Activities a parent can allow or forbid; checked by private.child_may().';

create table public.parental_controls (
  child_id uuid primary key,
  family_id uuid not null references public.families (id) on delete cascade,
  age_band public.age_band not null,
  daily_minutes int not null default 60
    constraint parental_controls_daily_minutes_range check (daily_minutes between 0 and 600),
  bedtime_start time,
  bedtime_end time,
  reading_allowed boolean not null default true,
  creating_allowed boolean not null default true,
  live_sessions_allowed boolean not null default false,
  chat_level public.chat_level not null default 'phrases',
  monthly_credit_allowance int not null default 50
    constraint parental_controls_credit_allowance_range check (monthly_credit_allowance between 0 and 10000),
  approval_above_allowance boolean not null default true,
  paused boolean not null default false,
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parental_controls_bedtime_pair check (
    (bedtime_start is null and bedtime_end is null)
    or (bedtime_start is not null and bedtime_end is not null and bedtime_start <> bedtime_end)
  ),
  -- The child must be a member of this very family; leaving the family removes the controls.
  constraint parental_controls_member_fkey foreign key (family_id, child_id)
    references public.family_members (family_id, user_id) on delete cascade
);

comment on table public.parental_controls is 'What one child may do and when, set by that family''s parents; enforced by private.child_may() and record_reading_time().';
comment on column public.parental_controls.daily_minutes is 'Reading minutes per day (0-600), counted in the family''s time zone; approved "more time" requests add to it for that day.';
comment on column public.parental_controls.bedtime_start is 'Start of the no-reading window (family time zone). A start later than the end means the window crosses midnight (e.g. 20:00-07:00).';
comment on column public.parental_controls.bedtime_end is 'End of the no-reading window (family time zone); both ends are set or neither.';
comment on column public.parental_controls.monthly_credit_allowance is 'Credits the child may spend per calendar month without asking.';
comment on column public.parental_controls.approval_above_allowance is 'When true, purchases and spends above the allowance wait for a parent''s approval; when false they are refused.';
comment on column public.parental_controls.paused is '"Pause now": while true the child can do nothing until a parent resumes.';
comment on column public.parental_controls.updated_by is 'The parent who last changed the controls (also in audit.log).';

create index idx_parental_controls_family_id_child_id on public.parental_controls (family_id, child_id);
create index idx_parental_controls_updated_by on public.parental_controls (updated_by);

-- Checks before the constraints so that a parent reads what to fix, not a constraint name.
create function private.check_parental_controls()
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

create trigger check_parental_controls
before insert or update on public.parental_controls
for each row execute function private.check_parental_controls();

create trigger set_parental_controls_updated_at
before update on public.parental_controls
for each row execute function public.set_updated_at();

create trigger audit_parental_controls
after insert or update or delete on public.parental_controls
for each row execute function audit.record_change('family_id');

-- Rows are created by add_child and removed with the child; users can only read and (parents) update
-- the control columns. child_id, family_id and the bookkeeping columns are never user-writable.
revoke all on table public.parental_controls from anon, authenticated;
grant select on table public.parental_controls to authenticated;
grant update (
  age_band, daily_minutes, bedtime_start, bedtime_end, reading_allowed, creating_allowed, live_sessions_allowed,
  chat_level, monthly_credit_allowance, approval_above_allowance, paused
) on table public.parental_controls to authenticated;
grant select, insert, update, delete on table public.parental_controls to service_role;

alter table public.parental_controls enable row level security;

create policy "Parents can read their children's controls"
on public.parental_controls
for select
to authenticated
using (private.is_family_parent(family_id));

create policy "Children can read their own controls"
on public.parental_controls
for select
to authenticated
using (child_id = (select auth.uid()));

create policy "Parents can update their children's controls"
on public.parental_controls
for update
to authenticated
using (private.is_family_parent(family_id))
with check (private.is_family_parent(family_id));
