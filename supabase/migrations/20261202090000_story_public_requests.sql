-- Why: a family may want to share a story with everyone, but nothing a family wrote reaches other
-- families' children unread. "Request public" files a request in the moderation queue; a moderator
-- (private.moderators) reads the story and approves it (it becomes public) or rejects it with a note.
-- Only a parent of the story's family asks; only a moderator decides; each request is answered once
-- and the family's audit trail keeps who asked and who decided. While a request waits, moderators read
-- the story (RLS), and the pictures of a public family story are readable by everyone who may read the
-- story (they live in the family's private folder).

create type public.story_public_request_status as enum ('pending', 'approved', 'rejected', 'withdrawn');
comment on type public.story_public_request_status is 'A request to make a story public: waiting for a moderator, approved (the story is public), rejected (with a note), or withdrawn (the story went to the trash or back to the family).';

create table public.story_public_requests (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  family_id uuid not null references public.families (id) on delete cascade,
  requested_by uuid references auth.users (id) on delete set null,
  status public.story_public_request_status not null default 'pending',
  review_note text check (char_length(review_note) <= 500),
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint story_public_requests_reviewed check ((status in ('approved', 'rejected')) = (reviewed_at is not null))
);
comment on table public.story_public_requests is 'The moderation queue for public stories: a parent asks (request_story_public), a moderator answers once (review_story_public_request). Read by the family''s parents and moderators.';
comment on column public.story_public_requests.review_note is 'What the moderator told the family (why not, mostly).';

-- One open request per story at a time.
create unique index idx_story_public_requests_story_id_pending on public.story_public_requests (story_id) where status = 'pending';
create index idx_story_public_requests_story_id on public.story_public_requests (story_id);
create index idx_story_public_requests_status_created_at on public.story_public_requests (status, created_at) where status = 'pending';
create index idx_story_public_requests_family_id_created_at on public.story_public_requests (family_id, created_at desc);
create index idx_story_public_requests_requested_by on public.story_public_requests (requested_by);
create index idx_story_public_requests_reviewed_by on public.story_public_requests (reviewed_by);

create trigger set_story_public_requests_updated_at
before update on public.story_public_requests
for each row execute function public.set_updated_at();

create trigger audit_story_public_requests
after insert or update or delete on public.story_public_requests
for each row execute function audit.record_change('family_id');

revoke all on table public.story_public_requests from anon, authenticated, service_role;
grant select on table public.story_public_requests to authenticated, service_role;
alter table public.story_public_requests enable row level security;

create policy "Parents and moderators can read public story requests"
on public.story_public_requests
for select
to authenticated
using (family_id = (select private.my_parent_family_id()) or (select private.is_moderator()));

-- The story must be the caller's family's, ready and not in the trash; only a parent asks.
create function private.request_story_public(p_story_id uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_story public.stories%rowtype;
  v_request public.story_public_requests%rowtype;
begin
  select * into v_story from public.stories s where s.id = p_story_id for update;
  if not found or v_story.family_id is null or not private.is_family_member(v_story.family_id) then
    perform private.raise_error('TF403', 'story_not_in_family');
  end if;
  if not private.is_family_parent(v_story.family_id) then
    perform private.raise_error('TF403', 'not_parent_of_family');
  end if;
  if v_story.deleted_at is not null then
    perform private.raise_error('TF409', 'story_in_trash');
  end if;
  if v_story.status <> 'ready' then
    perform private.raise_error('TF409', 'story_not_ready');
  end if;
  if v_story.visibility = 'public' then
    perform private.raise_error('TF409', 'story_already_public');
  end if;
  if exists (select 1 from public.story_public_requests r where r.story_id = p_story_id and r.status = 'pending') then
    perform private.raise_error('TF409', 'story_public_request_pending');
  end if;
  insert into public.story_public_requests (story_id, family_id, requested_by)
  values (p_story_id, v_story.family_id, (select auth.uid()))
  returning * into v_request;
  return jsonb_build_object('request_id', v_request.id, 'status', v_request.status);
end;
$$;
comment on function private.request_story_public(uuid) is 'A parent of the story''s family: files a pending request to make a ready story public (one open request per story).';

create function private.review_story_public_request(p_request_id uuid, p_approve boolean, p_note text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_request public.story_public_requests%rowtype;
  v_note text := nullif(btrim(coalesce(p_note, '')), '');
begin
  if not private.is_moderator() then
    perform private.raise_error('TF403', 'not_a_moderator');
  end if;
  if p_approve is null then
    perform private.raise_error('TF400', 'decision_missing');
  end if;
  if char_length(v_note) > 500 then
    perform private.raise_error('TF400', 'message_too_long', '{"max":500}');
  end if;
  select * into v_request from public.story_public_requests r where r.id = p_request_id for update;
  if not found then
    perform private.raise_error('TF403', 'public_request_not_found');
  end if;
  if v_request.status <> 'pending' then
    perform private.raise_error('TF409', 'request_already_answered');
  end if;
  update public.story_public_requests r
     set status = case when p_approve then 'approved' else 'rejected' end::public.story_public_request_status,
         review_note = v_note, reviewed_by = (select auth.uid()), reviewed_at = now()
   where r.id = p_request_id
  returning * into v_request;
  if p_approve then
    update public.stories s set visibility = 'public', published_at = now() where s.id = v_request.story_id;
  end if;
  return jsonb_build_object('request_id', v_request.id, 'status', v_request.status, 'story_id', v_request.story_id);
end;
$$;
comment on function private.review_story_public_request(uuid, boolean, text) is 'A moderator: approves (the story becomes public) or rejects (with an optional note) a pending request, once.';

revoke execute on function private.request_story_public(uuid), private.review_story_public_request(uuid, boolean, text)
  from public;
grant execute on function private.request_story_public(uuid), private.review_story_public_request(uuid, boolean, text)
  to authenticated;

create function public.request_story_public(p_story_id uuid)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.request_story_public(p_story_id); $$;
comment on function public.request_story_public(uuid) is 'A parent: asks a moderator to make one of the family''s stories public: {request_id, status}.';

create function public.review_story_public_request(p_request_id uuid, p_approve boolean, p_note text default null)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.review_story_public_request(p_request_id, p_approve, p_note); $$;
comment on function public.review_story_public_request(uuid, boolean, text) is 'A moderator: approves or rejects a public story request: {request_id, status, story_id}.';

-- The app shows the moderation queue's link to moderators only.
create function public.is_moderator()
returns boolean
language sql
stable
security invoker
set search_path = ''
as $$ select private.is_moderator(); $$;
comment on function public.is_moderator() is 'True when the signed-in user is a moderator.';

revoke execute on function public.request_story_public(uuid), public.review_story_public_request(uuid, boolean, text),
  public.is_moderator() from public, anon;
grant execute on function public.request_story_public(uuid), public.review_story_public_request(uuid, boolean, text),
  public.is_moderator() to authenticated;

-- Moderators read a story while its request waits (and so its pages, choices and cast, whose policies
-- follow the story's). One policy per operation, so the rule is the old one plus that clause.
drop policy "Readers can read the public, family and own stories their age band allows" on public.stories;
create policy "Readers can read the public, family and own stories their age band allows"
on public.stories
for select
to authenticated
using (
  age_band <= (select private.my_reading_band())
  and (
    (visibility = 'public' and status = 'ready' and deleted_at is null)
    or family_id = (select private.my_parent_family_id())
    or (family_id = (select private.my_family_id()) and deleted_at is null
        and (visibility <> 'private' or author_id = (select auth.uid())))
    or ((select private.is_moderator()) and exists (
          select 1 from public.story_public_requests r where r.story_id = stories.id and r.status = 'pending'))
  )
);

-- Pictures of a family's story that became public: whoever may read the story (RLS on stories, as the
-- caller) reads its pictures in the family's folder (<family_id>/<story_id>/…).
drop policy "Family members can read their family's story media" on storage.objects;
create policy "Family members and readers of public stories can read story media"
on storage.objects
for select
to authenticated
using (
  bucket_id = 'story-media'
  and (
    (storage.foldername(name))[1] = (select private.my_family_id())::text
    or exists (select 1 from public.stories s
                where s.id::text = (storage.foldername(name))[2]
                  and s.family_id::text = (storage.foldername(name))[1]
                  and s.visibility = 'public')
  )
);
