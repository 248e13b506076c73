import { migrate } from 'supabase-local';
import { stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

const SUPABASE_DIR = stackInfo().supabaseDir;

// Every table our migrations create is reachable by the API roles only through RLS: RLS must be on,
// and every operation granted to anon or authenticated needs a policy that covers it.
describe('RLS guard', () => {
  it('every public table has RLS enabled and a policy for each operation it grants', async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      const tables = await db.query<{ table: string; rls: boolean }>(
        `select c.relname as "table", c.relrowsecurity as rls
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p')`,
      );
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.filter((t) => !t.rls).map((t) => t.table)).toEqual([]);

      const uncovered = await db.query<{ table: string; role: string; op: string }>(
        `with grants as (
           select c.relname as "table", r.role, o.op
             from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
             cross join (values ('anon'), ('authenticated')) r(role)
             cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) o(op)
            where n.nspname = 'public' and c.relkind in ('r', 'p')
              and case when o.op = 'DELETE' then has_table_privilege(r.role, c.oid, o.op)
                       else has_any_column_privilege(r.role, c.oid, o.op) end
         )
         select g.* from grants g
          where not exists (
            select 1 from pg_policies p
             where p.schemaname = 'public' and p.tablename = g."table"
               and (p.cmd = g.op or p.cmd = 'ALL')
               and (g.role = any(p.roles) or 'public' = any(p.roles))
          )`,
      );
      expect(uncovered).toEqual([]);
    });
  });
});
