import { adminQuery, makeClient } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { createChildUser, expectError, signUpParent } from './family-helpers';

// Conventions the family tables promise (DESIGN.md §3): every foreign key indexed, every table commented,
// RLS on every table including the private and audit ones, and no API role can execute private helpers
// it does not need.
const TABLES = [
  'public.families',
  'public.family_members',
  'public.parental_controls',
  'public.parental_consents',
  'public.family_invites',
  'public.reading_time_entries',
  'public.approval_requests',
  'private.child_logins',
  'private.parent_pins',
  'private.kid_sign_in_failures',
  'audit.log',
];

describe('family schema conventions', () => {
  it('indexes every foreign key (an index leads with one of its columns)', async () => {
    const unindexed = await adminQuery<{ constraint: string }>(
      `select n.nspname || '.' || c.relname || '.' || con.conname as constraint
         from pg_constraint con
         join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        where con.contype = 'f' and n.nspname || '.' || c.relname = any($1)
          and not exists (
            select 1 from pg_index i
             where i.indrelid = con.conrelid and i.indkey[0] = any(con.conkey)
          )`,
      [TABLES],
    );
    expect(unindexed).toEqual([]);
    // The check above must have had something to check.
    const [{ count }] = await adminQuery<{ count: number }>(
      `select count(*)::int as count from pg_constraint con
         join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        where con.contype = 'f' and n.nspname || '.' || c.relname = any($1)`,
      [TABLES],
    );
    expect(count).toBeGreaterThan(15);
  });

  it('comments every table and enables RLS on each', async () => {
    const rows = await adminQuery<{ name: string; comment: string | null; rls: boolean }>(
      `select n.nspname || '.' || c.relname as name, obj_description(c.oid, 'pg_class') as comment,
              c.relrowsecurity as rls
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname || '.' || c.relname = any($1)`,
      [TABLES],
    );
    expect(rows).toHaveLength(TABLES.length);
    expect(rows.filter((r) => !r.comment || !r.rls)).toEqual([]);
  });

  it('security-definer functions all pin search_path to empty', async () => {
    const loose = await adminQuery<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private', 'audit') and p.prosecdef
          and not coalesce(p.proconfig @> array['search_path=""'], false)`,
    );
    expect(loose).toEqual([]);
  });

  it('anon can execute none of the family RPCs or helpers', async () => {
    const executable = await adminQuery<{ name: string }>(
      `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where (n.nspname in ('private', 'audit') or p.proname = any($1))
          and has_function_privilege('anon', p.oid, 'execute')`,
      [
        [
          'add_child',
          'give_parental_consent',
          'revoke_parental_consent',
          'set_child_pin',
          'verify_child_pin',
          'set_parent_pin',
          'verify_parent_pin',
          'has_parent_pin',
          'create_parent_invite',
          'accept_parent_invite',
          'record_reading_time',
          'get_my_reading_day',
          'request_more_time',
          'decide_approval_request',
          'get_children_overview',
          'get_family_audit_log',
        ],
      ],
    );
    expect(executable).toEqual([]);
  });
});

describe('child accounts outside a family', () => {
  it('a child account cannot use an invite code to become a parent, even before it joins a family', async () => {
    const parent = await signUpParent();
    const { data } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    // Auth refuses a child account banned until consent; this one is made without the ban, to check
    // that the database refuses a child session on its own.
    const child = await createChildUser({ banned: false });
    const client = makeClient();
    const { error } = await client.auth.signInWithPassword({ email: child.email, password: child.password });
    expect(error).toBeNull();
    expectError(await client.rpc('accept_parent_invite', { p_code: data?.code }), /Child accounts cannot join/);
    expect(await adminQuery('select 1 from public.family_members where user_id = $1', [child.id])).toEqual([]);
  });
});
