-- What the API roles get on tables, sequences and functions that `postgres` (migrations) creates in
-- public, as on hosted Supabase. Hosted's initial schema grants them everything; projects on the new
-- default (`[api] auto_expose_new_tables = false`, Supabase's default for new projects since
-- 2026-05-30 and ours) then run the revokes below, the SQL Studio and the Supabase CLI run, so every
-- migration grants explicitly and a missing grant shows up here rather than in production. Projects
-- created before keep the grants: `auto_expose_new_tables = true` in config.toml or
-- SUPABASE_LOCAL_DEFAULT_GRANTS=legacy (applyBootstrap passes the choice in
-- `supabase_local.auto_expose_new_tables`). Re-applied on every start, so a switch changes what new
-- objects get; existing objects keep their grants, as on hosted.
--
-- Hosted's initial schema grants the same for `supabase_admin`; here the superuser gets no default
-- privileges in public, so the conformance fixtures it applies have only the grants they state (no
-- user SQL runs as supabase_admin on hosted). Like hosted, the revokes leave TRUNCATE, REFERENCES, TRIGGER and MAINTAIN on tables and UPDATE on
-- sequences in place: none is reachable through the Data API.
alter default privileges for role postgres in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to postgres, anon, authenticated, service_role;

do $$
begin
  if coalesce(current_setting('supabase_local.auto_expose_new_tables', true), '') <> 'true' then
    alter default privileges for role postgres in schema public
      revoke select, insert, update, delete on tables from anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      revoke usage, select on sequences from anon, authenticated, service_role;
    alter default privileges for role postgres in schema public
      revoke execute on functions from anon, authenticated, service_role;
  end if;
end
$$;
