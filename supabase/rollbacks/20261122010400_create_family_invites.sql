-- Undoes 20261122010400_create_family_invites.sql.
drop function if exists public.accept_parent_invite(text);
drop function if exists public.create_parent_invite();
drop table if exists public.family_invites;
