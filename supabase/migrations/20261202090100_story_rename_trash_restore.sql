-- Why: a family keeps its library tidy: rename a story, move it to the trash and bring it back, and
-- choose who in the family reads it (private or family). Who may:
--   rename, trash, private/family: the story's author (a child too, for their own story) or a parent of
--     the story's family;
--   restore: a parent only — the trash is the parents' (RLS hides trashed stories from children), so a
--     child's "delete" is undone by a grown-up, never lost.
-- A public story keeps the title a moderator approved: take it back to the family first to rename it
-- (and ask again). Going to the trash withdraws a waiting public request. Each function locks the
-- story row, so two tabs cannot interleave.

-- The story, locked, when the caller may manage it; raises otherwise.
create function private.story_to_manage(p_story_id uuid)
returns public.stories
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story public.stories%rowtype;
begin
  select * into v_story from public.stories s where s.id = p_story_id for update;
  if not found or v_story.family_id is null or not private.is_family_member(v_story.family_id) then
    perform private.raise_error('TF403', 'story_not_in_family');
  end if;
  if not private.is_family_parent(v_story.family_id) and v_story.author_id is distinct from (select auth.uid()) then
    perform private.raise_error('TF403', 'not_story_author');
  end if;
  return v_story;
end;
$$;
comment on function private.story_to_manage(uuid) is 'The story, locked for update, when the caller is its author or a parent of its family: story_not_in_family (another family''s, a library story, none), not_story_author (a sibling''s).';

create function private.rename_story(p_story_id uuid, p_title text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_title text := btrim(regexp_replace(coalesce(p_title, ''), '\s+', ' ', 'g'));
  v_story public.stories%rowtype;
begin
  if char_length(v_title) not between 1 and 120 then
    perform private.raise_error('TF400', 'story_title_length', '{"min":1,"max":120}');
  end if;
  v_story := private.story_to_manage(p_story_id);
  if v_story.deleted_at is not null then
    perform private.raise_error('TF409', 'story_in_trash');
  end if;
  if v_story.visibility = 'public' then
    perform private.raise_error('TF409', 'story_is_public');
  end if;
  if exists (select 1 from public.story_public_requests r where r.story_id = p_story_id and r.status = 'pending') then
    perform private.raise_error('TF409', 'story_public_request_pending');
  end if;
  update public.stories s set title = v_title where s.id = p_story_id;
  return jsonb_build_object('story_id', p_story_id, 'title', v_title);
end;
$$;
comment on function private.rename_story(uuid, text) is 'The author or a parent: a new title (spaces collapsed, 1-120 characters); not in the trash, not while public or waiting for a moderator.';

create function private.trash_story(p_story_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story public.stories%rowtype := private.story_to_manage(p_story_id);
begin
  if v_story.deleted_at is not null then
    perform private.raise_error('TF409', 'story_already_in_trash');
  end if;
  if v_story.status = 'generating' then
    perform private.raise_error('TF409', 'story_not_ready');
  end if;
  update public.story_public_requests r set status = 'withdrawn' where r.story_id = p_story_id and r.status = 'pending';
  update public.stories s set deleted_at = now() where s.id = p_story_id returning * into v_story;
  return jsonb_build_object('story_id', p_story_id, 'deleted_at', v_story.deleted_at);
end;
$$;
comment on function private.trash_story(uuid) is 'The author or a parent: moves a story to the trash (soft delete; hidden from children and the library) and withdraws a waiting public request. Not while its first job runs.';

create function private.restore_story(p_story_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story public.stories%rowtype := private.story_to_manage(p_story_id);
begin
  if not private.is_family_parent(v_story.family_id) then
    perform private.raise_error('TF403', 'not_parent_of_family');
  end if;
  if v_story.deleted_at is null then
    perform private.raise_error('TF409', 'story_not_in_trash');
  end if;
  update public.stories s set deleted_at = null where s.id = p_story_id;
  return jsonb_build_object('story_id', p_story_id, 'deleted_at', null);
end;
$$;
comment on function private.restore_story(uuid) is 'A parent of the story''s family: takes a story out of the trash, as it was.';

create function private.set_story_visibility(p_story_id uuid, p_visibility public.story_visibility)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story public.stories%rowtype;
begin
  if p_visibility is null then
    perform private.raise_error('TF400', 'story_visibility_missing');
  end if;
  if p_visibility = 'public' then
    perform private.raise_error('TF400', 'story_public_needs_review');
  end if;
  v_story := private.story_to_manage(p_story_id);
  if v_story.deleted_at is not null then
    perform private.raise_error('TF409', 'story_in_trash');
  end if;
  -- Back from public: it leaves the public library now; a waiting request is withdrawn.
  update public.story_public_requests r set status = 'withdrawn' where r.story_id = p_story_id and r.status = 'pending';
  update public.stories s
     set visibility = p_visibility, published_at = null
   where s.id = p_story_id;
  return jsonb_build_object('story_id', p_story_id, 'visibility', p_visibility);
end;
$$;
comment on function private.set_story_visibility(uuid, public.story_visibility) is 'The author or a parent: private (the author and the parents) or family (the whole family); public only through a moderator (story_public_needs_review). Withdraws a waiting public request.';

revoke execute on function private.story_to_manage(uuid), private.rename_story(uuid, text), private.trash_story(uuid),
  private.restore_story(uuid), private.set_story_visibility(uuid, public.story_visibility) from public;
grant execute on function private.rename_story(uuid, text), private.trash_story(uuid), private.restore_story(uuid),
  private.set_story_visibility(uuid, public.story_visibility) to authenticated;

create function public.rename_story(p_story_id uuid, p_title text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.rename_story(p_story_id, p_title); $$;
comment on function public.rename_story(uuid, text) is 'The author or a parent: renames a family story: {story_id, title}.';

create function public.trash_story(p_story_id uuid)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.trash_story(p_story_id); $$;
comment on function public.trash_story(uuid) is 'The author or a parent: moves a family story to the trash: {story_id, deleted_at}.';

create function public.restore_story(p_story_id uuid)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.restore_story(p_story_id); $$;
comment on function public.restore_story(uuid) is 'A parent: takes a family story out of the trash: {story_id, deleted_at}.';

create function public.set_story_visibility(p_story_id uuid, p_visibility public.story_visibility)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.set_story_visibility(p_story_id, p_visibility); $$;
comment on function public.set_story_visibility(uuid, public.story_visibility) is 'The author or a parent: private or family (public needs request_story_public): {story_id, visibility}.';

revoke execute on function public.rename_story(uuid, text), public.trash_story(uuid), public.restore_story(uuid),
  public.set_story_visibility(uuid, public.story_visibility) from public, anon;
grant execute on function public.rename_story(uuid, text), public.trash_story(uuid), public.restore_story(uuid),
  public.set_story_visibility(uuid, public.story_visibility) to authenticated;
