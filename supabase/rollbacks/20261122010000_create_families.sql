-- Undoes 20261122010000_create_families.sql: the auth.users trigger first (it writes into families),
-- then the profiles policy that uses a helper, the tables, the helpers, the type and the private schema.
drop trigger if exists on_auth_user_created_family on auth.users;
drop function if exists private.handle_new_family_user();
drop policy if exists "Family members can read each other's profiles" on public.profiles;
drop table if exists public.family_members;
drop table if exists public.families;
drop function if exists private.check_family();
drop function if exists private.my_family_id();
drop function if exists private.is_family_member(uuid);
drop function if exists private.is_family_parent(uuid);
drop function if exists private.is_parent_of(uuid);
drop function if exists private.shares_family_with(uuid);
drop function if exists private.new_family_code();
drop function if exists private.is_valid_time_zone(text);
drop type if exists public.family_role;
drop schema if exists private;
