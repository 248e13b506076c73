import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient, serviceClient, signUpUser } from 'supabase-local/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addChild,
  type Child,
  createChildUser,
  expectError,
  type Parent,
  setParentPin,
  signUpParent,
  sqlAs,
} from './family-helpers';

// Adding children, consent, PINs and kid sign-in: who may call what, and what wrong input does.
let parentA: Parent;
let parentB: Parent;
let childA: Child;
let childB: Child;
let anon: SupabaseClient;
let service: SupabaseClient;
const thisYear = new Date().getFullYear();

type PinCheck = { status: string; child_id: string | null; locked_until: string | null; attempts_left: number | null };

// Each test's own client address, so wrong PINs count neither against other files' throttle budget nor
// against another test's, whatever order they run in.
let clientAddress = `test-${randomUUID()}`;
beforeEach(() => {
  clientAddress = `test-${randomUUID()}`;
});

async function verifyPin(familyCode: string, name: string, pin: string): Promise<PinCheck> {
  const { data, error } = await service
    .rpc('verify_child_pin', { p_family_code: familyCode, p_child_name: name, p_pin: pin, p_client: clientAddress })
    .single<PinCheck>();
  if (error) throw error;
  return data;
}

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
  // Family A's children sign in in these tests; family B has no parent PIN (see "parent PIN" below).
  await setParentPin(parentA);
  [childA, childB] = await Promise.all([addChild(parentA, { pin: '2468' }), addChild(parentB)]);
  anon = anonClient();
  service = serviceClient();
});

describe('add_child', () => {
  it('makes the child a member with profile, default controls and a bcrypt-hashed PIN', async () => {
    const [row] = await adminQuery<{ role: string; display_name: string; birth_year: number; pin_hash: string }>(
      `select fm.role, p.display_name, p.birth_year, l.pin_hash from public.family_members fm
         join public.profiles p on p.id = fm.user_id join private.child_logins l on l.child_id = fm.user_id
        where fm.user_id = $1`,
      [childA.id],
    );
    expect(row.role).toBe('child');
    expect(row.display_name).toBe(childA.name);
    expect(row.pin_hash).toMatch(/^\$2a\$08\$/);
    expect(row.pin_hash).not.toContain('2468');
  });

  it.each([
    [{ p_display_name: '  ' }, 'child_name_length'],
    [{ p_birth_year: thisYear - 30 }, 'birth_year_range'],
    [{ p_birth_year: thisYear }, 'birth_year_range'],
    [{ p_pin: '12' }, 'pin_format'],
    [{ p_pin: 'abcd' }, 'pin_format'],
  ])('refuses %o with a sentence and adds nothing', async (override, message) => {
    const user = await createChildUser();
    const result = await parentA.client.rpc('add_child', {
      p_child_id: user.id,
      p_display_name: 'Valid',
      p_birth_year: thisYear - 7,
      p_pin: '1234',
      ...override,
    });
    expectError(result, message);
    expect(await adminQuery('select 1 from public.family_members where user_id = $1', [user.id])).toEqual([]);
    expect(await adminQuery('select 1 from public.parental_controls where child_id = $1', [user.id])).toEqual([]);
  });

  it('refuses a second child with the same name in the family (names are how children sign in)', async () => {
    const user = await createChildUser();
    const result = await parentA.client.rpc('add_child', {
      p_child_id: user.id,
      p_display_name: childA.name.toUpperCase(),
      p_birth_year: thisYear - 7,
      p_pin: '1234',
    });
    expectError(result, 'child_name_taken');
  });

  it('only parents add children, and only fresh child accounts can be added', async () => {
    const user = await createChildUser();
    const args = { p_child_id: user.id, p_display_name: 'Sneaky', p_birth_year: thisYear - 7, p_pin: '1234' };
    expectError(await childA.client.rpc('add_child', args), 'not_a_parent');
    expectError(await anon.rpc('add_child', args), /permission denied/);
    const grownUp = await signUpUser();
    // A grown-up account, or a child who already belongs to a family, cannot be taken over.
    expectError(await parentA.client.rpc('add_child', { ...args, p_child_id: grownUp.id }), 'child_account_invalid');
    expectError(await parentA.client.rpc('add_child', { ...args, p_child_id: childB.id }), 'child_account_invalid');
    const [member] = await adminQuery<{ family_id: string }>(
      'select family_id from public.family_members where user_id = $1',
      [childB.id],
    );
    expect(member.family_id).toBe(parentB.familyId);
  });
});

