import { loadConfig, migrate } from 'supabase-local';
import { type FreshDatabase, stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { PLATFORM_SCHEMAS } from '../../lint/lints';

const SUPABASE_DIR = stackInfo().supabaseDir;
// Our schemas: the exposed ones and every non-platform schema a migration made (private, audit, …).
const EXPOSED = loadConfig(SUPABASE_DIR).schemas;

/**
 * Policies that are deliberately always true, each with its reason: only reads of a public catalogue,
 * whose every row is meant for everyone. Every other policy of ours says whose rows it lets through (the
 * price list too: only the packages on sale). An entry that matches no policy any more fails below.
 */
const ALWAYS_TRUE_ALLOWED: Record<string, string> = {
  'public.plans "Anyone can read the plans"':
    'the plans (guest, free, family) are public: the pricing and credits pages show them to anyone, signed in or not; only migrations write them',
  'public.plan_features "Anyone can read what each plan includes"':
    'what each plan includes is part of the public plan description; the database enforces it, reading it gives nothing away',
  'public.themes "Anyone can read the themes"':
    'the story themes are public: the wizard and the library filters show them before sign-in; only migrations write them',
  'public.story_templates "Anyone can read the story templates"':
    'the templates are public (a retired one too: stories written from it still name it); only migrations write them',
  'public.template_themes "Anyone can read which themes suit a template"':
    'which themes suit a template is part of the public template description; only migrations write it',
  'public.generation_models "Anyone can read the generation models and their prices"':
    'the models and their prices are public (one not available yet is shown greyed out); only migrations write them',
};

const OUR_SCHEMAS = `array(select nspname from pg_namespace
  where (nspname = any($1) or nspname <> all($2)) and nspname not like 'pg\\_%' and nspname <> 'information_schema')`;

// Every table our migrations create is reachable by the API roles only through RLS: RLS must be on,
// every operation granted to anon or authenticated needs a policy that covers it, and no policy may be
// a blank cheque (using (true) / with check (true)) — in any of our schemas, exposed or not.
describe('RLS guard', () => {
  it('every table of ours has RLS enabled and a policy for each operation it grants', async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      const tables = await db.query<{ table: string; rls: boolean }>(
        `select n.nspname || '.' || c.relname as "table", c.relrowsecurity as rls
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any(${OUR_SCHEMAS}) and c.relkind in ('r', 'p')`,
        [EXPOSED, PLATFORM_SCHEMAS],
      );
      expect(tables.map((t) => t.table)).toEqual(
        expect.arrayContaining(['public.families', 'private.child_logins', 'audit.log']),
      );
      expect(tables.filter((t) => !t.rls).map((t) => t.table)).toEqual([]);

      const uncovered = await db.query<{ table: string; role: string; op: string }>(
        `with grants as (
           select n.nspname as schema, c.relname as "table", r.role, o.op
             from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
             cross join (values ('anon'), ('authenticated')) r(role)
             cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) o(op)
            where n.nspname = any(${OUR_SCHEMAS}) and c.relkind in ('r', 'p')
              and has_schema_privilege(r.role, n.oid, 'USAGE')
              and case when o.op = 'DELETE' then has_table_privilege(r.role, c.oid, o.op)
                       else has_any_column_privilege(r.role, c.oid, o.op) end
         )
         select g.schema || '.' || g."table" as "table", g.role, g.op from grants g
          where not exists (
            select 1 from pg_policies p
             where p.schemaname = g.schema and p.tablename = g."table"
               and (p.cmd = g.op or p.cmd = 'ALL')
               and (g.role = any(p.roles) or 'public' = any(p.roles))
          )`,
        [EXPOSED, PLATFORM_SCHEMAS],
      );
      expect(uncovered).toEqual([]);
    });
  });

  it('no policy of ours is always true (using or with check), in any schema we write policies in', async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      const found = await alwaysTrue(db);
      expect(found.filter((p) => !(p in ALWAYS_TRUE_ALLOWED))).toEqual([]);
      expect(
        Object.keys(ALWAYS_TRUE_ALLOWED).filter((p) => !found.includes(p)),
        'allowed but no longer always true: remove',
      ).toEqual([]);
    });
  });

  it('the always-true check catches a blank cheque (it can fail)', async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      await db.query(`
        create policy "Mutant: anyone reads" on audit.log for select to authenticated using (true);
        create policy "Mutant: anyone updates" on public.profiles for update to authenticated using ( TRUE );
        create policy "Mutant: anyone inserts" on public.families for insert to authenticated with check (1 = 1);`);
      expect((await alwaysTrue(db)).filter((p) => !(p in ALWAYS_TRUE_ALLOWED)).sort()).toEqual([
        'audit.log "Mutant: anyone reads"',
        'public.families "Mutant: anyone inserts"',
        'public.profiles "Mutant: anyone updates"',
      ]);
    });
  });
});

/** Permissive policies that let every row through, in our schemas plus realtime and storage (ours there). */
async function alwaysTrue(db: FreshDatabase): Promise<string[]> {
  const normalised = (column: string) => `regexp_replace(lower(coalesce(${column}, '')), '[\\s()]', '', 'g')`;
  const rows = await db.query<{ policy: string }>(
    `select schemaname || '.' || tablename || ' "' || policyname || '"' as policy
       from pg_policies
      where (schemaname = any(${OUR_SCHEMAS}) or schemaname in ('realtime', 'storage'))
        and permissive = 'PERMISSIVE'
        and (${normalised('qual')} in ('true', '1=1')
             or ${normalised('with_check')} in ('true', '1=1')
             or (cmd in ('UPDATE', 'DELETE', 'ALL') and qual is null)
             or (cmd = 'INSERT' and with_check is null))`,
    [EXPOSED, PLATFORM_SCHEMAS],
  );
  return rows.map((r) => r.policy);
}
