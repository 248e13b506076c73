import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient, serviceClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, setParentPin, signUpParent, sqlAs } from './family-helpers';

// Guessing at kid sign-in: failures are throttled per client address across children and family codes,
// and the per-child lockout escalates; leaving kid mode needs a parent PIN.
let parentA: Parent;
let parentB: Parent;
let service: SupabaseClient;

type PinCheck = { status: string; child_id: string | null; locked_until: string | null; attempts_left: number | null };

async function verifyPin(client: string, familyCode: string, name: string, pin: string): Promise<PinCheck> {
  const { data, error } = await service
    .rpc('verify_child_pin', { p_family_code: familyCode, p_child_name: name, p_pin: pin, p_client: client })
    .single<PinCheck>();
  if (error) throw error;
  return data;
}

/** A client address of its own per test, so the tests do not share a throttle budget. */
const newClient = () => `test-${randomUUID()}`;

const minutesFromNow = (at: string | null) => (new Date(at as string).getTime() - Date.now()) / 60_000;

async function lockOut(client: string, kid: Child): Promise<PinCheck> {
  let last: PinCheck | undefined;
  for (let i = 0; i < 5; i++) last = await verifyPin(client, parentA.familyCode, kid.name, '0000');
  expect(last?.status).toBe('locked');
  return last as PinCheck;
}

/** What waiting out a lockout does, without the wait. */
async function endLockout(kid: Child) {
  await adminQuery(`update private.child_logins set locked_until = now() - interval '1 second' where child_id = $1`, [
    kid.id,
  ]);
}

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
  await Promise.all([setParentPin(parentA), setParentPin(parentB)]);
  service = serviceClient();
});

describe('throttle per client address', () => {
  it('20 failures across children and family codes stop that address, even for a right PIN; others go on', async () => {
    const kids = await Promise.all([
      addChild(parentA, { pin: '1357' }),
      addChild(parentA, { pin: '2468' }),
      addChild(parentB, { pin: '9753' }),
    ]);
    const codes = [parentA.familyCode, parentA.familyCode, parentB.familyCode];
    const guesser = newClient();
    const statuses: string[] = [];
    // Four wrong PINs per child (none reaches its own lockout) and eight unknown family codes or names.
    for (const [i, kid] of kids.entries()) {
      for (let n = 0; n < 4; n++) statuses.push((await verifyPin(guesser, codes[i], kid.name, '0000')).status);
    }
    for (let n = 0; n < 4; n++) statuses.push((await verifyPin(guesser, `ZZ${1000 + n}`, 'Anyone', '1234')).status);
    for (let n = 0; n < 4; n++)
      statuses.push((await verifyPin(guesser, parentA.familyCode, `Nobody${n}`, '1234')).status);
    expect(statuses).toEqual([...Array(12).fill('wrong_pin'), ...Array(8).fill('not_found')]);

    const refused = await verifyPin(guesser, parentA.familyCode, kids[0].name, '1357');
    expect(refused).toMatchObject({ status: 'too_many_attempts', child_id: null, attempts_left: 0 });
    expect(minutesFromNow(refused.locked_until)).toBeGreaterThan(14);
    expect(minutesFromNow(refused.locked_until)).toBeLessThanOrEqual(15);
    expect((await verifyPin(guesser, 'ZZ9999', 'Anyone', '1234')).status).toBe('too_many_attempts');

    // The children themselves are not locked: from another device the right PINs work.
    const other = newClient();
    for (const [i, kid] of kids.entries()) {
      expect(await verifyPin(other, codes[i], kid.name, kid.pin)).toMatchObject({ status: 'ok', child_id: kid.id });
    }
  });

  it('a successful sign-in does not clear the count, and the window passes after 15 minutes', async () => {
    const kid = await addChild(parentA, { pin: '4444' });
    const guesser = newClient();
    for (let n = 0; n < 20; n++) expect((await verifyPin(guesser, 'QQ0000', 'X', '1234')).status).toBe('not_found');
    expect((await verifyPin(guesser, parentA.familyCode, kid.name, '4444')).status).toBe('too_many_attempts');

    // 15 minutes later (moved back in time here) the address may try again, and the expired rows go.
    await adminQuery(
      `update private.kid_sign_in_failures set failed_at = now() - interval '15 minutes 1 second' where client = $1`,
      [guesser],
    );
    expect((await verifyPin(guesser, parentA.familyCode, kid.name, '4444')).status).toBe('ok');
    const [{ count }] = await adminQuery<{ count: string }>(
      `select count(*) from private.kid_sign_in_failures where failed_at < now() - interval '15 minutes'`,
    );
    expect(Number(count)).toBe(0);
  });

  it('without an address (or a blank one) sign-ins share one budget rather than escaping it', async () => {
    const [{ count }] = await adminQuery<{ count: string }>(
      `select count(*) from private.kid_sign_in_failures where client = 'unknown'`,
    );
    expect(Number(count)).toBeLessThan(20);
    const { error } = await service.rpc('verify_child_pin', {
      p_family_code: 'QQ0001',
      p_child_name: 'X',
      p_pin: '1234',
      p_client: '  ',
    });
    expect(error).toBeNull();
    const [{ after }] = await adminQuery<{ after: string }>(
      `select count(*) as after from private.kid_sign_in_failures where client = 'unknown'`,
    );
    expect(Number(after)).toBe(Number(count) + 1);
  });

  it('parallel guesses from one address cannot slip past the limit', async () => {
    const guesser = newClient();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) => verifyPin(guesser, `PP${1000 + n}`, 'X', '1234')),
    );
    expect(answers.filter((a) => a.status === 'not_found')).toHaveLength(20);
    expect(answers.filter((a) => a.status === 'too_many_attempts')).toHaveLength(10);
  });
});

