-- Why: ordering a story must be one atomic step: create_story() creates the story, its cast, the
-- generation job and the credit hold, and enqueues the worker's job (graphile_worker.add_job), all in
-- one transaction — never a charge without a job or a job without a charge. It is idempotent per
-- client key (a double click or a retried request makes one story), checks who asks (a child only
-- while they may create, at or under their age band, within their monthly allowance), the plan
-- (create_stories per month, premium models) and the catalogue (template, theme, moral, characters,
-- model). continue_story() does the same for an unexplored choice (one open job per choice, whoever
-- clicks), retry_generation_job() for a failed job.
-- The worker (worker/tasks/*) drives a job through start_generation_job → report_job_progress →
-- complete_* (pages written and checked, credits captured, in one transaction) or fail_generation_job
-- (credits released); each is idempotent per job, so a retried or duplicated worker job applies once,
-- and a job the sweeper failed (sweep_stuck_generation_jobs, timed_out) can no longer complete.

-- The engine's view of a story (lib/story-engine Story), rebuilt from the rows: what the worker hands
-- to continueBranch() and the rewrite of a reported page.
create function private.story_as_engine_json(p_story_id uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'title', s.title,
    'summary', s.summary,
    'ageBand', s.age_band,
    'length', s.length,
    'themeId', th.slug,
    'moralId', s.moral_slug,
    'templateId', t.slug,
    'pathLength', s.path_length,
    'characters', coalesce((
      select jsonb_agg(jsonb_build_object('id', c.key, 'name', c.name, 'kind', c.kind, 'pronoun', c.pronoun,
                                          'traits', to_jsonb(c.traits), 'look', c.look) order by c.position)
        from public.story_characters c where c.story_id = s.id), '[]'::jsonb),
    'startSegmentId', (select g.key from public.story_segments g where g.id = s.start_segment_id),
    'segments', coalesce((
      select jsonb_agg(jsonb_build_object('id', g.key, 'depth', g.depth, 'text', g.text, 'settingId', g.setting_id,
                                          'scene', g.scene, 'place', g.place, 'characterIds', to_jsonb(g.character_keys),
                                          'isEnding', g.is_ending, 'state', g.state, 'provenance', g.provenance)
                       order by g.depth, g.key)
        from public.story_segments g where g.story_id = s.id), '[]'::jsonb),
    'choices', coalesce((
      select jsonb_agg(jsonb_build_object('id', c.key, 'fromSegmentId', f.key, 'label', c.label,
                                          'toSegmentId', t2.key, 'continuation', c.continuation)
                       order by f.depth, f.key, c.position)
        from public.story_choices c
        join public.story_segments f on f.id = c.from_segment_id
        left join public.story_segments t2 on t2.id = c.to_segment_id
       where c.story_id = s.id), '[]'::jsonb),
    'context', s.context
  )
  from public.stories s
  join public.themes th on th.id = s.theme_id
  left join public.story_templates t on t.id = s.template_id
  where s.id = p_story_id;
$$;
comment on function private.story_as_engine_json(uuid) is 'A story as the story engine''s Story JSON (segment and choice ids are their keys), for the worker.';

-- What a child may still spend this month, serialised on their controls row (two tabs cannot both slip
-- under the allowance). Grown-ups are not limited. Raises like spend_credits does.
create function private.check_child_generation(p_user_id uuid, p_family_id uuid, p_credits int)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_controls public.parental_controls%rowtype;
  v_used int;
begin
  select * into v_controls from public.parental_controls pc where pc.child_id = p_user_id for update;
  if not found then
    return; -- not a child
  end if;
  if not private.has_consent(p_user_id) then
    perform private.raise_error('TF403', 'needs_consent');
  end if;
  if v_controls.paused then
    perform private.raise_error('TF409', 'child_paused');
  end if;
  if not private.child_may_at(p_user_id, 'creating', now()) then
    perform private.raise_error('TF403', 'creating_not_allowed');
  end if;
  perform private.require_plan_feature(p_family_id, 'child_spending');
  v_used := private.child_month_spent(p_user_id, p_family_id, now());
  if v_used + p_credits > v_controls.monthly_credit_allowance then
    perform private.raise_error('TF409', 'story_allowance_exceeded',
      jsonb_build_object('allowance', v_controls.monthly_credit_allowance, 'spent', v_used, 'needed', p_credits));
  end if;
end;
$$;
comment on function private.check_child_generation(uuid, uuid, int) is 'For a child: consent, not paused, creating allowed now, and p_credits within this month''s allowance (locks the controls row). Nothing for grown-ups.';

-- Enqueues the worker's job for a generation job, in the caller's transaction.
create function private.enqueue_generation_job(p_job public.generation_jobs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform graphile_worker.add_job(
    case p_job.kind
      when 'new_story' then 'generate_story'
      when 'continue_branch' then 'continue_branch'
      when 'illustrate' then 'illustrate_story'
      when 'rewrite_segment' then 'rewrite_segment'
    end,
    json_build_object('job_id', p_job.id),
    job_key := 'generation:' || p_job.id,
    max_attempts := 3);
end;
$$;
comment on function private.enqueue_generation_job(public.generation_jobs) is 'Adds the worker''s job (task by kind, job_key generation:<id>, 3 attempts with graphile-worker''s backoff) in the current transaction.';

create function private.create_story(p_request jsonb, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.family_members%rowtype;
  v_stored jsonb;
  v_band public.age_band;
  v_length public.story_length;
  v_child_band public.age_band;
  v_template public.story_templates%rowtype;
  v_theme public.themes%rowtype;
  v_model public.generation_models%rowtype;
  v_prompt text := nullif(btrim(coalesce(p_request ->> 'prompt', '')), '');
  v_moral text := nullif(p_request ->> 'moralId', '');
  v_character_ids uuid[];
  v_seed bigint;
  v_illustrate boolean;
  v_story_id uuid;
  v_job public.generation_jobs%rowtype;
  v_hold public.credit_holds%rowtype;
  v_created int;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if not found then
    perform private.raise_error('TF403', 'not_a_family_member');
  end if;
  if p_request is null or jsonb_typeof(p_request) <> 'object' then
    perform private.raise_error('TF400', 'story_request_invalid');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'create_story', p_request);
  if v_stored is not null then
    return v_stored;
  end if;

  begin
    v_band := (p_request ->> 'ageBand')::public.age_band;
    v_length := (p_request ->> 'length')::public.story_length;
    v_character_ids := array(select (jsonb_array_elements_text(p_request -> 'characterIds'))::uuid);
    v_seed := coalesce((p_request ->> 'seed')::bigint, floor(random() * 2147483647)::bigint);
    v_illustrate := coalesce((p_request ->> 'illustrate')::boolean, true);
  exception
    when invalid_text_representation or invalid_parameter_value or numeric_value_out_of_range
      or cannot_coerce or datatype_mismatch then
      perform private.raise_error('TF400', 'story_request_invalid');
  end;
  if v_band is null or v_length is null or v_seed not between 0 and 2147483647 then
    perform private.raise_error('TF400', 'story_request_invalid');
  end if;
  if char_length(v_prompt) > 500 then
    perform private.raise_error('TF400', 'story_prompt_too_long', '{"max":500}');
  end if;
  if p_request ->> 'templateId' is not null then
    select * into v_template from public.story_templates t where t.slug = p_request ->> 'templateId' and t.available;
    if not found then
      perform private.raise_error('TF400', 'unknown_template');
    end if;
  elsif v_prompt is null then
    perform private.raise_error('TF400', 'story_needs_template_or_prompt');
  end if;
  select * into v_theme from public.themes t where t.slug = p_request ->> 'themeId';
  if not found then
    perform private.raise_error('TF400', 'unknown_theme');
  end if;
  if v_moral is not null and not exists (select 1 from jsonb_array_elements(v_theme.morals) m where m ->> 'id' = v_moral) then
    perform private.raise_error('TF400', 'unknown_moral');
  end if;
  if cardinality(v_character_ids) not between 1 and 4
     or (select count(distinct c) from unnest(v_character_ids) c) <> cardinality(v_character_ids) then
    perform private.raise_error('TF400', 'story_cast_size', '{"min":1,"max":4}');
  end if;
  -- Library characters, or the family's own that are still there; another family's are unknown.
  if (select count(*) from public.characters c
       where c.id = any(v_character_ids) and c.deleted_at is null
         and (c.family_id is null or c.family_id = v_member.family_id)) <> cardinality(v_character_ids) then
    perform private.raise_error('TF400', 'unknown_character');
  end if;
  if (select count(distinct lower(c.name)) from public.characters c where c.id = any(v_character_ids)) <> cardinality(v_character_ids) then
    perform private.raise_error('TF400', 'story_cast_names_clash');
  end if;
  select * into v_model from public.generation_models m where m.slug = coalesce(p_request ->> 'modelId', 'builtin');
  if not found or not v_model.available then
    perform private.raise_error('TF400', 'model_unavailable');
  end if;
  if v_model.premium then
    perform private.require_plan_feature(v_member.family_id, 'premium_models');
  end if;

  if v_member.role = 'child' then
    select pc.age_band into v_child_band from public.parental_controls pc where pc.child_id = v_user_id;
    if v_band > v_child_band then
      perform private.raise_error('TF403', 'age_band_above_controls', jsonb_build_object('age_band', v_child_band));
    end if;
    perform private.check_child_generation(v_user_id, v_member.family_id, v_model.story_credits);
  end if;
  -- The plan's stories per month (the guest may create one): new-story jobs that did not fail.
  select count(*) into v_created
    from public.generation_jobs j cross join private.family_month(v_member.family_id, now()) m
   where j.family_id = v_member.family_id and j.kind = 'new_story' and j.status <> 'failed'
     and j.created_at >= m.month_start and j.created_at < m.month_end;
  perform private.require_plan_feature(v_member.family_id, 'create_stories', v_created);

  insert into public.stories (family_id, author_id, title, age_band, length, theme_id, moral_slug, template_id, prompt,
                              model_id, visibility, status)
  values (v_member.family_id, v_user_id, coalesce(v_template.title, 'A new story'), v_band, v_length, v_theme.id, v_moral,
          v_template.id, v_prompt, v_model.id, 'family', 'generating')
  returning id into v_story_id;
  insert into public.story_characters (story_id, character_id, key, position, name, kind, pronoun, traits, look)
  select v_story_id, c.id, coalesce(c.slug, c.id::text), ids.n::int - 1, c.name, c.kind, c.pronoun, c.traits, c.look
    from unnest(v_character_ids) with ordinality ids(id, n)
    join public.characters c on c.id = ids.id;

  insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, params, credits_reserved)
  values (v_member.family_id, v_story_id, 'new_story', v_user_id, v_model.id,
          jsonb_build_object('seed', v_seed, 'illustrate', v_illustrate),
          v_model.story_credits)
  returning * into v_job;
  v_hold := private.reserve_credits(v_member.family_id, v_job.id, v_model.story_credits, v_user_id);
  update public.generation_jobs j set credit_hold_id = v_hold.id where j.id = v_job.id returning * into v_job;
  perform private.enqueue_generation_job(v_job);

  return private.idempotency_finish(p_idempotency_key, jsonb_build_object(
    'story_id', v_story_id, 'job_id', v_job.id, 'status', v_job.status, 'credits', v_model.story_credits));
end;
$$;
comment on function private.create_story(jsonb, text) is 'Family member, idempotent per client key: one transaction creates the story (generating), its cast, the new_story job, the credit hold and the worker''s job. Request: {templateId|prompt, characterIds, themeId, moralId?, ageBand, length, modelId, illustrate?, seed?}.';

create function private.continue_story(p_choice_id uuid, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.family_members%rowtype;
  v_stored jsonb;
  v_choice public.story_choices%rowtype;
  v_story public.stories%rowtype;
  v_model public.generation_models%rowtype;
  v_job public.generation_jobs%rowtype;
  v_hold public.credit_holds%rowtype;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if not found then
    perform private.raise_error('TF403', 'not_a_family_member');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'continue_story', jsonb_build_object('choice_id', p_choice_id));
  if v_stored is not null then
    return v_stored;
  end if;
  select * into v_choice from public.story_choices c where c.id = p_choice_id;
  if found then
    -- The story row serialises explorations of its choices.
    select * into v_story from public.stories s where s.id = v_choice.story_id for update;
  end if;
  if v_story.id is null or v_story.family_id is distinct from v_member.family_id or v_story.deleted_at is not null then
    perform private.raise_error('TF403', 'story_not_in_family');
  end if;
  -- A child explores only what they may read: their band and below, not a sibling's private story.
  if v_member.role = 'child' and (
       v_story.age_band > (select pc.age_band from public.parental_controls pc where pc.child_id = v_user_id)
       or (v_story.visibility = 'private' and v_story.author_id is distinct from v_user_id)) then
    perform private.raise_error('TF403', 'story_not_in_family');
  end if;
  if v_story.status <> 'ready' then
    perform private.raise_error('TF409', 'story_not_ready');
  end if;
  -- Someone already asked for this choice: everyone gets that job (no second charge).
  select * into v_job from public.generation_jobs j
   where j.choice_id = p_choice_id and j.kind = 'continue_branch' and j.status in ('pending', 'processing');
  if found then
    return private.idempotency_finish(p_idempotency_key, jsonb_build_object(
      'story_id', v_story.id, 'job_id', v_job.id, 'status', v_job.status, 'credits', 0));
  end if;
  if v_choice.to_segment_id is not null then
    perform private.raise_error('TF409', 'choice_already_explored');
  end if;
  select * into v_model from public.generation_models m
   where m.id = coalesce(v_story.model_id, (select b.id from public.generation_models b where b.slug = 'builtin'));
  if not v_model.available then
    perform private.raise_error('TF400', 'model_unavailable');
  end if;
  if v_member.role = 'child' then
    perform private.check_child_generation(v_user_id, v_member.family_id, v_model.branch_credits);
  end if;
  insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, choice_id, params, credits_reserved)
  values (v_member.family_id, v_story.id, 'continue_branch', v_user_id, v_model.id, p_choice_id,
          jsonb_build_object('seed', floor(random() * 2147483647)::bigint, 'illustrate', true), v_model.branch_credits)
  returning * into v_job;
  v_hold := private.reserve_credits(v_member.family_id, v_job.id, v_model.branch_credits, v_user_id);
  update public.generation_jobs j set credit_hold_id = v_hold.id where j.id = v_job.id returning * into v_job;
  perform private.enqueue_generation_job(v_job);
  return private.idempotency_finish(p_idempotency_key, jsonb_build_object(
    'story_id', v_story.id, 'job_id', v_job.id, 'status', v_job.status, 'credits', v_model.branch_credits));
end;
$$;
comment on function private.continue_story(uuid, text) is 'Family member, idempotent per client key: a continue_branch job (credit hold, worker job) for an unexplored choice of one of the family''s stories; a choice with an open job returns that job.';

create function private.retry_generation_job(p_job_id uuid, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_stored jsonb;
  v_old public.generation_jobs%rowtype;
  v_job public.generation_jobs%rowtype;
  v_hold public.credit_holds%rowtype;
begin
  select * into v_old from public.generation_jobs j where j.id = p_job_id;
  if not found or v_old.family_id is null
     or (v_old.requested_by is distinct from v_user_id and not private.is_family_parent(v_old.family_id)) then
    perform private.raise_error('TF403', 'job_not_found');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'retry_generation_job', jsonb_build_object('job_id', p_job_id));
  if v_stored is not null then
    return v_stored;
  end if;
  if v_old.status <> 'failed' or v_old.kind not in ('new_story', 'continue_branch') then
    perform private.raise_error('TF409', 'job_not_retryable');
  end if;
  perform 1 from public.stories s where s.id = v_old.story_id for update;
  if exists (select 1 from public.generation_jobs j
              where j.story_id = v_old.story_id and j.kind = v_old.kind and j.status in ('pending', 'processing')
                and j.choice_id is not distinct from v_old.choice_id) then
    perform private.raise_error('TF409', 'job_already_running');
  end if;
  if v_old.kind = 'continue_branch'
     and (select c.to_segment_id from public.story_choices c where c.id = v_old.choice_id) is not null then
    perform private.raise_error('TF409', 'choice_already_explored');
  end if;
  if (select fm.role from public.family_members fm where fm.user_id = v_user_id) = 'child' then
    perform private.check_child_generation(v_user_id, v_old.family_id, v_old.credits_reserved);
  end if;
  insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, choice_id, params, credits_reserved)
  values (v_old.family_id, v_old.story_id, v_old.kind, v_user_id, v_old.model_id, v_old.choice_id,
          v_old.params || jsonb_build_object('retry_of', v_old.id), v_old.credits_reserved)
  returning * into v_job;
  if v_job.credits_reserved > 0 then
    v_hold := private.reserve_credits(v_job.family_id, v_job.id, v_job.credits_reserved, v_user_id);
    update public.generation_jobs j set credit_hold_id = v_hold.id where j.id = v_job.id returning * into v_job;
  end if;
  if v_job.kind = 'new_story' then
    update public.stories s set status = 'generating' where s.id = v_job.story_id;
  end if;
  perform private.enqueue_generation_job(v_job);
  return private.idempotency_finish(p_idempotency_key, jsonb_build_object(
    'story_id', v_job.story_id, 'job_id', v_job.id, 'status', v_job.status, 'credits', v_job.credits_reserved));
end;
$$;
comment on function private.retry_generation_job(uuid, text) is 'The requester or a parent of the family, idempotent per client key: a failed new-story or continuation job again, as a new job with a new credit hold.';

-- The worker's side ------------------------------------------------------------------------------------

-- Takes a job for a run: null when there is nothing to do (finished, failed or swept). Otherwise marks
-- it processing and returns what the worker needs: the job, the story (engine JSON) and the model.
create function private.start_generation_job(p_job_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype;
  v_model public.generation_models%rowtype;
begin
  select * into v_job from public.generation_jobs j where j.id = p_job_id for update;
  if not found or v_job.status in ('completed', 'failed') then
    return null;
  end if;
  update public.generation_jobs j
     set status = 'processing', attempts = j.attempts + 1, started_at = coalesce(j.started_at, now()),
         heartbeat_at = now(), progress = greatest(j.progress, 5)
   where j.id = p_job_id
  returning * into v_job;
  select * into v_model from public.generation_models m where m.id = v_job.model_id;
  return (
    select jsonb_build_object(
      'job', to_jsonb(v_job),
      'model', jsonb_build_object('slug', v_model.slug, 'provider', v_model.provider, 'provider_model_id', v_model.provider_model_id),
      'story_id', s.id,
      'family_id', s.family_id,
      'story', private.story_as_engine_json(s.id),
      -- The engine's StoryRequest for a new story (and for rewriting a story from its first page).
      'request', jsonb_build_object(
        'ageBand', s.age_band, 'length', s.length, 'templateId', t.slug, 'prompt', s.prompt,
        'characters', coalesce((select jsonb_agg(jsonb_build_object('id', c.key, 'name', c.name, 'kind', c.kind,
                                  'pronoun', c.pronoun, 'traits', to_jsonb(c.traits), 'look', c.look) order by c.position)
                                  from public.story_characters c where c.story_id = s.id), '[]'::jsonb),
        'themeId', th.slug, 'moralId', s.moral_slug, 'seed', coalesce((v_job.params ->> 'seed')::bigint, 0)),
      'choice_key', (select c.key from public.story_choices c where c.id = v_job.choice_id),
      'segment_key', (select g.key from public.story_segments g where g.id = v_job.segment_id),
      'missing_illustrations', coalesce((select jsonb_agg(g.key order by g.depth, g.key) from public.story_segments g
                                          where g.story_id = s.id and g.illustration_path is null), '[]'::jsonb)
    )
      from public.stories s
      join public.themes th on th.id = s.theme_id
      left join public.story_templates t on t.id = s.template_id
     where s.id = v_job.story_id
  );
end;
$$;
comment on function private.start_generation_job(uuid) is 'Worker: marks a pending (or retried) job processing and returns {job, model, story_id, family_id, story (engine JSON), request (engine StoryRequest), choice_key, segment_key, missing_illustrations}; null when it is finished or failed.';

create function private.report_job_progress(p_job_id uuid, p_progress int)
returns boolean
language sql
security definer
set search_path = ''
as $$
  with moved as (
    update public.generation_jobs j
       set progress = greatest(j.progress, least(greatest(p_progress, 0), 99)), heartbeat_at = now()
     where j.id = p_job_id and j.status = 'processing'
    returning 1
  )
  select exists (select 1 from moved);
$$;
comment on function private.report_job_progress(uuid, int) is 'Worker: a job''s progress (never backwards, at most 99 until it completes) and heartbeat; false when the job is no longer processing (then the worker stops).';

-- Locks a job that a worker is about to finish; raises job_not_running when it was failed meanwhile.
create function private.lock_running_job(p_job_id uuid)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype;
begin
  select * into v_job from public.generation_jobs j where j.id = p_job_id for update;
  if not found or v_job.status <> 'processing' then
    perform private.raise_error('TF409', 'job_not_running');
  end if;
  return v_job;
end;
$$;
comment on function private.lock_running_job(uuid) is 'Worker: locks a processing job before completing it; job_not_running when it finished or failed (swept) in the meantime.';

-- Marks a locked job completed and charges its hold.
create function private.finish_job(p_job public.generation_jobs, p_provider_job_id text)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype;
begin
  if p_job.credits_reserved > 0 then
    perform private.capture_credits(p_job.id);
  end if;
  update public.generation_jobs j
     set status = 'completed', progress = 100, finished_at = now(), heartbeat_at = now(),
         provider_job_id = coalesce(p_provider_job_id, j.provider_job_id)
   where j.id = p_job.id
  returning * into v_job;
  return v_job;
end;
$$;
comment on function private.finish_job(public.generation_jobs, text) is 'Worker: completes a locked job (progress 100) and captures its credits.';

-- Picture paths written by the worker: {segment key: object path}.
create function private.set_illustrations(p_story_id uuid, p_illustrations jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if p_illustrations is null or jsonb_typeof(p_illustrations) <> 'object' then
    return;
  end if;
  update public.story_segments g set illustration_path = i.value
    from jsonb_each_text(p_illustrations) i
   where g.story_id = p_story_id and g.key = i.key;
  update public.stories s
     set cover_path = (select g.illustration_path from public.story_segments g where g.id = s.start_segment_id)
   where s.id = p_story_id and s.cover_path is null;
end;
$$;
comment on function private.set_illustrations(uuid, jsonb) is 'Worker: stores where each page''s picture is ({segment key: path}); the start page''s picture becomes the cover.';

create function private.complete_new_story(
  p_job_id uuid,
  p_story jsonb,
  p_illustrations jsonb default '{}'::jsonb,
  p_provider_job_id text default null
)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype := private.lock_running_job(p_job_id);
begin
  if v_job.kind <> 'new_story' then
    perform private.raise_error('TF409', 'job_not_running');
  end if;
  if exists (select 1 from public.story_segments g where g.story_id = v_job.story_id) then
    perform private.raise_error('TF409', 'story_already_written');
  end if;
  update public.stories s
     set title = left(coalesce(nullif(btrim(p_story ->> 'title'), ''), s.title), 120),
         summary = left(coalesce(p_story ->> 'summary', ''), 600),
         moral_slug = coalesce(p_story ->> 'moralId', s.moral_slug),
         path_length = (p_story ->> 'pathLength')::int,
         context = coalesce(p_story -> 'context', '{}'::jsonb)
   where s.id = v_job.story_id;
  perform private.write_story_pages(v_job.story_id, p_story -> 'segments', p_story -> 'choices', p_story ->> 'startSegmentId');
  perform private.set_illustrations(v_job.story_id, p_illustrations);
  update public.stories s set status = 'ready' where s.id = v_job.story_id;
  return private.finish_job(v_job, p_provider_job_id);
end;
$$;
comment on function private.complete_new_story(uuid, jsonb, jsonb, text) is 'Worker: writes a new story''s pages (checked graph), its pictures and title, marks it ready, completes the job and captures its credits, in one transaction.';

create function private.complete_branch(
  p_job_id uuid,
  p_segments jsonb,
  p_choices jsonb,
  p_illustrations jsonb default '{}'::jsonb,
  p_provider_job_id text default null
)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype := private.lock_running_job(p_job_id);
begin
  if v_job.kind <> 'continue_branch' then
    perform private.raise_error('TF409', 'job_not_running');
  end if;
  perform 1 from public.stories s where s.id = v_job.story_id for update;
  if (select c.to_segment_id from public.story_choices c where c.id = v_job.choice_id) is not null then
    perform private.raise_error('TF409', 'choice_already_explored');
  end if;
  perform private.write_story_pages(v_job.story_id, p_segments, p_choices);
  if (select c.to_segment_id from public.story_choices c where c.id = v_job.choice_id) is null then
    perform private.raise_error('TF400', 'story_pages_invalid');
  end if;
  perform private.set_illustrations(v_job.story_id, p_illustrations);
  return private.finish_job(v_job, p_provider_job_id);
end;
$$;
comment on function private.complete_branch(uuid, jsonb, jsonb, jsonb, text) is 'Worker: writes the pages behind the job''s choice (checked graph) and their pictures, completes the job and captures its credits, in one transaction.';

create function private.complete_illustrations(p_job_id uuid, p_illustrations jsonb)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype := private.lock_running_job(p_job_id);
begin
  perform private.set_illustrations(v_job.story_id, p_illustrations);
  return private.finish_job(v_job, null);
end;
$$;
comment on function private.complete_illustrations(uuid, jsonb) is 'Worker: stores the pictures an illustrate job drew and completes it.';

-- Fails a job once: releases its credits (released exactly once: release_credits is idempotent and
-- the ledger allows one settlement per job), marks a new story failed. A completed job stays completed.
create function private.fail_generation_job(p_job_id uuid, p_error_code text, p_details jsonb default null)
returns public.generation_jobs
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job public.generation_jobs%rowtype;
begin
  select * into v_job from public.generation_jobs j where j.id = p_job_id for update;
  if not found or v_job.status in ('completed', 'failed') then
    return v_job;
  end if;
  if v_job.credits_reserved > 0 then
    perform private.release_credits(v_job.id, left('story job failed: ' || coalesce(p_error_code, 'failed'), 200));
  end if;
  update public.generation_jobs j
     set status = 'failed', finished_at = now(), error_code = left(coalesce(nullif(p_error_code, ''), 'failed'), 64),
         error_details = p_details
   where j.id = p_job_id
  returning * into v_job;
  if v_job.kind = 'new_story' then
    update public.stories s set status = 'failed' where s.id = v_job.story_id and s.status = 'generating';
  end if;
  return v_job;
end;
$$;
comment on function private.fail_generation_job(uuid, text, jsonb) is 'Worker and sweeper: fails an open job (error code and details), releases its credits once and marks a new story failed; a finished job is returned unchanged.';

-- Between two attempts of the worker's job: back to pending with the error so far (progress kept).
create function private.defer_generation_job(p_job_id uuid, p_error_code text)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.generation_jobs j
     set status = 'pending', heartbeat_at = now(), error_details = jsonb_build_object('last_error', p_error_code)
   where j.id = p_job_id and j.status = 'processing';
$$;
comment on function private.defer_generation_job(uuid, text) is 'Worker: an attempt failed in a way worth retrying; the job waits (pending) for graphile-worker''s next attempt.';

create function private.sweep_stuck_generation_jobs(
  p_processing_limit interval default interval '5 minutes',
  p_pending_limit interval default interval '30 minutes'
)
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_id uuid;
  v_count int := 0;
begin
  for v_id in
    select j.id from public.generation_jobs j
     where (j.status = 'processing' and j.heartbeat_at < now() - p_processing_limit)
        or (j.status = 'pending' and coalesce(j.heartbeat_at, j.created_at) < now() - p_pending_limit)
     order by j.created_at
  loop
    perform private.fail_generation_job(v_id, 'timed_out', jsonb_build_object('swept_at', now()));
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.sweep_stuck_generation_jobs(interval, interval) is 'Worker task (periodic): fails jobs whose worker fell silent (processing, no heartbeat for p_processing_limit) or that never started (pending for p_pending_limit), releasing their credits. Returns how many.';

-- Pictures for stories written without a worker (the seed's library): one free illustrate job per story
-- with pages lacking a picture and no open illustrate job.
create function private.queue_missing_illustrations()
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story record;
  v_job public.generation_jobs%rowtype;
  v_count int := 0;
begin
  for v_story in
    select s.id, s.family_id, s.model_id from public.stories s
     where s.status = 'ready'
       and exists (select 1 from public.story_segments g where g.story_id = s.id and g.illustration_path is null)
       and not exists (select 1 from public.generation_jobs j
                        where j.story_id = s.id and j.kind = 'illustrate' and j.status in ('pending', 'processing'))
  loop
    insert into public.generation_jobs (family_id, story_id, kind, model_id, params)
    values (v_story.family_id, v_story.id, 'illustrate',
            coalesce(v_story.model_id, (select m.id from public.generation_models m where m.slug = 'builtin')), '{}'::jsonb)
    returning * into v_job;
    perform private.enqueue_generation_job(v_job);
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.queue_missing_illustrations() is 'Worker task (at start and periodically): an illustrate job for every ready story with pages still lacking a picture. Returns how many it queued.';

-- Stories written outside a job (the seed's library and demo family, tests): the engine's Story JSON
-- stored through the same checked writer the jobs use. The cast are copies of the JSON's characters
-- (linked to library characters by slug).
create function private.import_story(
  p_story jsonb,
  p_family_id uuid,
  p_author_id uuid,
  p_visibility public.story_visibility,
  p_story_id uuid default null,
  p_model_slug text default 'builtin'
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story_id uuid;
begin
  insert into public.stories (id, family_id, author_id, title, summary, age_band, length, theme_id, moral_slug, template_id,
                              prompt, model_id, visibility, status, path_length, context, published_at)
  select coalesce(p_story_id, gen_random_uuid()), p_family_id, p_author_id, p_story ->> 'title', coalesce(p_story ->> 'summary', ''),
         (p_story ->> 'ageBand')::public.age_band, (p_story ->> 'length')::public.story_length, th.id, p_story ->> 'moralId',
         t.id, p_story -> 'context' ->> 'prompt', m.id, p_visibility, 'ready', (p_story ->> 'pathLength')::int,
         p_story -> 'context', case when p_visibility = 'public' then now() end
    from public.themes th
    left join public.story_templates t on t.slug = p_story ->> 'templateId'
    left join public.generation_models m on m.slug = p_model_slug
   where th.slug = p_story ->> 'themeId'
  returning id into v_story_id;
  if v_story_id is null then
    perform private.raise_error('TF400', 'unknown_theme');
  end if;
  insert into public.story_characters (story_id, character_id, key, position, name, kind, pronoun, traits, look)
  select v_story_id, lib.id, c.value ->> 'id', c.ordinality::int - 1, c.value ->> 'name', c.value ->> 'kind',
         (c.value ->> 'pronoun')::public.character_pronoun,
         array(select jsonb_array_elements_text(c.value -> 'traits'))::public.character_trait[], c.value -> 'look'
    from jsonb_array_elements(p_story -> 'characters') with ordinality c
    left join public.characters lib on lib.slug = c.value ->> 'id' and lib.family_id is null;
  perform private.write_story_pages(v_story_id, p_story -> 'segments', p_story -> 'choices', p_story ->> 'startSegmentId');
  return v_story_id;
end;
$$;
comment on function private.import_story(jsonb, uuid, uuid, public.story_visibility, uuid, text) is 'Seed and tests: stores a story the engine wrote (its Story JSON) as ready, with its cast, through the checked page writer. Pictures follow from an illustrate job (queue_missing_illustrations).';

revoke execute on function private.story_as_engine_json(uuid), private.check_child_generation(uuid, uuid, int),
  private.enqueue_generation_job(public.generation_jobs), private.create_story(jsonb, text),
  private.continue_story(uuid, text), private.retry_generation_job(uuid, text), private.start_generation_job(uuid),
  private.report_job_progress(uuid, int), private.lock_running_job(uuid),
  private.finish_job(public.generation_jobs, text), private.set_illustrations(uuid, jsonb),
  private.complete_new_story(uuid, jsonb, jsonb, text), private.complete_branch(uuid, jsonb, jsonb, jsonb, text),
  private.complete_illustrations(uuid, jsonb), private.fail_generation_job(uuid, text, jsonb),
  private.defer_generation_job(uuid, text), private.sweep_stuck_generation_jobs(interval, interval),
  private.queue_missing_illustrations(), private.import_story(jsonb, uuid, uuid, public.story_visibility, uuid, text)
  from public;
grant execute on function private.create_story(jsonb, text), private.continue_story(uuid, text),
  private.retry_generation_job(uuid, text) to authenticated;

create function public.create_story(p_request jsonb, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.create_story(p_request, p_idempotency_key); $$;
comment on function public.create_story(jsonb, text) is 'Family member, idempotent per client key (16-255 chars): orders a new story: {story_id, job_id, status, credits}. Follow the job on job:<job_id>.';

create function public.continue_story(p_choice_id uuid, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.continue_story(p_choice_id, p_idempotency_key); $$;
comment on function public.continue_story(uuid, text) is 'Family member, idempotent per client key: writes what lies behind an unexplored choice of a family story (a job): {story_id, job_id, status, credits}.';

create function public.retry_generation_job(p_job_id uuid, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.retry_generation_job(p_job_id, p_idempotency_key); $$;
comment on function public.retry_generation_job(uuid, text) is 'The requester or a parent: runs a failed story job again (a new job and credit hold).';

revoke execute on function public.create_story(jsonb, text), public.continue_story(uuid, text),
  public.retry_generation_job(uuid, text) from public, anon;
grant execute on function public.create_story(jsonb, text), public.continue_story(uuid, text),
  public.retry_generation_job(uuid, text) to authenticated;
