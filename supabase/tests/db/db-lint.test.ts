import { loadConfig, migrate } from 'supabase-local';
import { stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { LINTS } from '../../lint/lints';
import { formatReport, runLints } from '../../lint/run-lints';

const SUPABASE_DIR = stackInfo().supabaseDir;
const EXPOSED = loadConfig(SUPABASE_DIR).schemas;

// What `npm run db:lint` checks in CI, here on the test stack: no finding outside the allow-list.
describe('database advisor (db:lint)', () => {
  it('finds nothing on the migrated schema that the allow-list does not excuse, and no stale entry', async () => {
    const report = await runLints(stackInfo().adminDbUrl, EXPOSED);
    expect(report.failures, formatReport(report)).toEqual([]);
    expect(report.stale, formatReport(report)).toEqual([]);
  });

  // Each lint must be able to fail: one deliberately bad object per lint, in a scratch database.
  it('reports every kind of mistake it claims to catch', async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      await db.query(`
        create table public.lint_no_rls (id int primary key);
        grant select on public.lint_no_rls to authenticated;

        create table public.lint_policy_no_rls (id int primary key);
        create policy "Orphan" on public.lint_policy_no_rls for select to authenticated using (false);

        create table public.lint_no_policy (id int primary key);
        alter table public.lint_no_policy enable row level security;

        create table public.lint_open (id int primary key, owner uuid, note text);
        alter table public.lint_open enable row level security;
        create policy "Anyone can update" on public.lint_open for update to authenticated using (true);
        create policy "Own rows" on public.lint_open for select to authenticated using (owner = auth.uid());
        create policy "Meta" on public.lint_open for select to authenticated
          using ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');
        create index lint_open_note_a on public.lint_open (note);
        create index lint_open_note_b on public.lint_open (note);

        create table public.lint_child (id int, parent_id int references public.lint_open (id));

        create function public.lint_loose() returns int language sql as 'select 1';
        create function public.lint_definer() returns int language sql security definer set search_path = '' as 'select 1';
        grant execute on function public.lint_definer() to anon, authenticated;

        create view public.lint_users as select id, email from auth.users;
        grant select on public.lint_users to authenticated;

        create materialized view public.lint_mat as select 1 as one;
        grant select on public.lint_mat to anon;

        create extension isn with schema public;
      `);
      const report = await runLints(db.adminUrl, EXPOSED, []);
      const keys = report.findings.map((f) => f.key);
      const expected = [
        'rls_disabled_in_public:public.lint_no_rls',
        'policy_exists_rls_disabled:public.lint_policy_no_rls',
        'rls_enabled_no_policy:public.lint_no_policy',
        'rls_policy_always_true:public.lint_open "Anyone can update"',
        'function_search_path_mutable:public.lint_loose()',
        'anon_security_definer_function_executable:public.lint_definer()',
        'authenticated_security_definer_function_executable:public.lint_definer()',
        'security_definer_view:public.lint_users',
        'auth_users_exposed:public.lint_users',
        'rls_references_user_metadata:public.lint_open "Meta"',
        'unindexed_foreign_keys:public.lint_child lint_child_parent_id_fkey',
        'auth_rls_initplan:public.lint_open "Own rows"',
        'multiple_permissive_policies:public.lint_open authenticated SELECT',
        'duplicate_index:public.lint_open',
        'no_primary_key:public.lint_child',
        'extension_in_public:isn',
        'materialized_view_in_api:public.lint_mat',
      ];
      expect(keys).toEqual(expect.arrayContaining(expected));
      // Every lint is exercised by one of the objects above.
      expect(LINTS.map((l) => l.name).filter((name) => !expected.some((k) => k.startsWith(`${name}:`)))).toEqual([]);
    });
  });
});
