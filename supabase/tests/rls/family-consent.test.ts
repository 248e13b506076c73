import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, makeClient, serviceClient, signInWithServerKey } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addChild,
  type Child,
  createChildUser,
  expectError,
  type Parent,
  setParentPin,
  signUpParent,
} from './family-helpers';

// "Until consent, the child account cannot sign in" is enforced by Auth itself, not only by the kid
// sign-in path: the child's auth user is banned from add_child until a parent consents, and again when
// consent is withdrawn. Auth answers a banned user's password grant and refresh with 400 user_banned,
// whichever password the child has — including one they set themselves with PUT /auth/v1/user.
let parent: Parent;
let otherParent: Parent;
let sibling: Child;
let service: SupabaseClient;
const thisYear = new Date().getFullYear();

beforeAll(async () => {
  [parent, otherParent] = await Promise.all([signUpParent(), signUpParent()]);
  await setParentPin(parent);
  sibling = await addChild(parent, { pin: '2222' });
  service = serviceClient();
});

/** The child's synthetic e-mail, as Auth has it. */
async function emailOf(id: string): Promise<string> {
  const [row] = await adminQuery<{ email: string }>('select email from auth.users where id = $1', [id]);
  return row.email;
}

/** A password sign-in as the kid sign-in action makes it: with the server's key (Auth needs it for a child). */
async function passwordGrant(email: string, password: string) {
  const client = makeClient();
  const { session, error } = await signInWithServerKey(client, { email, password });
  return { client, session, code: error?.code ?? null };
}

/** The same sign-in from a browser (the anon key), which Auth refuses for a child's account. */
async function browserPasswordGrant(email: string, password: string) {
  const { error } = await makeClient().auth.signInWithPassword({ email, password });
  return error?.code ?? null;
}

async function bannedUntil(id: string): Promise<Date | null> {
  const [row] = await adminQuery<{ banned_until: Date | null }>('select banned_until from auth.users where id = $1', [
    id,
  ]);
  return row.banned_until;
}

/** add_child as the parent, for an auth user made beforehand. */
async function addAsChild(id: string, name: string, pin: string) {
  const { error } = await parent.client.rpc('add_child', {
    p_child_id: id,
    p_display_name: name,
    p_birth_year: thisYear - 7,
    p_pin: pin,
  });
  if (error) throw error;
}

async function consent(childId: string, by: Parent = parent) {
  return by.client.rpc('give_parental_consent', {
    p_child_id: childId,
    p_method: 'in_app_attestation',
    p_statement: 'I am the parent and I agree.',
  });
}

// This file's own client address for kid sign-ins, so it has its own throttle budget.
const clientAddress = `test-${randomUUID()}`;

/**
 * What the kid sign-in server action does: verify_child_pin as the service role, and only on 'ok' set
 * the server's password through the admin API and sign in with it.
 */
async function kidSignIn(familyCode: string, name: string, pin: string) {
  const { data, error } = await service
    .rpc('verify_child_pin', { p_family_code: familyCode, p_child_name: name, p_pin: pin, p_client: clientAddress })
    .single<{ status: string; child_id: string | null }>();
  if (error) throw error;
  if (data.status !== 'ok' || !data.child_id) return { status: data.status, code: null, client: null };
  const password = `server-${randomUUID()}`;
  const updated = await service.auth.admin.updateUserById(data.child_id, { password });
  expect(updated.error).toBeNull();
  const grant = await passwordGrant(await emailOf(data.child_id), password);
  return { status: data.status, code: grant.code, client: grant.session ? grant.client : null };
}

