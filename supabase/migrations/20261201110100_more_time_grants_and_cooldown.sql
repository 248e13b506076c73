-- Why: a parent answering "more time" should choose how much (15, 30 or 60 minutes), not only say yes
-- to what the child asked; and a child told "not today" should not be able to ask again straight away
-- (tapping "ask" ten times is ten notifications). The database grants exactly what the parent chose,
-- within 5-120 minutes, and request_more_time refuses for 30 minutes after a denial (TF429
-- more_time_cooldown, with the minutes to wait).
-- approval_requests.minutes keeps meaning "what this request adds to for_date" (so private.child_day,
-- which sums it, is unchanged): the child's ask until a parent answers, then what the parent granted.
-- requested_minutes keeps what the child asked for.

alter table public.approval_requests add column requested_minutes int check (requested_minutes between 5 and 120);
update public.approval_requests set requested_minutes = minutes where kind = 'more_time';
alter table public.approval_requests
  add constraint approval_requests_more_time_requested check (kind <> 'more_time' or requested_minutes is not null);
comment on column public.approval_requests.requested_minutes is 'For more_time: the minutes the child asked for (minutes becomes what the parent granted).';
comment on column public.approval_requests.minutes is 'For more_time: the minutes this request adds to for_date once approved. The child''s ask while pending, then what the parent granted.';

-- The newest "not today" of a child, for the cool-down.
create index idx_approval_requests_child_id_decided_at on public.approval_requests (child_id, decided_at desc)
  where status = 'denied';

create or replace function private.request_more_time(p_minutes int default 15, p_message text default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_child_id uuid := (select auth.uid());
  v_cooldown constant interval := interval '30 minutes';
  v_day record;
  v_id uuid;
  v_for_date date;
  v_denied_at timestamptz;
begin
  if not exists (select 1 from public.family_members fm where fm.user_id = v_child_id and fm.role = 'child') then
    perform private.raise_error('TF403', 'not_a_child');
  end if;
  if p_minutes is null or p_minutes not between 5 and 60 then
    perform private.raise_error('TF400', 'more_time_range', '{"min":5,"max":60}');
  end if;
  if char_length(coalesce(p_message, '')) > 200 then
    perform private.raise_error('TF400', 'message_too_long', '{"max":200}');
  end if;
  select * into v_day from private.child_day(v_child_id, now());
  if not v_day.consented then
    perform private.raise_error('TF403', 'needs_consent');
  end if;
  -- Asking again while a request is open shows that request rather than adding another one.
  select r.id, r.for_date into v_id, v_for_date from public.approval_requests r
   where r.child_id = v_child_id and r.kind = 'more_time' and r.status = 'pending'
     for update;
  if v_id is not null then
    -- One left open from an earlier day becomes today's question instead.
    if v_for_date < v_day.local_date then
      update public.approval_requests r
         set for_date = v_day.local_date, minutes = p_minutes, requested_minutes = p_minutes,
             message = nullif(btrim(p_message), '')
       where r.id = v_id;
    end if;
    return v_id;
  end if;
  -- "Not today" holds for a while: the database clock decides, so a reload or a second tab cannot skip it.
  select max(r.decided_at) into v_denied_at from public.approval_requests r
   where r.child_id = v_child_id and r.kind = 'more_time' and r.status = 'denied';
  if v_denied_at > now() - v_cooldown then
    perform private.raise_error('TF429', 'more_time_cooldown', jsonb_build_object(
      'retry_at', v_denied_at + v_cooldown,
      'minutes', ceil(extract(epoch from (v_denied_at + v_cooldown - now())) / 60)::int));
  end if;
  insert into public.approval_requests (family_id, child_id, kind, minutes, requested_minutes, for_date, message)
  values (v_day.family_id, v_child_id, 'more_time', p_minutes, p_minutes, v_day.local_date, nullif(btrim(p_message), ''))
  returning id into v_id;
  return v_id;
end;
$$;
comment on function private.request_more_time(int, text) is 'Child only: asks the parents for 5-60 more reading minutes today, or returns the open request; refused for 30 minutes after a "not today".';

-- decide_approval_request gains the minutes to grant (null: what the child asked for).
drop function public.decide_approval_request(uuid, boolean);
drop function private.decide_approval_request(uuid, boolean);

create function private.decide_approval_request(p_request_id uuid, p_approve boolean, p_minutes int default null)
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
    perform private.raise_error('TF403', 'not_parent_of_family');
  end if;
  if p_approve is null then
    perform private.raise_error('TF400', 'decision_missing');
  end if;
  if p_approve and p_minutes is not null and p_minutes not between 5 and 120 then
    perform private.raise_error('TF400', 'grant_minutes_range', '{"min":5,"max":120}');
  end if;
  if v_request.status <> 'pending' then
    perform private.raise_error('TF409', 'request_already_answered');
  end if;
  update public.approval_requests r
     set status = case when p_approve then 'approved'::public.approval_status else 'denied'::public.approval_status end,
         minutes = case when p_approve and v_request.kind = 'more_time' then coalesce(p_minutes, r.minutes) else r.minutes end,
         decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id
  returning r.status into v_request.status;
  return v_request.status;
end;
$$;
comment on function private.decide_approval_request(uuid, boolean, int) is 'Parent of the family only: approves (granting p_minutes, 5-120, or what was asked) or denies a pending request, once.';
revoke execute on function private.decide_approval_request(uuid, boolean, int) from public;
grant execute on function private.decide_approval_request(uuid, boolean, int) to authenticated;

create function public.decide_approval_request(p_request_id uuid, p_approve boolean, p_minutes int default null)
returns public.approval_status
language sql
security invoker
set search_path = ''
as $$ select private.decide_approval_request(p_request_id, p_approve, p_minutes); $$;
comment on function public.decide_approval_request(uuid, boolean, int) is 'Parent of the family only: approves (granting p_minutes, 5-120, or what was asked) or denies a pending request, once.';
revoke execute on function public.decide_approval_request(uuid, boolean, int) from public, anon;
grant execute on function public.decide_approval_request(uuid, boolean, int) to authenticated;
