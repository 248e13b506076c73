-- Undoes 20261201170000_story_catalogue.sql.
drop table if exists public.generation_models;
drop table if exists public.template_themes;
drop table if exists public.story_templates;
drop table if exists public.themes;
drop type if exists public.generation_provider;
drop type if exists public.story_length;