describe('escalating per-child lockout', () => {
  it('15 minutes, then 30, then 60 after repeated lockouts; a right PIN starts over', async () => {
    const kid = await addChild(parentA, { pin: '8080' });
    const first = await lockOut(newClient(), kid);
    expect(minutesFromNow(first.locked_until)).toBeGreaterThan(14);
    expect(minutesFromNow(first.locked_until)).toBeLessThanOrEqual(15);
    await endLockout(kid);
    const second = await lockOut(newClient(), kid);
    expect(minutesFromNow(second.locked_until)).toBeGreaterThan(29);
    expect(minutesFromNow(second.locked_until)).toBeLessThanOrEqual(30);
    await endLockout(kid);
    const third = await lockOut(newClient(), kid);
    expect(minutesFromNow(third.locked_until)).toBeGreaterThan(59);
    expect(minutesFromNow(third.locked_until)).toBeLessThanOrEqual(60);

    await endLockout(kid);
    expect((await verifyPin(newClient(), parentA.familyCode, kid.name, '8080')).status).toBe('ok');
    const afterRight = await lockOut(newClient(), kid);
    expect(minutesFromNow(afterRight.locked_until)).toBeLessThanOrEqual(15);
  });

  it('is capped at 24 hours', async () => {
    const kid = await addChild(parentA, { pin: '8181' });
    await adminQuery('update private.child_logins set lockouts = 40 where child_id = $1', [kid.id]);
    const locked = await lockOut(newClient(), kid);
    expect(minutesFromNow(locked.locked_until)).toBeGreaterThan(24 * 60 - 1);
    expect(minutesFromNow(locked.locked_until)).toBeLessThanOrEqual(24 * 60);
  });

  it('a parent setting a new PIN lifts the lockout and resets the escalation', async () => {
    const kid = await addChild(parentA, { pin: '8282' });
    await lockOut(newClient(), kid);
    await endLockout(kid);
    const second = await lockOut(newClient(), kid);
    expect(minutesFromNow(second.locked_until)).toBeGreaterThan(29);

    expect((await parentA.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '8383' })).error).toBeNull();
    const next = await lockOut(newClient(), kid);
    expect(minutesFromNow(next.locked_until)).toBeGreaterThan(14);
    expect(minutesFromNow(next.locked_until)).toBeLessThanOrEqual(15);
  });
});

