import { loadConfig } from 'supabase-local';
import { adminQuery, stackInfo } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// DESIGN.md §3's conventions, checked on every table of every schema the API exposes (config.toml
// [api] schemas) and of our non-exposed ones, from the catalog: a new table is covered the day it lands.
const EXPOSED = loadConfig(stackInfo().supabaseDir).schemas;
const SCHEMAS = [...EXPOSED, 'private', 'audit'];

const TABLES_SQL = `
  select c.oid, n.nspname || '.' || c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any($1) and c.relkind in ('r', 'p') and not c.relispartition`;

describe('schema conventions', () => {
  it('covers the tables our migrations made', async () => {
    const tables = await adminQuery<{ name: string }>(TABLES_SQL, [SCHEMAS]);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['public.families', 'audit.log', 'private.parent_pins']),
    );
  });

  it('comments every table and enables RLS on each', async () => {
    const rows = await adminQuery<{ name: string; comment: string | null; rls: boolean }>(
      `select t.name, obj_description(t.oid, 'pg_class') as comment, c.relrowsecurity as rls
         from (${TABLES_SQL}) t join pg_class c on c.oid = t.oid`,
      [SCHEMAS],
    );
    expect(rows.filter((r) => !r.comment || !r.rls)).toEqual([]);
  });

  it('indexes every foreign key (an index leads with one of its columns)', async () => {
    const unindexed = await adminQuery<{ constraint: string }>(
      `select t.name || '.' || con.conname as constraint
         from (${TABLES_SQL}) t join pg_constraint con on con.conrelid = t.oid and con.contype = 'f'
        where not exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indkey[0] = any(con.conkey))`,
      [SCHEMAS],
    );
    expect(unindexed).toEqual([]);
  });

  it('stamps updated_at with the shared trigger wherever a table has one', async () => {
    const missing = await adminQuery<{ name: string }>(
      `select t.name from (${TABLES_SQL}) t
         join pg_attribute a on a.attrelid = t.oid and a.attname = 'updated_at' and not a.attisdropped
        where not exists (
          select 1 from pg_trigger tg where tg.tgrelid = t.oid and tg.tgfoid = 'public.set_updated_at()'::regprocedure
        )
          -- Rows of these are rewritten only by definer functions that set updated_at themselves.
          and t.name not in ('private.child_logins', 'private.parent_pins')`,
      [SCHEMAS],
    );
    expect(missing).toEqual([]);
  });

  it('security-definer functions all pin search_path to empty', async () => {
    const loose = await adminQuery<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1) and p.prosecdef and not coalesce(p.proconfig @> array['search_path=""'], false)`,
      [SCHEMAS],
    );
    expect(loose).toEqual([]);
  });

  it('no security-definer function in an exposed schema is executable by anon or signed-in users', async () => {
    const exposed = await adminQuery<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1) and p.prosecdef
          and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))`,
      [EXPOSED],
    );
    expect(exposed).toEqual([]);
  });

  it('anon can execute none of our functions', async () => {
    const executable = await adminQuery<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = any($1) and has_function_privilege('anon', p.oid, 'execute')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
      [SCHEMAS],
    );
    expect(executable).toEqual([]);
  });
});