describe('a child without consent cannot get into Auth', () => {
  it('the add-child action creates the auth user banned, so even before add_child no sign-in works', async () => {
    const user = await createChildUser();
    expect((await bannedUntil(user.id))?.getTime()).toBeGreaterThan(Date.now() + 50 * 365 * 86_400_000);
    expect((await passwordGrant(user.email, user.password)).code).toBe('user_banned');
  });

  it('add_child bans the child by itself (an auth user made without a ban), whatever password it is given', async () => {
    const user = await createChildUser({ banned: false });
    // Without the ban the password grant would work: that is the hole.
    const before = await passwordGrant(user.email, user.password);
    expect(before.code).toBeNull();
    const sessionsBefore = await adminQuery('select 1 from auth.sessions where user_id = $1', [user.id]);
    expect(sessionsBefore.length).toBeGreaterThan(0);

    const name = `Late${randomUUID().slice(0, 5)}`;
    await addAsChild(user.id, name, '1357');
    expect((await bannedUntil(user.id))?.getTime()).toBeGreaterThan(Date.now() + 50 * 365 * 86_400_000);
    // Any session it had is gone, and refresh is refused.
    expect(await adminQuery('select 1 from auth.sessions where user_id = $1', [user.id])).toEqual([]);
    expect((await before.client.auth.refreshSession()).error).not.toBeNull();

    expect((await passwordGrant(user.email, user.password)).code).toBe('user_banned');
    // A password set through the admin API (as kid sign-in would) does not get past the ban either.
    const password = `admin-set-${randomUUID()}`;
    expect((await service.auth.admin.updateUserById(user.id, { password })).error).toBeNull();
    expect((await passwordGrant(user.email, password)).code).toBe('user_banned');
    // And the kid sign-in path stops at the consent check.
    expect((await kidSignIn(parent.familyCode, name, '1357')).status).toBe('needs_consent');
  });

  it('only a parent of the child lifts the ban, by recording consent; then kid sign-in works', async () => {
    const user = await createChildUser();
    const name = `Kid${randomUUID().slice(0, 5)}`;
    await addAsChild(user.id, name, '4680');

    expectError(await consent(user.id, otherParent), 'not_parent_of_child');
    expect(await bannedUntil(user.id)).not.toBeNull();

    expect((await consent(user.id)).error).toBeNull();
    expect(await bannedUntil(user.id)).toBeNull();
    const signedIn = await kidSignIn(parent.familyCode, name, '4680');
    expect(signedIn).toMatchObject({ status: 'ok', code: null });
    // The session reads through RLS as the child.
    const controls = await signedIn.client?.from('parental_controls').select('child_id').eq('child_id', user.id);
    expect(controls?.data).toEqual([{ child_id: user.id }]);
  });
});

describe('withdrawing consent', () => {
  it('refuses a password the child set themselves and their refresh token; consent again lets them back', async () => {
    const kid = await addChild(parent, { pin: '8642' });
    const email = await emailOf(kid.id);
    // The hole that was: a signed-in child sets their own Auth password, to skip the PIN and the
    // consent check. Auth refuses to set it, and refuses a child's password from a browser anyway.
    const ownPassword = `mine-${randomUUID()}`;
    const chosen = await kid.client.auth.updateUser({ password: ownPassword });
    expect(chosen.error?.code).toBe('not_admin');
    expect((await passwordGrant(email, ownPassword)).code).toBe('invalid_credentials');
    expect(await browserPasswordGrant(email, kid.password)).toBe('invalid_credentials');

    expect((await parent.client.rpc('revoke_parental_consent', { p_child_id: kid.id })).error).toBeNull();
    expect(await bannedUntil(kid.id)).not.toBeNull();
    expect(await adminQuery('select 1 from auth.sessions where user_id = $1', [kid.id])).toEqual([]);

    // Without consent not even the server's password gets in, nor the child's refresh token.
    expect((await passwordGrant(email, kid.password)).code).toBe('user_banned');
    expect((await kid.client.auth.refreshSession()).error).not.toBeNull();
    expect((await kidSignIn(parent.familyCode, kid.name, '8642')).status).toBe('needs_consent');

    // Consent given again lifts the ban.
    expect((await consent(kid.id)).error).toBeNull();
    expect(await bannedUntil(kid.id)).toBeNull();
    expect((await kidSignIn(parent.familyCode, kid.name, '8642')).code).toBeNull();
  });

  it('leaves the parent and the other children alone', async () => {
    const kid = await addChild(parent, { pin: '1111' });
    expect((await parent.client.rpc('revoke_parental_consent', { p_child_id: kid.id })).error).toBeNull();

    expect(await bannedUntil(parent.id)).toBeNull();
    expect(await bannedUntil(sibling.id)).toBeNull();
    expect((await parent.client.auth.refreshSession()).error).toBeNull();
    expect((await passwordGrant(parent.email, parent.password)).code).toBeNull();
    expect((await sibling.client.auth.refreshSession()).error).toBeNull();
    expect((await kidSignIn(parent.familyCode, sibling.name, '2222')).code).toBeNull();
    expect((await otherParent.client.auth.refreshSession()).error).toBeNull();
  });
});
