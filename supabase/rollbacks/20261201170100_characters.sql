-- Undoes 20261201170100_characters.sql.
drop function if exists public.delete_character(uuid);
drop function if exists public.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb);
drop function if exists private.delete_character(uuid);
drop function if exists private.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb);
drop table if exists public.characters;
drop type if exists public.character_trait;
drop type if exists public.character_pronoun;
