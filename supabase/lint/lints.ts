// The checks of Supabase's Security and Performance Advisors (github.com/supabase/splinter, lints/00xx),
// written for our stack: each query reads the catalog and returns one row per finding. Where splinter
// reads PostgREST's `pgrst.db_schemas`, these take the exposed schemas ($1, config.toml [api] schemas).
// Splinter's names are kept so a finding here is the finding hosted Studio shows.

export type LintLevel = 'ERROR' | 'WARN' | 'INFO';

export interface Lint {
  /** Splinter's lint name (its cache keys start with it). */
  name: string;
  level: LintLevel;
  category: 'SECURITY' | 'PERFORMANCE';
  /** What to do about a finding, in one sentence. */
  remedy: string;
  /** Returns `object` (what the finding is about) and `detail`; $1 is the exposed schemas (text[]). */
  sql: string;
}

/**
 * Schemas owned by the platform or by extensions, which splinter leaves out of most lints. Ours (public,
 * private, audit and any schema a migration adds) are always in. graphile_worker is the worker's queue
 * library's own schema (installed by the worker, not by a migration): like an extension's, its objects
 * are the library's business, and no API role has USAGE on it (supabase/tests/credits/credits-worker).
 */
export const PLATFORM_SCHEMAS = [
  '_timescaledb_cache',
  '_timescaledb_catalog',
  '_timescaledb_config',
  '_timescaledb_internal',
  'auth',
  'cron',
  'extensions',
  'graphile_worker',
  'graphql',
  'graphql_public',
  'information_schema',
  'net',
  'pgmq',
  'pgroonga',
  'pgsodium',
  'pgsodium_masks',
  'pgtle',
  'pgbouncer',
  'pg_catalog',
  'pg_toast',
  'realtime',
  'repack',
  'storage',
  'supabase_functions',
  'supabase_migrations',
  'tiger',
  'topology',
  'vault',
];

