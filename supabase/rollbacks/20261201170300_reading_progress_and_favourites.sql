-- Undoes 20261201170300_reading_progress_and_favourites.sql.
drop table if exists public.favourites;
drop table if exists public.reading_progress;
drop function if exists private.check_reading_path();
