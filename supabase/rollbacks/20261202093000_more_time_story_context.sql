-- Undoes 20261202093000_more_time_story_context.sql: request_more_time without a story context (as
-- 20261201110100 left it), and approval_requests without story_id/segment_id.
drop function public.request_more_time(int, text, uuid, uuid);
drop function private.request_more_time(int, text, uuid, uuid);

create function private.request_more_time(p_minutes int default 15, p_message text default null)
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
revoke execute on function private.request_more_time(int, text) from public;
grant execute on function private.request_more_time(int, text) to authenticated;

create function public.request_more_time(p_minutes int default 15, p_message text default null)
returns uuid
language sql
security invoker
set search_path = ''
as $$ select private.request_more_time(p_minutes, p_message); $$;
comment on function public.request_more_time(int, text) is 'Child only: asks the parents for 5-60 more reading minutes today.';
revoke execute on function public.request_more_time(int, text) from public, anon;
grant execute on function public.request_more_time(int, text) to authenticated;

drop index public.idx_approval_requests_story_id_segment_id;
drop index public.idx_approval_requests_story_id;
alter table public.approval_requests
  drop constraint approval_requests_story_only_more_time,
  drop constraint approval_requests_segment_needs_story,
  drop constraint approval_requests_segment_of_story,
  drop column segment_id,
  drop column story_id;
