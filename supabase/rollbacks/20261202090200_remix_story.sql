-- Undoes 20261202090200_remix_story.sql (copies already made stay: they are ordinary family stories).
drop function if exists public.remix_story(uuid, text);
drop function if exists private.remix_story(uuid, text);