describe('consent', () => {
  it('a child cannot sign in before a parent consents; afterwards they can', async () => {
    const late = await addChild(parentA, { pin: '1357', consent: false });
    expect(await verifyPin(parentA.familyCode, late.name, '1357')).toMatchObject({
      status: 'needs_consent',
      child_id: null,
    });
    expectError(await late.client.rpc('reading_heartbeat'), 'needs_consent');
    expectError(await late.client.rpc('request_more_time', { p_minutes: 10 }), 'needs_consent');

    // Nobody but a parent of that child can give consent.
    const consent = { p_child_id: late.id, p_method: 'in_app_attestation', p_statement: 'I agree.' } as const;
    expectError(await late.client.rpc('give_parental_consent', consent), 'not_parent_of_child');
    expectError(await parentB.client.rpc('give_parental_consent', consent), 'not_parent_of_child');
    expectError(await anon.rpc('give_parental_consent', consent), /permission denied/);
    expect(await verifyPin(parentA.familyCode, late.name, '1357')).toMatchObject({ status: 'needs_consent' });

    const given = await parentA.client.rpc('give_parental_consent', consent);
    expect(given.error).toBeNull();
    const [record] = await adminQuery<{ parent_id: string; method: string; consented_at: Date }>(
      'select parent_id, method, consented_at from public.parental_consents where child_id = $1',
      [late.id],
    );
    expect(record).toMatchObject({ parent_id: parentA.id, method: 'in_app_attestation' });
    expect(await verifyPin(parentA.familyCode, late.name, '1357')).toMatchObject({ status: 'ok', child_id: late.id });

    // Withdrawing consent stops sign-in again.
    expectError(await parentB.client.rpc('revoke_parental_consent', { p_child_id: late.id }), 'not_parent_of_child');
    expect((await parentA.client.rpc('revoke_parental_consent', { p_child_id: late.id })).error).toBeNull();
    expect(await verifyPin(parentA.familyCode, late.name, '1357')).toMatchObject({ status: 'needs_consent' });
  });

  it('withdrawing consent also signs the child out: their sessions end and cannot be refreshed', async () => {
    const kid = await addChild(parentA, { pin: '8642' });
    const [sessions] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from auth.sessions where user_id = $1',
      [kid.id],
    );
    expect(sessions.n).toBeGreaterThan(0);

    // Another family's parent cannot end the child's sessions.
    expectError(await parentB.client.rpc('revoke_parental_consent', { p_child_id: kid.id }), 'not_parent_of_child');
    expect((await adminQuery('select 1 from auth.sessions where user_id = $1', [kid.id])).length).toBeGreaterThan(0);

    expect((await parentA.client.rpc('revoke_parental_consent', { p_child_id: kid.id })).error).toBeNull();
    expect(await adminQuery('select 1 from auth.sessions where user_id = $1', [kid.id])).toEqual([]);
    const refreshed = await kid.client.auth.refreshSession();
    expect(refreshed.error, 'the child session must not outlive the consent').not.toBeNull();
    // Only the child was signed out: the parent and the other children keep their sessions.
    expect((await parentA.client.auth.refreshSession()).error).toBeNull();
    expect((await adminQuery('select 1 from auth.sessions where user_id = $1', [childA.id])).length).toBeGreaterThan(0);
  });

  it('consent records: parents of the family read them, nobody writes them directly', async () => {
    expect(
      (await parentA.client.from('parental_consents').select('child_id').eq('child_id', childA.id)).data,
    ).toHaveLength(1);
    for (const other of [childA.client, parentB.client]) {
      expect((await other.from('parental_consents').select('id').eq('child_id', childA.id)).data).toEqual([]);
    }
    expectError(
      await parentA.client
        .from('parental_consents')
        .insert({ family_id: parentA.familyId, child_id: childA.id, method: 'signed_form', statement: 'x' }),
      /permission denied/,
    );
    expectError(
      await parentA.client.from('parental_consents').update({ revoked_at: null }).eq('child_id', childA.id),
      /permission denied/,
    );
    expectError(await parentA.client.from('parental_consents').delete().eq('child_id', childA.id), /permission denied/);
    expectError(await anon.from('parental_consents').select('id'), /permission denied/);
  });
});

