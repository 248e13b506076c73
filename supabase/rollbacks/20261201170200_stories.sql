-- Undoes 20261201170200_stories.sql (tables first: their policies use the helpers).
drop function if exists public.search_stories(text, public.age_band, text, public.story_length, int, int);
drop table if exists public.story_characters;
drop table if exists public.story_choices;
alter table if exists public.stories drop constraint if exists stories_start_segment_id_fkey;
drop table if exists public.story_segments;
drop table if exists public.stories;
drop type if exists public.story_status;
drop type if exists public.story_visibility;
drop function if exists private.my_parent_family_id();
drop function if exists private.my_reading_band();
drop function if exists private.write_story_pages(uuid, jsonb, jsonb, text);
drop function if exists private.assert_story_graph(uuid);
drop function if exists private.validate_story_graph(uuid);
