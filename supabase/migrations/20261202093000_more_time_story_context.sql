-- Why: a child who reaches the day's limit in the middle of a story asks for more time from that page
-- ("to be continued"), and the parent answering should see what the child is reading: which story and
-- which page. approval_requests gains the story and the page a more_time request was asked from, and
-- request_more_time takes them. The context must be true: the child has that page on their own
-- bookmarked path in that story (reading_progress, written through RLS while they could read it), so a
-- request cannot name a story the child never read (another family's, one above their band).

alter table public.approval_requests
  add column story_id uuid references public.stories (id) on delete set null,
  add column segment_id uuid,
  -- The page belongs to that story (story_segments is unique on (story_id, id)); removing the page keeps
  -- the story.
  add constraint approval_requests_segment_of_story foreign key (story_id, segment_id)
    references public.story_segments (story_id, id) on delete set null (segment_id),
  add constraint approval_requests_segment_needs_story check (segment_id is null or story_id is not null),
  add constraint approval_requests_story_only_more_time check (kind = 'more_time' or story_id is null);

comment on column public.approval_requests.story_id is 'For more_time: the story the child was reading when they asked ("to be continued"), if any.';
comment on column public.approval_requests.segment_id is 'For more_time: the page of story_id the child had reached when they asked.';

create index idx_approval_requests_story_id on public.approval_requests (story_id) where story_id is not null;
create index idx_approval_requests_story_id_segment_id on public.approval_requests (story_id, segment_id)
  where segment_id is not null;

drop function public.request_more_time(int, text);
drop function private.request_more_time(int, text);

create function private.request_more_time(
  p_minutes int default 15,
  p_message text default null,
  p_story_id uuid default null,
  p_segment_id uuid default null
)
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
  -- The story context is the child's own bookmark: a page on their path in that story.
  if (p_segment_id is not null and p_story_id is null) or (p_story_id is not null and not exists (
    select 1 from public.reading_progress rp
     where rp.reader_id = v_child_id and rp.story_id = p_story_id
       and (p_segment_id is null or p_segment_id = any (rp.path))
  )) then
    perform private.raise_error('TF403', 'story_not_found');
  end if;
  select * into v_day from private.child_day(v_child_id, now());
  if not v_day.consented then
    perform private.raise_error('TF403', 'needs_consent');
  end if;
  -- Asking again while a request is open shows that request rather than adding another one (with the
  -- story the child is in now, when they ask from one).
  select r.id, r.for_date into v_id, v_for_date from public.approval_requests r
   where r.child_id = v_child_id and r.kind = 'more_time' and r.status = 'pending'
     for update;
  if v_id is not null then
    if p_story_id is not null then
      update public.approval_requests r set story_id = p_story_id, segment_id = p_segment_id where r.id = v_id;
    end if;
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
  insert into public.approval_requests (family_id, child_id, kind, minutes, requested_minutes, for_date, message,
                                        story_id, segment_id)
  values (v_day.family_id, v_child_id, 'more_time', p_minutes, p_minutes, v_day.local_date,
          nullif(btrim(p_message), ''), p_story_id, p_segment_id)
  returning id into v_id;
  return v_id;
end;
$$;
comment on function private.request_more_time(int, text, uuid, uuid) is 'Child only: asks the parents for 5-60 more reading minutes today, or returns the open request; refused for 30 minutes after a "not today". With a story (and page) the child has bookmarked, the request carries it (story_not_found otherwise).';
revoke execute on function private.request_more_time(int, text, uuid, uuid) from public;
grant execute on function private.request_more_time(int, text, uuid, uuid) to authenticated;

create function public.request_more_time(
  p_minutes int default 15,
  p_message text default null,
  p_story_id uuid default null,
  p_segment_id uuid default null
)
returns uuid
language sql
security invoker
set search_path = ''
as $$ select private.request_more_time(p_minutes, p_message, p_story_id, p_segment_id); $$;
comment on function public.request_more_time(int, text, uuid, uuid) is 'Child only: asks the parents for 5-60 more reading minutes today, optionally from the story and page they were reading.';
revoke execute on function public.request_more_time(int, text, uuid, uuid) from public, anon;
grant execute on function public.request_more_time(int, text, uuid, uuid) to authenticated;