const platform = `array[${PLATFORM_SCHEMAS.map((s) => `'${s}'`).join(', ')}]`;
/** Objects an extension created are the extension's business (splinter: pg_depend deptype 'e'). */
const notExtension = (oid: string) =>
  `not exists (select 1 from pg_catalog.pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;
const apiCanSelect = (oid: string) =>
  `(pg_catalog.has_table_privilege('anon', ${oid}, 'SELECT') or pg_catalog.has_table_privilege('authenticated', ${oid}, 'SELECT'))`;
/** How often `needle` occurs in `haystack` (both SQL expressions). */
const occurrences = (haystack: string, needle: string) =>
  `((length(${haystack}) - length(replace(${haystack}, ${needle}, ''))) / length(${needle}))`;
const invokerView = `(lower(coalesce(c.reloptions::text, '{}'))::text[] && array['security_invoker=1', 'security_invoker=true', 'security_invoker=yes', 'security_invoker=on'])`;

/** Policies with their expressions as text (pg_policies deparses them), for the lints that read them. */
const policies = `
  select n.nspname as schema_name, c.relname as table_name, c.oid as table_oid, c.relrowsecurity as rls,
         p.polname as policy_name, p.polpermissive as permissive, p.polroles as role_oids,
         case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as command,
         pp.qual, pp.with_check
    from pg_catalog.pg_policy p
    join pg_catalog.pg_class c on c.oid = p.polrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_policies pp on pp.schemaname = n.nspname and pp.tablename = c.relname and pp.policyname = p.polname`;

export const LINTS: Lint[] = [
  // 0013: a table the API can reach without RLS answers every row to every caller.
  {
    name: 'rls_disabled_in_public',
    level: 'ERROR',
    category: 'SECURITY',
    remedy: 'alter table … enable row level security, then add a policy per operation the API roles are granted.',
    sql: `
      select n.nspname || '.' || c.relname as object, 'RLS is not enabled on a table of an exposed schema' as detail
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relrowsecurity and n.nspname = any($1) and n.nspname <> all(${platform})
         and (${apiCanSelect('c.oid')}
              or pg_catalog.has_table_privilege('anon', c.oid, 'INSERT, UPDATE, DELETE')
              or pg_catalog.has_table_privilege('authenticated', c.oid, 'INSERT, UPDATE, DELETE'))`,
  },
  // 0007: policies that do nothing because RLS is off: someone meant to protect this table.
  {
    name: 'policy_exists_rls_disabled',
    level: 'ERROR',
    category: 'SECURITY',
    remedy: 'Enable row level security on the table (its policies are ignored until then), or drop the policies.',
    sql: `
      select schema_name || '.' || table_name as object,
             'policies ' || string_agg(policy_name, ', ' order by policy_name) || ' exist but RLS is disabled' as detail
        from (${policies}) p
       where not rls and schema_name <> all(${platform}) and ${notExtension('table_oid')}
       group by schema_name, table_name`,
  },
  // 0008: RLS on and no policy denies everything to the API roles; fine for a deny-all table, a bug otherwise.
  {
    name: 'rls_enabled_no_policy',
    level: 'INFO',
    category: 'SECURITY',
    remedy: 'Add the policies the table needs, or allow-list it as deny-all (no API role is meant to reach it).',
    sql: `
      select n.nspname || '.' || c.relname as object, 'RLS is enabled but no policy exists' as detail
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and c.relrowsecurity and n.nspname <> all(${platform}) and ${notExtension('c.oid')}
         and not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)`,
  },
  // 0024: a permissive write policy that is always true switches RLS off for that operation.
  {
    name: 'rls_policy_always_true',
    level: 'WARN',
    category: 'SECURITY',
    remedy: 'Replace true with the condition that says whose rows these are, e.g. (select auth.uid()) = user_id.',
    sql: `
      select schema_name || '.' || table_name || ' "' || policy_name || '"' as object,
             command || ' policy for ' || array_to_string(array(select r::regrole::text from unnest(role_oids) r), ', ')
               || ' is always true' as detail
        from (
          select p.*, replace(replace(replace(lower(coalesce(qual, '')), ' ', ''), E'\\n', ''), E'\\t', '') as q,
                 replace(replace(replace(lower(coalesce(with_check, '')), ' ', ''), E'\\n', ''), E'\\t', '') as w
            from (${policies}) p
        ) p
       where rls and permissive and schema_name <> all(${platform})
         and (role_oids = array[0::oid]
              or exists (select 1 from unnest(role_oids) r where r::regrole::text in ('anon', 'authenticated')))
         and (
           (command in ('UPDATE', 'DELETE', 'ALL') and (q in ('true', '(true)', '1=1', '(1=1)') or qual is null))
           or w in ('true', '(true)', '1=1', '(1=1)')
           or (with_check is null and command = 'INSERT')
         )`,
  },
  // 0011: without a pinned search_path a caller's own objects can stand in for the ones the body names.
  {
    name: 'function_search_path_mutable',
    level: 'WARN',
    category: 'SECURITY',
    remedy: "Add set search_path = '' to the function and qualify every name in its body.",
    sql: `
      select p.oid::regprocedure::text as object, 'search_path is not set on the function' as detail
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       where n.nspname <> all(${platform}) and ${notExtension('p.oid')}
         and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
  },
  // 0028 / 0029: a SECURITY DEFINER function in an exposed schema is an RPC that bypasses RLS.
  ...(['anon', 'authenticated'] as const).map(
    (role): Lint => ({
      name: `${role}_security_definer_function_executable`,
      level: 'WARN',
      category: 'SECURITY',
      remedy: `Move the body to schema private and leave a security invoker wrapper in public, or revoke execute from ${role}.`,
      sql: `
        select p.oid::regprocedure::text as object,
               'SECURITY DEFINER function executable by ${role} via /rest/v1/rpc/' || p.proname as detail
          from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         where p.prosecdef and pg_catalog.has_function_privilege('${role}', p.oid, 'EXECUTE')
           and n.nspname = any($1) and n.nspname <> all(${platform})`,
    }),
  ),
  // 0010: a view runs as its owner unless it says security_invoker, so RLS of the caller does not apply.
  {
    name: 'security_definer_view',
    level: 'ERROR',
    category: 'SECURITY',
    remedy: 'create view … with (security_invoker = on), or revoke select from anon and authenticated.',
    sql: `
      select n.nspname || '.' || c.relname as object, 'view runs with its owner''s rights' as detail
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'v' and ${apiCanSelect('c.oid')} and n.nspname = any($1) and n.nspname <> all(${platform})
         and ${notExtension('c.oid')} and not ${invokerView}`,
  },
  // 0002: a view or materialised view over auth.users that the API roles can read leaks every account.
  {
    name: 'auth_users_exposed',
    level: 'ERROR',
    category: 'SECURITY',
    remedy: 'Keep auth.users out of exposed views; expose what the app needs through public.profiles and RLS.',
    sql: `
      select distinct n.nspname || '.' || c.relname as object, 'view reads auth.users and the API roles can select it' as detail
        from pg_catalog.pg_depend d
        join pg_catalog.pg_rewrite r on r.oid = d.objid
        join pg_catalog.pg_class c on c.oid = r.ev_class
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where d.refobjid = 'auth.users'::regclass and d.deptype = 'n' and c.relkind in ('v', 'm')
         and ${apiCanSelect('c.oid')} and n.nspname = any($1)
         and (c.relkind = 'm' or not ${invokerView} or not (select relrowsecurity from pg_catalog.pg_class where oid = 'auth.users'::regclass))`,
  },
  // 0015: user_metadata (raw_user_meta_data) is whatever the user wrote into it; it decides nothing.
  {
    name: 'rls_references_user_metadata',
    level: 'ERROR',
    category: 'SECURITY',
    remedy: 'Decide on app_metadata (only the service role writes it) or on our own tables, never on user_metadata.',
    sql: `
      select schema_name || '.' || table_name || ' "' || policy_name || '"' as object,
             'policy reads user-editable metadata' as detail
        from (${policies}) p
       where schema_name <> all(${platform})
         and (coalesce(qual, '') || ' ' || coalesce(with_check, '')) ~* '(user_metadata|raw_user_meta_data)'`,
  },
  // 0001: deleting or updating a referenced row scans the referencing table without an index.
  {
    name: 'unindexed_foreign_keys',
    level: 'INFO',
    category: 'PERFORMANCE',
    remedy: 'create index idx_<table>_<columns> on <table> (<the foreign key columns, in order>).',
    sql: `
      select n.nspname || '.' || c.relname || ' ' || ct.conname as object,
             'no index starts with the foreign key''s columns (' ||
               (select string_agg(a.attname, ', ' order by k.i) from unnest(ct.conkey) with ordinality k(attnum, i)
                  join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum) || ')' as detail
        from pg_catalog.pg_constraint ct
        join pg_catalog.pg_class c on c.oid = ct.conrelid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where ct.contype = 'f' and n.nspname <> all(${platform}) and ${notExtension('c.oid')}
         and not exists (
           select 1 from pg_catalog.pg_index i
            where i.indrelid = c.oid and i.indisvalid
              and (string_to_array(i.indkey::text, ' ')::smallint[])[1:array_length(ct.conkey, 1)] = ct.conkey
         )`,
  },
  // 0003: auth.uid() (or current_setting) bare in a policy runs once per row instead of once per query.
  {
    name: 'auth_rls_initplan',
    level: 'WARN',
    category: 'PERFORMANCE',
    remedy: 'Wrap the call in a sub-select: (select auth.uid()) is evaluated once per statement.',
    sql: `
      select schema_name || '.' || table_name || ' "' || policy_name || '"' as object,
             'policy calls auth.<function>() or current_setting() per row' as detail
        from (${policies}) p
       where rls and schema_name <> all(array(select unnest(${platform}) except select 'realtime'))
         and exists (
           select 1 from unnest(array[coalesce(qual, ''), coalesce(with_check, '')]) e(expr),
                         unnest(array['auth.uid()', 'auth.jwt()', 'auth.role()', 'auth.email()']) f(fn)
            -- Stricter than splinter: one bare call among wrapped ones is still a finding.
            where ${occurrences('expr', 'f.fn')} > ${occurrences('lower(expr)', "'select ' || f.fn")}
               or ${occurrences('expr', "'current_setting('")} > ${occurrences('lower(expr)', "'select current_setting('")}
         )`,
  },
  // 0006: every permissive policy for a role and action runs for every row; one policy with OR is cheaper.
  {
    name: 'multiple_permissive_policies',
    level: 'WARN',
    category: 'PERFORMANCE',
    remedy: 'Merge them into one policy for that role and action whose condition ORs theirs.',
    sql: `
      select n.nspname || '.' || c.relname || ' ' || r.rolname || ' ' || act.cmd as object,
             'permissive policies ' || string_agg('"' || p.polname || '"', ', ' order by p.polname) as detail
        from pg_catalog.pg_policy p
        join pg_catalog.pg_class c on c.oid = p.polrelid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        join pg_catalog.pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
        cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
                                   when 'w' then array['UPDATE'] when 'd' then array['DELETE']
                                   else array['SELECT', 'INSERT', 'UPDATE', 'DELETE'] end) act(cmd)
       where c.relkind in ('r', 'p') and p.polpermissive and n.nspname <> all(${platform}) and ${notExtension('c.oid')}
         and r.rolname not like 'pg\\_%' and r.rolname not like 'supabase%admin' and not r.rolbypassrls
       group by n.nspname, c.relname, r.rolname, act.cmd
      having count(*) > 1`,
  },
  // 0009: two identical indexes cost every write twice and help no read.
  {
    name: 'duplicate_index',
    level: 'WARN',
    category: 'PERFORMANCE',
    remedy: 'Drop all but one of them.',
    sql: `
      select pi.schemaname || '.' || pi.tablename as object,
             'identical indexes ' || string_agg(pi.indexname, ', ' order by pi.indexname) as detail
        from pg_catalog.pg_indexes pi
        join pg_catalog.pg_namespace n on n.nspname = pi.schemaname
        join pg_catalog.pg_class c on c.relname = pi.tablename and c.relnamespace = n.oid
       where c.relkind in ('r', 'm', 'p') and n.nspname <> all(${platform}) and ${notExtension('c.oid')}
       group by pi.schemaname, pi.tablename, replace(pi.indexdef, pi.indexname, '')
      having count(*) > 1`,
  },
  // 0004: without a primary key rows cannot be addressed (updates, replication, realtime) efficiently.
  {
    name: 'no_primary_key',
    level: 'INFO',
    category: 'PERFORMANCE',
    remedy: 'Add a primary key (id uuid primary key default gen_random_uuid(), or the natural key).',
    sql: `
      select n.nspname || '.' || c.relname as object, 'table has no primary key' as detail
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition and n.nspname <> all(${platform}) and ${notExtension('c.oid')}
         and not exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisprimary)`,
  },
  // 0014: an extension's functions in public become RPCs and can shadow ours.
  {
    name: 'extension_in_public',
    level: 'WARN',
    category: 'SECURITY',
    remedy: 'create extension … with schema extensions (or alter extension … set schema extensions).',
    sql: `
      select e.extname as object, 'extension is installed in schema public' as detail
        from pg_catalog.pg_extension e
       where e.extname <> 'plpgsql' and e.extnamespace = 'public'::regnamespace`,
  },
  // 0016: materialised views have no RLS, so an exposed one shows every row to whoever may select.
  {
    name: 'materialized_view_in_api',
    level: 'WARN',
    category: 'SECURITY',
    remedy: 'Revoke select from anon and authenticated, or move it to a non-exposed schema behind an RPC.',
    sql: `
      select n.nspname || '.' || c.relname as object, 'materialised view is selectable by the API roles' as detail
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'm' and ${apiCanSelect('c.oid')} and n.nspname = any($1) and n.nspname <> all(${platform})
         and ${notExtension('c.oid')}`,
  },
];
