-- Undoes 20261202090100_story_rename_trash_restore.sql.
drop function if exists public.set_story_visibility(uuid, public.story_visibility);
drop function if exists public.restore_story(uuid);
drop function if exists public.trash_story(uuid);
drop function if exists public.rename_story(uuid, text);
drop function if exists private.set_story_visibility(uuid, public.story_visibility);
drop function if exists private.restore_story(uuid);
drop function if exists private.trash_story(uuid);
drop function if exists private.rename_story(uuid, text);
drop function if exists private.story_to_manage(uuid);