describe('kid sign-in: verify_child_pin', () => {
  it('is callable only by the service role (the sign-in server action)', async () => {
    const args = { p_family_code: parentA.familyCode, p_child_name: childA.name, p_pin: '2468' };
    expectError(await anon.rpc('verify_child_pin', args), /permission denied/);
    expectError(await parentA.client.rpc('verify_child_pin', args), /permission denied/);
    expectError(await childA.client.rpc('verify_child_pin', args), /permission denied/);
    expect(await verifyPin(parentA.familyCode, childA.name, '2468')).toMatchObject({
      status: 'ok',
      child_id: childA.id,
    });
  });

  it('accepts the family code and name in any case and with spaces', async () => {
    const result = await verifyPin(` ${parentA.familyCode.toLowerCase()} `, ` ${childA.name.toLowerCase()}`, '2468');
    expect(result).toMatchObject({ status: 'ok', child_id: childA.id });
  });

  it('says not_found for an unknown family or name, and never matches a child of another family', async () => {
    expect((await verifyPin('ZZZZZZ', childA.name, '2468')).status).toBe('not_found');
    expect((await verifyPin(parentA.familyCode, 'Nobody', '2468')).status).toBe('not_found');
    expect((await verifyPin(parentB.familyCode, childA.name, '2468')).status).toBe('not_found');
  });

  it('locks sign-in for 15 minutes after 5 wrong PINs, even for the right PIN, then lets the child in', async () => {
    const kid = await addChild(parentA, { pin: '9090' });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await verifyPin(parentA.familyCode, kid.name, '0000'));
    expect(answers.map((a) => [a.status, a.attempts_left])).toEqual([
      ['wrong_pin', 4],
      ['wrong_pin', 3],
      ['wrong_pin', 2],
      ['wrong_pin', 1],
      ['locked', 0],
    ]);
    const lockedUntil = new Date(answers[4].locked_until as string).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const right = await verifyPin(parentA.familyCode, kid.name, '9090');
    expect(right).toMatchObject({ status: 'locked', child_id: null });

    // The parent sees the lockout on the dashboard.
    const overview = await parentA.client.rpc('get_children_overview');
    expect(overview.error).toBeNull();
    const row = (overview.data as { child_id: string; locked_until: string | null }[]).find(
      (c) => c.child_id === kid.id,
    );
    expect(row).toBeDefined();
    expect(row?.locked_until).not.toBeNull();

    // 15 minutes later (moved back in time here) the right PIN works and the count starts again.
    await adminQuery(`update private.child_logins set locked_until = now() - interval '1 second' where child_id = $1`, [
      kid.id,
    ]);
    expect(await verifyPin(parentA.familyCode, kid.name, '9090')).toMatchObject({ status: 'ok', child_id: kid.id });
    expect((await verifyPin(parentA.familyCode, kid.name, '0000')).attempts_left).toBe(4);
  });

  it('a right PIN resets the wrong-PIN count', async () => {
    const kid = await addChild(parentA, { pin: '4321' });
    for (let i = 0; i < 4; i++) await verifyPin(parentA.familyCode, kid.name, '1111');
    expect((await verifyPin(parentA.familyCode, kid.name, '4321')).status).toBe('ok');
    expect((await verifyPin(parentA.familyCode, kid.name, '1111')).attempts_left).toBe(4);
  });

  it('a parent sets a new PIN, which also lifts a lockout; nobody else can', async () => {
    const kid = await addChild(parentA, { pin: '5555' });
    for (let i = 0; i < 5; i++) await verifyPin(parentA.familyCode, kid.name, '0000');
    expectError(await kid.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '7777' }), 'not_parent_of_child');
    expectError(
      await parentB.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '7777' }),
      'not_parent_of_child',
    );
    expectError(await parentA.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '77' }), 'pin_format');
    expect((await parentA.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '777777' })).error).toBeNull();
    expect(await verifyPin(parentA.familyCode, kid.name, '777777')).toMatchObject({ status: 'ok' });
    expect((await verifyPin(parentA.familyCode, kid.name, '5555')).status).toBe('wrong_pin');
  });

  it('PIN hashes are out of reach of every API role', async () => {
    for (const user of [parentA.id, childA.id, null]) {
      await expect(sqlAs(user, 'select pin_hash from private.child_logins')).rejects.toThrow(/permission denied/);
      await expect(sqlAs(user, 'select pin_hash from private.parent_pins')).rejects.toThrow(/permission denied/);
    }
  });
});

describe('parent PIN (leaving kid mode)', () => {
  it('parents set it; the child checks it with the same 5-try lockout', async () => {
    const parent = await signUpParent();
    const kid = await addChild(parent);
    expect((await kid.client.rpc('has_parent_pin')).data).toBe(false);
    expect((await kid.client.rpc('verify_parent_pin', { p_pin: '0000' }).single<PinCheck>()).data?.status).toBe(
      'not_set',
    );
    expectError(await kid.client.rpc('set_parent_pin', { p_pin: '1111' }), 'not_a_parent');
    expectError(await parent.client.rpc('set_parent_pin', { p_pin: '1' }), 'pin_format');
    expect((await parent.client.rpc('set_parent_pin', { p_pin: '8642' })).error).toBeNull();
    expect((await kid.client.rpc('has_parent_pin')).data).toBe(true);

    expect((await kid.client.rpc('verify_parent_pin', { p_pin: '8642' }).single<PinCheck>()).data?.status).toBe('ok');
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await kid.client.rpc('verify_parent_pin', { p_pin: '0000' }).single<PinCheck>()).data?.status);
    }
    expect(statuses).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'locked']);
    expect((await kid.client.rpc('verify_parent_pin', { p_pin: '8642' }).single<PinCheck>()).data?.status).toBe(
      'locked',
    );
    // Another family's PIN is not this family's.
    expect((await childB.client.rpc('verify_parent_pin', { p_pin: '8642' }).single<PinCheck>()).data?.status).toBe(
      'not_set',
    );
    expectError(await anon.rpc('verify_parent_pin', { p_pin: '8642' }), /permission denied/);
  });
});
