-- Undoes 20261201170500_story_media_buckets.sql: the policy, the buckets' objects, the buckets. (The
-- files of removed objects stay on the storage backend until it is cleaned; hosted Storage's own API
-- is the way to empty a bucket with files.)
drop policy if exists "Family members can read their family's story media" on storage.objects;
set local storage.allow_delete_query = 'true';
delete from storage.objects where bucket_id in ('story-media', 'story-covers');
delete from storage.buckets where id in ('story-media', 'story-covers');
