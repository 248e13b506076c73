-- Why: a family that loves a public story wants its own copy to explore further: "remix" copies a
-- public story — its cast, every page and choice, its engine context — into the caller's family as a
-- family story with forked_from set. The rule on credits is the simplest honest one: a remix is free,
-- because nothing new is written; exploring the copy's unexplored choices later costs what it always
-- does. The copy's pictures are drawn again by a free illustrate job into the family's own folder, so
-- the copy keeps them when the original leaves the public library. Only a parent remixes (it adds to
-- the family's library); it is idempotent per client key, so a double click makes one copy. A story
-- with a reported page waiting for its rewrite cannot be copied (the copy would carry the page).

create function private.remix_story(p_story_id uuid, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.family_members%rowtype;
  v_stored jsonb;
  v_source public.stories%rowtype;
  v_model_slug text;
  v_copy_id uuid;
  v_job public.generation_jobs%rowtype;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if not found then
    perform private.raise_error('TF403', 'not_a_family_member');
  end if;
  if v_member.role <> 'parent' then
    perform private.raise_error('TF403', 'not_a_parent');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'remix_story', jsonb_build_object('story_id', p_story_id));
  if v_stored is not null then
    return v_stored;
  end if;
  select * into v_source from public.stories s where s.id = p_story_id for share;
  if not found or v_source.visibility <> 'public' or v_source.status <> 'ready' or v_source.deleted_at is not null then
    perform private.raise_error('TF403', 'story_not_found');
  end if;
  if exists (select 1 from public.story_segments g where g.story_id = p_story_id and g.hidden_at is not null) then
    perform private.raise_error('TF409', 'story_under_review');
  end if;
  select m.slug into v_model_slug from public.generation_models m where m.id = v_source.model_id;
  -- The same checked writer the seed uses: the graph is validated again before this commits.
  v_copy_id := private.import_story(private.story_as_engine_json(p_story_id), v_member.family_id, v_user_id, 'family',
                                    null, coalesce(v_model_slug, 'builtin'));
  update public.stories s set forked_from = p_story_id where s.id = v_copy_id;
  insert into public.generation_jobs (family_id, story_id, kind, requested_by, model_id, params)
  select v_member.family_id, v_copy_id, 'illustrate', v_user_id, s.model_id, '{}'::jsonb
    from public.stories s where s.id = v_copy_id and s.model_id is not null
  returning * into v_job;
  if v_job.id is not null then
    perform private.enqueue_generation_job(v_job);
  end if;
  return private.idempotency_finish(p_idempotency_key, jsonb_build_object(
    'story_id', v_copy_id, 'forked_from', p_story_id, 'job_id', v_job.id, 'credits', 0));
end;
$$;
comment on function private.remix_story(uuid, text) is 'A parent, idempotent per client key: copies a public story (cast, pages, choices, context) into the family as a family story with forked_from, for free, and queues a free illustrate job for its pictures.';

revoke execute on function private.remix_story(uuid, text) from public;
grant execute on function private.remix_story(uuid, text) to authenticated;

create function public.remix_story(p_story_id uuid, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.remix_story(p_story_id, p_idempotency_key); $$;
comment on function public.remix_story(uuid, text) is 'A parent: copies a public story into the family for free: {story_id, forked_from, job_id, credits: 0}.';

revoke execute on function public.remix_story(uuid, text) from public, anon;
grant execute on function public.remix_story(uuid, text) to authenticated;
