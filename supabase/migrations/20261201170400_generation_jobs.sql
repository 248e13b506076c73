-- Why: writing a story takes seconds to minutes and costs credits, so it is a job: a row in
-- generation_jobs (pending → processing → completed | failed, progress 0-100, credits held, the
-- provider's own job id, the error) plus a graphile-worker job enqueued in the same transaction
-- (the RPCs of the next migration). The worker reports progress; every change of a job is broadcast on
-- the private topic job:<id>, which its requester and their family's parents may join, so the browser
-- shows a live progress bar without polling. Finished and failed jobs are also announced on the
-- family topics (kind stories), so library pages refresh.
-- Credits: a paid job holds credits (credit_holds, reserve → capture | release, once per job id). The
-- foreign key runs from the job to its hold rather than from the hold to the job, as the credits
-- migration first suggested: a hold may exist for a bare job id (the credits tests reserve those), and
-- a free job (a report's rewrite) has no hold at all.

create type public.generation_job_kind as enum ('new_story', 'continue_branch', 'illustrate', 'rewrite_segment');
comment on type public.generation_job_kind is 'What a job writes: a new story, the pages behind an unexplored choice, pictures for pages, or a reported page written again.';

create type public.generation_job_status as enum ('pending', 'processing', 'completed', 'failed');
comment on type public.generation_job_status is 'pending (queued) → processing (a worker has it) → completed (credits captured) or failed (credits released; the requester may retry).';

create table public.generation_jobs (
  id uuid primary key default gen_random_uuid(),
  family_id uuid references public.families (id) on delete cascade,
  story_id uuid not null references public.stories (id) on delete cascade,
  kind public.generation_job_kind not null,
  requested_by uuid references auth.users (id) on delete set null,
  model_id uuid not null references public.generation_models (id),
  choice_id uuid references public.story_choices (id) on delete set null,
  segment_id uuid references public.story_segments (id) on delete set null,
  params jsonb not null default '{}'::jsonb constraint generation_jobs_params_object check (jsonb_typeof(params) = 'object'),
  status public.generation_job_status not null default 'pending',
  progress int not null default 0 constraint generation_jobs_progress_range check (progress between 0 and 100),
  credits_reserved int not null default 0 constraint generation_jobs_credits_range check (credits_reserved between 0 and 1000),
  credit_hold_id uuid references public.credit_holds (id) on delete set null,
  provider_job_id text check (char_length(provider_job_id) between 1 and 200),
  attempts int not null default 0 check (attempts >= 0),
  error_code text check (char_length(error_code) between 1 and 64),
  error_details jsonb,
  started_at timestamptz,
  heartbeat_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint generation_jobs_finished_when_done check ((status in ('completed', 'failed')) = (finished_at is not null)),
  constraint generation_jobs_error_when_failed check ((status = 'failed') = (error_code is not null)),
  constraint generation_jobs_continue_has_choice check (kind <> 'continue_branch' or choice_id is not null or status <> 'pending')
);

comment on table public.generation_jobs is 'Story generation jobs: one row per request (new story, explored branch, pictures, rewrite of a reported page), run by the worker (graphile-worker job of the same id). Read by the requester and their family''s parents; written only by definer functions.';
comment on column public.generation_jobs.family_id is 'Whose credits the job uses and whose story it writes; null for a rewrite of a library story.';
comment on column public.generation_jobs.params is 'What the job writes: the wizard''s request for a new story (cast, theme, moral, seed, length, illustrate), the seed of a continuation.';
comment on column public.generation_jobs.progress is 'Percent done, reported by the worker (each step is broadcast on job:<id>).';
comment on column public.generation_jobs.credits_reserved is 'Credits held for the job (0 for free jobs): captured when it completes, released when it fails or times out.';
comment on column public.generation_jobs.credit_hold_id is 'The job''s credit hold (credit_holds.job_id = this job''s id).';
comment on column public.generation_jobs.provider_job_id is 'The provider''s own id for the request (an HTTP model''s response id), unique.';
comment on column public.generation_jobs.attempts is 'How many times a worker started the job (graphile-worker retries with backoff).';
comment on column public.generation_jobs.error_code is 'Why it failed: a story engine code (provider_timeout, segment_unfit, …) or timed_out (swept).';
comment on column public.generation_jobs.heartbeat_at is 'Last sign of life from the worker (start, each progress step); the sweeper fails jobs whose heartbeat is too old.';

-- Open jobs (the sweeper's and the progress bar's), provider ids, and one open continuation per choice.
create index idx_generation_jobs_status_heartbeat_at on public.generation_jobs (status, heartbeat_at)
  where status in ('pending', 'processing');
create unique index idx_generation_jobs_provider_job_id on public.generation_jobs (provider_job_id)
  where provider_job_id is not null;
create unique index idx_generation_jobs_choice_id_open on public.generation_jobs (choice_id)
  where status in ('pending', 'processing') and kind = 'continue_branch';
create index idx_generation_jobs_family_id_created_at on public.generation_jobs (family_id, created_at desc);
create index idx_generation_jobs_story_id_created_at on public.generation_jobs (story_id, created_at desc);
create index idx_generation_jobs_requested_by_created_at on public.generation_jobs (requested_by, created_at desc);
create index idx_generation_jobs_model_id on public.generation_jobs (model_id);
create index idx_generation_jobs_choice_id on public.generation_jobs (choice_id);
create index idx_generation_jobs_segment_id on public.generation_jobs (segment_id);
create index idx_generation_jobs_credit_hold_id on public.generation_jobs (credit_hold_id);

create trigger set_generation_jobs_updated_at
before update on public.generation_jobs
for each row execute function public.set_updated_at();

-- Every change of a job reaches its progress bar (job:<id>); the end of one reaches the family's
-- pages (family:<id>, and child:<id> when a child asked) as kind stories. Transactional: nothing is
-- sent for a change that rolls back.
create function private.broadcast_job_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_child uuid;
begin
  if tg_op = 'UPDATE' and new.status = old.status and new.progress = old.progress then
    return null;
  end if;
  perform realtime.send(
    jsonb_build_object('job_id', new.id, 'story_id', new.story_id, 'kind', new.kind, 'status', new.status,
                       'progress', new.progress, 'error_code', new.error_code),
    'job', 'job:' || new.id, true);
  if new.family_id is not null and (tg_op = 'INSERT' or new.status <> old.status)
     and new.status in ('completed', 'failed') then
    select fm.user_id into v_child from public.family_members fm where fm.user_id = new.requested_by and fm.role = 'child';
    perform realtime.send(jsonb_build_object('child_id', v_child, 'kind', 'stories'), 'stories', 'family:' || new.family_id, true);
    if v_child is not null then
      perform realtime.send(jsonb_build_object('child_id', v_child, 'kind', 'stories'), 'stories', 'child:' || v_child, true);
    end if;
  end if;
  return null;
end;
$$;
comment on function private.broadcast_job_change() is 'Trigger function: a job''s status or progress changed: job:<id> gets {job_id, story_id, kind, status, progress, error_code}; a finished job also tells family:<family_id> (and child:<id> of a child requester) that stories changed.';
revoke execute on function private.broadcast_job_change() from public;

create trigger broadcast_generation_jobs
after insert or update on public.generation_jobs
for each row execute function private.broadcast_job_change();

-- The private topics: the family ones as before, plus job:<id> for the job's requester and the parents
-- of its family.
create or replace function private.may_receive_family_topic(p_topic text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  if p_topic !~ '^(child|family|job):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  v_id := split_part(p_topic, ':', 2)::uuid;
  if p_topic like 'child:%' then
    return v_id = (select auth.uid()) or private.is_parent_of(v_id);
  end if;
  if p_topic like 'job:%' then
    return exists (
      select 1 from public.generation_jobs j
       where j.id = v_id
         and (j.requested_by = (select auth.uid()) or (j.family_id is not null and private.is_family_parent(j.family_id)))
    );
  end if;
  return private.is_family_parent(v_id);
end;
$$;
comment on function private.may_receive_family_topic(text) is 'Private-channel authorisation: child:<id> for that child and their parents, family:<id> for the family''s parents, job:<id> for the job''s requester and their family''s parents.';

revoke all on table public.generation_jobs from anon, authenticated, service_role;
grant select on table public.generation_jobs to authenticated, service_role;

alter table public.generation_jobs enable row level security;

create policy "Requesters and their family's parents can read generation jobs"
on public.generation_jobs
for select
to authenticated
using (requested_by = (select auth.uid()) or family_id = (select private.my_parent_family_id()));
