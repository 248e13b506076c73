-- Undoes 20261202090000_story_public_requests.sql: the story and media read policies as they were, then
-- the queue's functions and table.
drop policy if exists "Family members and readers of public stories can read story media" on storage.objects;
create policy "Family members can read their family's story media"
on storage.objects
for select
to authenticated
using (bucket_id = 'story-media' and (storage.foldername(name))[1] = (select private.my_family_id())::text);

drop policy if exists "Readers can read the public, family and own stories their age band allows" on public.stories;
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
  )
);

drop function if exists public.is_moderator();
drop function if exists public.review_story_public_request(uuid, boolean, text);
drop function if exists public.request_story_public(uuid);
drop function if exists private.review_story_public_request(uuid, boolean, text);
drop function if exists private.request_story_public(uuid);
drop table if exists public.story_public_requests;
drop type if exists public.story_public_request_status;
