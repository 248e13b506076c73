-- Schemas, extensions, default privileges and the realtime publication as on hosted Supabase.

-- `postgres` creates schemas and objects in migrations, as on hosted projects.
do $$
begin
  execute format('grant all on database %I to postgres', current_database());
end
$$;

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
-- Hosted has pg_stat_statements in extensions. It only works when the server preloads it, which the
-- embedded server does; a DATABASE_URL server may not.
do $$
begin
  if current_setting('shared_preload_libraries') ~ '(^|[ ,])pg_stat_statements($|[ ,])' then
    create extension if not exists pg_stat_statements with schema extensions;
  end if;
end
$$;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role;
grant all on schema auth to postgres;

create schema if not exists realtime authorization supabase_realtime_admin;
grant usage on schema realtime to postgres, anon, authenticated, service_role;

create schema if not exists storage authorization supabase_storage_admin;
grant usage on schema storage to postgres, anon, authenticated, service_role;

create schema if not exists graphql_public;
grant usage on schema graphql_public to postgres, anon, authenticated, service_role;

create schema if not exists supabase_migrations authorization postgres;

-- `postgres` owns user objects in public, as it does on hosted projects.
alter schema public owner to postgres;
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;

-- Default privileges of what `postgres` creates in public: see 15_default_privileges.sql.

do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;
-- Hosted creates the publication in an init script that runs as `postgres` before it is demoted, so
-- `postgres` owns it and migrations can `alter publication supabase_realtime add/drop table …` for
-- tables they own. Re-applied on every start, which also fixes data folders made when the superuser
-- owned it.
alter publication supabase_realtime owner to postgres;
