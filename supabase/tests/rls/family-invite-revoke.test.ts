import { adminQuery, signUpUser } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { addChild, expectError, signUpParent } from './family-helpers';

// A parent withdraws an open invite code; nobody can join with it afterwards.
async function inviteOf(code: string) {
  const [row] = await adminQuery<{ revoked_at: Date | null; revoked_by: string | null; accepted_at: Date | null }>(
    'select revoked_at, revoked_by, accepted_at from public.family_invites where code = $1',
    [code],
  );
  return row;
}

describe('revoke_parent_invite', () => {
  it('withdraws an open code (kept with who and when), after which accepting it is refused', async () => {
    const parent = await signUpParent();
    const { data: invite } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    const code = invite?.code ?? '';
    const { error } = await parent.client.rpc('revoke_parent_invite', { p_code: code.toLowerCase() });
    expect(error).toBeNull();
    expect(await inviteOf(code)).toMatchObject({ revoked_by: parent.id, accepted_at: null });
    expect((await inviteOf(code)).revoked_at).not.toBeNull();

    const joiner = await signUpUser({ display_name: 'Joiner' });
    expectError(await joiner.client.rpc('accept_parent_invite', { p_code: code }), 'invite_invalid');
    expectError(await parent.client.rpc('revoke_parent_invite', { p_code: code }), 'invite_not_open');
  });

  it('a used code cannot be revoked; it stays accepted', async () => {
    const parent = await signUpParent();
    const { data: invite } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    const joiner = await signUpUser({ display_name: 'Joiner' });
    expect((await joiner.client.rpc('accept_parent_invite', { p_code: invite?.code })).error).toBeNull();
    expectError(await parent.client.rpc('revoke_parent_invite', { p_code: invite?.code }), 'invite_not_open');
    expect((await inviteOf(invite?.code ?? '')).revoked_at).toBeNull();
  });

  it('refuses a parent of another family, a child of the family, and unknown or hostile codes', async () => {
    const parent = await signUpParent();
    const stranger = await signUpParent();
    const child = await addChild(parent);
    const { data: invite } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    for (const client of [stranger.client, child.client]) {
      expectError(await client.rpc('revoke_parent_invite', { p_code: invite?.code }), 'not_parent_of_family');
    }
    for (const code of ['', 'NOPE1234', "' or 1=1 --", null]) {
      expectError(await parent.client.rpc('revoke_parent_invite', { p_code: code as string }), 'not_parent_of_family');
    }
    expect((await inviteOf(invite?.code ?? '')).revoked_at).toBeNull();
  });
});
