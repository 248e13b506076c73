-- Why: every page of a story has a picture, and printable books are files too. They live in Storage:
--   story-media (private): <family_id>/<story_id>/<segment key>.svg and printable books, read by the
--     family's members (RLS on storage.objects keyed on the first folder), written only by the worker
--     with the service role (no write policy at all);
--   story-covers (public): pictures of public stories (the library's own under library/<story_id>/),
--     served to anyone by their public URL.
-- Both buckets limit size and MIME type. SVG is allowed because the built-in illustrator draws SVG;
-- the worker refuses to store one with script, event handlers or outside references
-- (lib/stories/safe-svg.ts), and the app serves pictures with a sandboxing CSP and nosniff.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values
  ('story-media', 'story-media', false, 10485760, array['image/svg+xml', 'image/png', 'image/webp', 'application/pdf']),
  ('story-covers', 'story-covers', true, 1048576, array['image/svg+xml', 'image/png', 'image/webp'])
on conflict (id) do update
  set public = excluded.public, file_size_limit = excluded.file_size_limit, allowed_mime_types = excluded.allowed_mime_types;

create policy "Family members can read their family's story media"
on storage.objects
for select
to authenticated
using (bucket_id = 'story-media' and (storage.foldername(name))[1] = (select private.my_family_id())::text);
