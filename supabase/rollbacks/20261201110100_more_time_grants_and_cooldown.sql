-- Undoes 20261201110100_more_time_grants_and_cooldown.sql: the two-argument decide_approval_request and
-- request_more_time without a cool-down, as 20261201090000 made them.
drop function public.decide_approval_request(uuid, boolean, int);
drop function private.decide_approval_request(uuid, boolean, int);

create function private.decide_approval_request(p_request_id uuid, p_approve boolean)
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
  if v_request.status <> 'pending' then
    perform private.raise_error('TF409', 'request_already_answered');
  end if;
  update public.approval_requests r
     set status = case when p_approve then 'approved'::public.approval_status else 'denied'::public.approval_status end,
         decided_by = (select auth.uid()), decided_at = now()
   where r.id = p_request_id
  returning r.status into v_request.status;
  return v_request.status;
end;
$$;
comment on function private.decide_approval_request(uuid, boolean) is 'Parent of the family only: approves or denies a pending request, once.';
revoke execute on function private.decide_approval_request(uuid, boolean) from public;
grant execute on function private.decide_approval_request(uuid, boolean) to authenticated;

create function public.decide_approval_request(p_request_id uuid, p_approve boolean)
returns public.approval_status
language sql
security invoker
set search_path = ''
as $$ select private.decide_approval_request(p_request_id, p_approve); $$;
comment on function public.decide_approval_request(uuid, boolean) is 'Parent of the family only: approves or denies a pending request, once.';
revoke execute on function public.decide_approval_request(uuid, boolean) from public, anon;
grant execute on function public.decide_approval_request(uuid, boolean) to authenticated;

create or replace function private.request_more_time(p_minutes int default 15, p_message text default null)
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
comment on function private.request_more_time(int, text) is 'Child only: asks the parents for 5-60 more reading minutes today, or returns the open request.';

drop index public.idx_approval_requests_child_id_decided_at;
alter table public.approval_requests drop constraint approval_requests_more_time_requested;
alter table public.approval_requests drop column requested_minutes;
comment on column public.approval_requests.minutes is 'For more_time: extra reading minutes asked for; approved minutes extend for_date only.';
