-- Undoes 20261122000100_create_profiles.sql: the auth.users trigger first (it writes into profiles),
-- then the table (its policies, grants and updated_at trigger go with it), then both functions.
drop trigger if exists on_auth_user_created on auth.users;
drop function if exists public.handle_new_user();
drop table if exists public.profiles;
drop function if exists public.set_updated_at();
