-- Why: a page that upsets a child must disappear at once. "Report this page" (report_segment) hides
-- the segment for every reader in the same transaction, keeps a copy of the page and its provenance for
-- the moderation queue, queues a free job that writes the page again (rewrite_segment: the page and
-- what follows it, as a continuation from the page before, or the whole story when it is the first
-- page) and gives the family back a credit for it (at most what the story cost, so reports cannot mint
-- credits). Moderators (private.moderators, managed by operators, never over the API) read every
-- report; a reporter and their family's parents read theirs.

create table private.moderators (
  user_id uuid primary key references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
comment on table private.moderators is 'Who moderates reports and public stories. Added by operators (SQL), never over the API.';
revoke all on table private.moderators from public, anon, authenticated, service_role;
alter table private.moderators enable row level security;

create function private.is_moderator()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.moderators m where m.user_id = (select auth.uid()));
$$;
comment on function private.is_moderator() is 'True when the caller is a moderator.';
revoke execute on function private.is_moderator() from public;
grant execute on function private.is_moderator() to authenticated;

create type public.story_report_reason as enum ('scary', 'unkind', 'not_for_children', 'confusing', 'other');
comment on type public.story_report_reason is 'Why a reader reported a page.';

create type public.story_report_status as enum ('open', 'resolved', 'dismissed');
comment on type public.story_report_status is 'A report waits for a moderator (open), who confirms it (resolved) or finds nothing wrong (dismissed).';

