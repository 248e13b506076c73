-- Undoes 20261122010200_create_parental_controls.sql: the table (with its triggers and policies), its
-- validation function, then the types it introduced.
drop table if exists public.parental_controls;
drop function if exists private.check_parental_controls();
drop type if exists public.child_activity;
drop type if exists public.chat_level;
drop type if exists public.age_band;