describe('the throttle cannot be reached or dodged through the API', () => {
  it('no API role can read or write the failures table', async () => {
    for (const user of [parentA.id, null]) {
      await expect(sqlAs(user, 'select client from private.kid_sign_in_failures')).rejects.toThrow(/permission denied/);
      await expect(sqlAs(user, `insert into private.kid_sign_in_failures (client) values ('x')`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(sqlAs(user, 'delete from private.kid_sign_in_failures')).rejects.toThrow(/permission denied/);
    }
    const [grants] = await adminQuery<{ any: boolean }>(
      `select bool_or(has_table_privilege(r, 'private.kid_sign_in_failures', p)) as any
         from unnest(array['anon', 'authenticated', 'service_role']) r,
              unnest(array['select', 'insert', 'update', 'delete']) p`,
    );
    expect(grants.any).toBe(false);
  });

  it('only the service role may call verify_child_pin, so no user can pass another address', async () => {
    const kid = await addChild(parentA, { pin: '6060' });
    const args = { p_family_code: parentA.familyCode, p_child_name: kid.name, p_pin: '6060', p_client: newClient() };
    expectError(await anonClient().rpc('verify_child_pin', args), /permission denied/);
    expectError(await parentA.client.rpc('verify_child_pin', args), /permission denied/);
    expectError(await kid.client.rpc('verify_child_pin', args), /permission denied/);
    const [row] = await adminQuery<{ anon: boolean; authenticated: boolean; service: boolean }>(
      `select has_function_privilege('anon', 'public.verify_child_pin(text, text, text, text)', 'execute') as anon,
              has_function_privilege('authenticated', 'public.verify_child_pin(text, text, text, text)', 'execute') as authenticated,
              has_function_privilege('service_role', 'public.verify_child_pin(text, text, text, text)', 'execute') as service`,
    );
    expect(row).toEqual({ anon: false, authenticated: false, service: true });
  });
});

describe('leaving kid mode', () => {
  it('verify_parent_pin says not_set without a parent PIN (the leave action refuses it); its lockout escalates too', async () => {
    const parent = await signUpParent();
    const kid = await addChild(parent);
    expect((await kid.client.rpc('verify_parent_pin', { p_pin: '' }).single<PinCheck>()).data?.status).toBe('not_set');

    expect((await parent.client.rpc('set_parent_pin', { p_pin: '2580' })).error).toBeNull();
    const lockParentPin = async () => {
      let last: PinCheck | null = null;
      for (let i = 0; i < 5; i++)
        last = (await kid.client.rpc('verify_parent_pin', { p_pin: '0000' }).single<PinCheck>()).data;
      expect(last?.status).toBe('locked');
      return last as PinCheck;
    };
    expect(minutesFromNow((await lockParentPin()).locked_until)).toBeLessThanOrEqual(15);
    await adminQuery(`update private.parent_pins set locked_until = now() - interval '1 second' where family_id = $1`, [
      parent.familyId,
    ]);
    expect(minutesFromNow((await lockParentPin()).locked_until)).toBeGreaterThan(29);
    // A new parent PIN starts over.
    expect((await parent.client.rpc('set_parent_pin', { p_pin: '2581' })).error).toBeNull();
    expect(minutesFromNow((await lockParentPin()).locked_until)).toBeLessThanOrEqual(15);
  });

  it('the right parent PIN resets the wrong-PIN count and the escalation', async () => {
    const parent = await signUpParent();
    const kid = await addChild(parent);
    expect((await parent.client.rpc('set_parent_pin', { p_pin: '2580' })).error).toBeNull();
    const check = async (pin: string) =>
      (await kid.client.rpc('verify_parent_pin', { p_pin: pin }).single<PinCheck>()).data as PinCheck;
    const counters = async () =>
      (
        await adminQuery<{ failed_attempts: number; lockouts: number }>(
          'select failed_attempts, lockouts from private.parent_pins where family_id = $1',
          [parent.familyId],
        )
      )[0];

    for (let i = 0; i < 4; i++) expect((await check('0000')).status).toBe('wrong_pin');
    expect(await counters()).toEqual({ failed_attempts: 4, lockouts: 0 });
    expect((await check('2580')).status).toBe('ok');
    expect(await counters()).toEqual({ failed_attempts: 0, lockouts: 0 });
    // Four more wrong PINs are four fresh tries, not a lockout.
    expect((await check('0000')).attempts_left).toBe(4);

    // After a lockout (escalation 1), waiting it out and the right PIN start the escalation over.
    for (let i = 0; i < 4; i++) await check('0000');
    expect((await check('0000')).status).toBe('locked');
    expect(await counters()).toEqual({ failed_attempts: 0, lockouts: 1 });
    await adminQuery(`update private.parent_pins set locked_until = now() - interval '1 second' where family_id = $1`, [
      parent.familyId,
    ]);
    expect((await check('2580')).status).toBe('ok');
    expect(await counters()).toEqual({ failed_attempts: 0, lockouts: 0 });
    let last: PinCheck | undefined;
    for (let i = 0; i < 5; i++) last = await check('0000');
    expect(last?.status).toBe('locked');
    expect(minutesFromNow(last?.locked_until ?? null)).toBeLessThanOrEqual(15);
  });
});