create table public.story_reports (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  segment_id uuid references public.story_segments (id) on delete set null,
  segment_key text not null check (char_length(segment_key) between 1 and 64),
  reporter_id uuid references auth.users (id) on delete set null,
  family_id uuid references public.families (id) on delete cascade,
  reason public.story_report_reason not null,
  note text check (char_length(note) <= 500),
  segment_text text not null,
  provenance jsonb not null,
  status public.story_report_status not null default 'open',
  refunded_credits int not null default 0 check (refunded_credits between 0 and 100),
  rewrite_job_id uuid references public.generation_jobs (id) on delete set null,
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.story_reports is 'Reported pages: a copy of the page and its provenance as it was shown, why, by whom, the credit given back and the rewrite job. The moderation queue.';
comment on column public.story_reports.segment_id is 'The reported segment while it exists (its rewrite replaces it; segment_key stays).';
comment on column public.story_reports.family_id is 'The reporter''s family (their parents read the report); null for a reporter without one.';
comment on column public.story_reports.segment_text is 'The page exactly as it was shown when reported.';
comment on column public.story_reports.refunded_credits is 'Credits given back to the story''s family for the page (0 for another family''s or a library story).';

create index idx_story_reports_status_created_at on public.story_reports (status, created_at) where status = 'open';
create index idx_story_reports_story_id on public.story_reports (story_id);
create index idx_story_reports_segment_id on public.story_reports (segment_id);
create index idx_story_reports_reporter_id on public.story_reports (reporter_id);
create index idx_story_reports_family_id on public.story_reports (family_id);
create index idx_story_reports_rewrite_job_id on public.story_reports (rewrite_job_id);
create index idx_story_reports_resolved_by on public.story_reports (resolved_by);

create trigger set_story_reports_updated_at
before update on public.story_reports
for each row execute function public.set_updated_at();

create function private.report_segment(p_segment_id uuid, p_reason public.story_report_reason, p_note text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_family_id uuid := private.my_family_id();
  v_segment public.story_segments%rowtype;
  v_story public.stories%rowtype;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
  v_report public.story_reports%rowtype;
  v_job public.generation_jobs%rowtype;
  v_paid int;
  v_refunded int;
  v_refund int := 0;
begin
  if v_user_id is null then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  if p_reason is null then
    perform private.raise_error('TF400', 'report_reason_missing');
  end if;
  if char_length(v_note) > 500 then
    perform private.raise_error('TF400', 'message_too_long', '{"max":500}');
  end if;
  select * into v_segment from public.story_segments g where g.id = p_segment_id for update;
  if not found then
    perform private.raise_error('TF403', 'segment_not_found');
  end if;
  select * into v_story from public.stories s where s.id = v_segment.story_id for update;
  if v_segment.hidden_at is not null then
    -- Reported already (a double tap, a sibling): the first report stands.
    select * into v_report from public.story_reports r where r.segment_id = p_segment_id order by r.created_at desc limit 1;
    return jsonb_build_object('report_id', v_report.id, 'job_id', v_report.rewrite_job_id, 'refunded_credits', 0,
                              'status', 'already_reported');
  end if;

  update public.story_segments g set hidden_at = now() where g.id = p_segment_id;
  insert into public.story_reports (story_id, segment_id, segment_key, reporter_id, family_id, reason, note, segment_text, provenance)
  values (v_story.id, v_segment.id, v_segment.key, v_user_id, v_family_id, p_reason, v_note, v_segment.text, v_segment.provenance)
  returning * into v_report;

  -- The story's own family gets a credit back, never more than the story's jobs were charged.
  if v_story.family_id is not null and v_story.family_id = v_family_id then
    select coalesce(sum(j.credits_reserved), 0) into v_paid
      from public.generation_jobs j join public.credit_holds h on h.id = j.credit_hold_id
     where j.story_id = v_story.id and h.status = 'captured';
    select coalesce(sum(r.refunded_credits), 0) into v_refunded from public.story_reports r where r.story_id = v_story.id;
    v_refund := least(1, greatest(v_paid - v_refunded, 0));
    if v_refund > 0 then
      perform private.credit_wallet(v_story.family_id, 'admin_refund', 0, v_refund, v_user_id, 'report:' || v_report.id,
        'Given back: a reported page', null, null);
    end if;
  end if;

  insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, segment_id, params)
  values (v_story.family_id, v_story.id, 'rewrite_segment', v_user_id,
          coalesce(v_story.model_id, (select m.id from public.generation_models m where m.slug = 'builtin')), v_segment.id,
          jsonb_build_object('seed', floor(random() * 2147483647)::bigint, 'report_id', v_report.id, 'illustrate', true))
  returning * into v_job;
  update public.story_reports r set refunded_credits = v_refund, rewrite_job_id = v_job.id where r.id = v_report.id;
  perform private.enqueue_generation_job(v_job);
  return jsonb_build_object('report_id', v_report.id, 'job_id', v_job.id, 'refunded_credits', v_refund, 'status', 'reported');
end;
$$;
comment on function private.report_segment(uuid, public.story_report_reason, text) is 'Any reader of the page (checked by the public wrapper through RLS): hides it at once, records the report, gives the story''s family a credit back (capped at what the story cost) and queues its free rewrite.';

-- The rewrite's result: the reported page and everything after it are replaced by the pages the worker
-- wrote (from the page before, or the whole story); reading paths through removed pages are cut back.
create function private.complete_rewrite(
  p_job_id uuid,
  p_segments jsonb,
  p_choices jsonb,
  p_illustrations jsonb default '{}'::jsonb
)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype := private.lock_running_job(p_job_id);
  v_key text := p_segments -> 0 ->> 'id';
  v_is_start boolean;
begin
  if v_job.kind <> 'rewrite_segment' or v_key is null then
    perform private.raise_error('TF409', 'job_not_running');
  end if;
  perform 1 from public.stories s where s.id = v_job.story_id for update;
  v_is_start := v_key = 's';
  -- Cut reading paths back to the pages that stay (a path that loses its start is dropped).
  delete from public.reading_progress rp
   where rp.story_id = v_job.story_id and v_is_start;
  update public.reading_progress rp
     set path = rp.path[1:(select min(i) - 1 from generate_subscripts(rp.path, 1) i
                              where rp.path[i] in (select g.id from public.story_segments g
                                                    where g.story_id = v_job.story_id
                                                      and (g.key = v_key or g.key like v_key || '.%')))]
   where rp.story_id = v_job.story_id and not v_is_start
     and rp.path && array(select g.id from public.story_segments g
                           where g.story_id = v_job.story_id and (g.key = v_key or g.key like v_key || '.%'));
  delete from public.story_segments g
   where g.story_id = v_job.story_id and (g.key = v_key or g.key like v_key || '.%');
  perform private.write_story_pages(v_job.story_id, p_segments, p_choices, case when v_is_start then 's' end);
  perform private.set_illustrations(v_job.story_id, p_illustrations);
  if v_is_start then
    update public.stories s
       set cover_path = (select g.illustration_path from public.story_segments g where g.id = s.start_segment_id)
     where s.id = v_job.story_id;
  end if;
  return private.finish_job(v_job, null);
end;
$$;
comment on function private.complete_rewrite(uuid, jsonb, jsonb, jsonb) is 'Worker: replaces a reported page and what follows it with the rewrite (checked graph), cuts reading paths back, completes the job.';

revoke execute on function private.report_segment(uuid, public.story_report_reason, text),
  private.complete_rewrite(uuid, jsonb, jsonb, jsonb) from public;
grant execute on function private.report_segment(uuid, public.story_report_reason, text) to authenticated;

-- The caller must be able to read the page now (RLS, as the caller): only then does the definer act.
create function public.report_segment(p_segment_id uuid, p_reason public.story_report_reason, p_note text default null)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if not exists (select 1 from public.story_segments g where g.id = p_segment_id) then
    perform private.raise_error('TF403', 'segment_not_found');
  end if;
  return private.report_segment(p_segment_id, p_reason, p_note);
end;
$$;
comment on function public.report_segment(uuid, public.story_report_reason, text) is 'A reader of the page: "report this page" — hidden at once, queued for moderation, rewritten, its credit given back to the story''s family.';
revoke execute on function public.report_segment(uuid, public.story_report_reason, text) from public, anon;
grant execute on function public.report_segment(uuid, public.story_report_reason, text) to authenticated;

revoke all on table public.story_reports from anon, authenticated, service_role;
grant select on table public.story_reports to authenticated, service_role;
alter table public.story_reports enable row level security;

create policy "Reporters, their parents and moderators can read reports"
on public.story_reports
for select
to authenticated
using (
  reporter_id = (select auth.uid())
  or family_id = (select private.my_parent_family_id())
  or (select private.is_moderator())
);
