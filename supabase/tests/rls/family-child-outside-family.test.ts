import { adminQuery, makeClient, signInWithServerKey } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { createChildUser, expectError, signUpParent } from './family-helpers';

// Schema conventions (every table, every schema) are checked in supabase/tests/db/schema-conventions.test.ts.
describe('child accounts outside a family', () => {
  it('a child account cannot use an invite code to become a parent, even before it joins a family', async () => {
    const parent = await signUpParent();
    const { data } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    // Auth refuses a child account banned until consent; this one is made without the ban, to check
    // that the database refuses a child session on its own.
    const child = await createChildUser({ banned: false });
    const client = makeClient();
    const { error } = await signInWithServerKey(client, child);
    expect(error).toBeNull();
    expectError(await client.rpc('accept_parent_invite', { p_code: data?.code }), 'child_cannot_join_family');
    expect(await adminQuery('select 1 from public.family_members where user_id = $1', [child.id])).toEqual([]);
  });
});
