-- Platform roles as hosted Supabase has them (supabase/postgres init scripts), so that our
-- migrations, grants and policies behave here as they will in production. Local only: this file
-- never goes into supabase/migrations. Runs as the superuser `supabase_admin` on every start, so
-- everything is idempotent.

do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('postgres', 'login nosuperuser createdb createrole replication bypassrls'),
      ('anon', 'nologin inherit'),
      ('authenticated', 'nologin inherit'),
      ('service_role', 'nologin inherit bypassrls'),
      ('authenticator', 'login noinherit'),
      ('supabase_auth_admin', 'login noinherit createrole'),
      ('supabase_storage_admin', 'login noinherit createrole'),
      ('supabase_realtime_admin', 'nologin noinherit'),
      ('supabase_replication_admin', 'login replication'),
      ('dashboard_user', 'nologin createdb createrole replication')
    ) as roles(name, attrs)
  loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      execute format('create role %I %s', r.name, r.attrs);
    end if;
  end loop;
end
$$;

-- Local development passwords (the CLI's `postgres:postgres`); never used outside this machine.
alter role postgres with password 'postgres';
alter role authenticator with password 'postgres';
alter role supabase_auth_admin with password 'postgres';
alter role supabase_storage_admin with password 'postgres';

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
-- Lets `postgres` hand objects over to the platform owners in migrations, as on hosted projects.
grant supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin to postgres;
-- Statistics of every role's sessions and queries (supabase/postgres grant_pg_monitor_to_postgres), which
-- `supabase inspect db` reads as postgres.
grant pg_monitor to postgres;

alter role supabase_admin set search_path = "$user", public, auth, extensions;
alter role postgres set search_path = "$user", public, extensions;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;
