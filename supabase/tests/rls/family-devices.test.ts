import { createHash, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient, serviceClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, setParentPin, signUpParent, sqlAs } from './family-helpers';

// Family devices (20261201121000_family_devices.sql): a parent marks a device, children sign in there by
// avatar and PIN; the token is stored hashed, revocable, and guessing is limited per device and per child.
type PinCheck = { status: string; child_id: string | null; locked_until: string | null; attempts_left: number | null };
type Registered = { device_id: string; token: string };

let parentA: Parent;
let parentB: Parent;
let kidA: Child;
let kidB: Child;
let service: SupabaseClient;

async function register(parent: Parent, name = 'Kitchen tablet'): Promise<Registered> {
  const { data, error } = await parent.client.rpc('register_family_device', { p_name: name }).single<Registered>();
  if (error) throw error;
  return data;
}

async function deviceSignIn(token: string, childId: string, pin: string): Promise<PinCheck> {
  const { data, error } = await service
    .rpc('verify_device_child_pin', { p_token: token, p_child_id: childId, p_pin: pin })
    .single<PinCheck>();
  if (error) throw error;
  return data;
}

async function deviceRow(id: string) {
  const [row] = await adminQuery<{ revoked_at: Date | null; revoked_by: string | null; last_seen_at: Date | null }>(
    'select revoked_at, revoked_by, last_seen_at from private.family_devices where id = $1',
    [id],
  );
  return row;
}

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
  [kidA, kidB] = await Promise.all([addChild(parentA, { pin: '1357' }), addChild(parentB, { pin: '2468' })]);
  service = serviceClient();
});

describe('marking a device', () => {
  it('needs a parent of a family with a parent PIN, and a name of 1 to 40 characters', async () => {
    const parent = await signUpParent();
    const kid = await addChild(parent);
    expectError(await parent.client.rpc('register_family_device', { p_name: 'Tablet' }), 'parent_pin_required');
    await setParentPin(parent);
    expectError(await kid.client.rpc('register_family_device', { p_name: 'Tablet' }), 'not_a_parent');
    expectError(await anonClient().rpc('register_family_device', { p_name: 'Tablet' }), /permission denied/);
    for (const name of ['', '   ', 'x'.repeat(41)]) {
      expectError(await parent.client.rpc('register_family_device', { p_name: name }), 'device_name_length', {
        min: 1,
        max: 40,
      });
    }
    expectError(await parent.client.rpc('register_family_device', { p_name: null as never }), 'device_name_length');
    // Refusals changed nothing.
    expect((await parent.client.rpc('list_family_devices')).data).toEqual([]);

    // A hostile name is only text: stored as typed (trimmed), never interpreted.
    const hostile = await register(parent, "  <script>x</script>'; drop table x;--  ");
    const { data: listed } = await parent.client.rpc('list_family_devices');
    expect(listed).toEqual([
      expect.objectContaining({ id: hostile.device_id, name: "<script>x</script>'; drop table x;--" }),
    ]);
  });

  it('returns a random token once and keeps only its SHA-256', async () => {
    await setParentPin(parentA);
    const first = await register(parentA);
    const second = await register(parentA);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.token).not.toBe(first.token);
    const [row] = await adminQuery<{ token_hash: Buffer }>(
      'select token_hash from private.family_devices where id = $1',
      [first.device_id],
    );
    expect(row.token_hash.equals(createHash('sha256').update(first.token).digest())).toBe(true);
    const [{ stored }] = await adminQuery<{ stored: boolean }>(
      `select exists (select 1 from private.family_devices d where position($1 in d::text) > 0) as stored`,
      [first.token],
    );
    expect(stored).toBe(false);
    // The table is out of every API role's reach.
    for (const user of [parentA.id, kidA.id, null]) {
      await expect(sqlAs(user, 'select * from private.family_devices')).rejects.toThrow(/permission denied/);
    }
  });

  it("parents list their family's devices; children and other families see none", async () => {
    const { data } = await parentA.client.rpc('list_family_devices');
    expect(data?.length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(data?.[0] ?? {}).sort()).toEqual(
      ['created_at', 'created_by_name', 'id', 'last_seen_at', 'name', 'revoked_at'].sort(),
    );
    expect((await kidA.client.rpc('list_family_devices')).data).toEqual([]);
    expect((await parentB.client.rpc('list_family_devices')).data).toEqual([]);
    expectError(await anonClient().rpc('list_family_devices'), /permission denied/);
  });

  it('adding and revoking devices are in the audit log, without the hash', async () => {
    const device = await register(parentA, 'Audited');
    await parentA.client.rpc('revoke_family_device', { p_device_id: device.device_id });
    const rows = await adminQuery<{ operation: string; actor_id: string; new_row: Record<string, unknown> }>(
      `select operation, actor_id, new_row from audit.log where table_name = 'private.family_devices'
        and new_row ->> 'id' = $1 order by id`,
      [device.device_id],
    );
    expect(rows.map((r) => r.operation)).toEqual(['INSERT', 'UPDATE']);
    expect(rows.every((r) => r.actor_id === parentA.id && !('token_hash' in r.new_row))).toBe(true);
  });
});

describe('the family device (service role, with the token from the signed cookie)', () => {
  let device: Registered;

  beforeAll(async () => {
    await setParentPin(parentA);
    device = await register(parentA, 'Living room');
  });

  it("shows the device's family and its children with consent, and notes when it was seen", async () => {
    const late = await addChild(parentA, { consent: false });
    // A child whose sign-in is gone (as when a parent deactivates them) is not offered either.
    const gone = await addChild(parentA);
    await adminQuery('delete from private.child_logins where child_id = $1', [gone.id]);
    await adminQuery('update private.family_devices set last_seen_at = null where id = $1', [device.device_id]);
    const { data } = await service.rpc('get_family_device', { p_token: device.token }).single();
    expect(data).toMatchObject({
      device_id: device.device_id,
      device_name: 'Living room',
      family_id: parentA.familyId,
    });
    expect((await deviceRow(device.device_id)).last_seen_at).not.toBeNull();
    const { data: children } = await service.rpc('get_family_device_children', { p_token: device.token });
    const ids = (children ?? []).map((c: { child_id: string }) => c.child_id);
    expect(ids).toContain(kidA.id);
    expect(ids).not.toContain(late.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(kidB.id);
  });

  it('knows nothing for an unknown or malformed token, and no user can ask', async () => {
    for (const token of [randomUUID(), '', 'x'.repeat(5000), `${device.token}x`]) {
      expect((await service.rpc('get_family_device', { p_token: token })).data).toEqual([]);
      expect((await service.rpc('get_family_device_children', { p_token: token })).data).toEqual([]);
    }
    for (const client of [parentA.client, kidA.client, anonClient()]) {
      expectError(await client.rpc('get_family_device', { p_token: device.token }), /permission denied/);
      expectError(await client.rpc('get_family_device_children', { p_token: device.token }), /permission denied/);
      expectError(
        await client.rpc('verify_device_child_pin', { p_token: device.token, p_child_id: kidA.id, p_pin: '1357' }),
        /permission denied/,
      );
    }
  });

  it("signs in a child of the device's family by PIN; another family's child is not found there", async () => {
    expect(await deviceSignIn(device.token, kidA.id, '1357')).toMatchObject({ status: 'ok', child_id: kidA.id });
    // Family B's child with the right PIN, on family A's device.
    expect(await deviceSignIn(device.token, kidB.id, '2468')).toMatchObject({ status: 'not_found', child_id: null });
    expect(await deviceSignIn(device.token, randomUUID(), '2468')).toMatchObject({ status: 'not_found' });
  });

  it('wrong PINs count per child (lockout) and per device (10 in 15 minutes stop the device)', async () => {
    const fresh = await register(parentA, 'Guessing target');
    const [k1, k2, k3] = await Promise.all([
      addChild(parentA, { pin: '1111' }),
      addChild(parentA, { pin: '2222' }),
      addChild(parentA, { pin: '3333' }),
    ]);
    const statuses: string[] = [];
    // Four wrong PINs each for two children, and two children of another family: ten failures.
    for (const kid of [k1, k2])
      for (let i = 0; i < 4; i++) statuses.push((await deviceSignIn(fresh.token, kid.id, '0000')).status);
    for (let i = 0; i < 2; i++) statuses.push((await deviceSignIn(fresh.token, kidB.id, '2468')).status);
    expect(statuses).toEqual([...Array(8).fill('wrong_pin'), 'not_found', 'not_found']);
    // The device is stopped, even for a right PIN of a child it has not guessed at.
    const stopped = await deviceSignIn(fresh.token, k3.id, '3333');
    expect(stopped).toMatchObject({ status: 'too_many_attempts', child_id: null });
    expect(new Date(stopped.locked_until as string).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Another device of the family, and the code + name route, are not stopped by it.
    expect((await deviceSignIn(device.token, k3.id, '3333')).status).toBe('ok');
    const { data: byCode } = await service
      .rpc('verify_child_pin', {
        p_family_code: parentA.familyCode,
        p_child_name: k3.name,
        p_pin: '3333',
        p_client: `test-${randomUUID()}`,
      })
      .single<PinCheck>();
    expect(byCode?.status).toBe('ok');
    // The count lives in the database, keyed by the device: nothing a request says can reset it.
    const [{ n }] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from private.kid_sign_in_failures where client = $1',
      [`device:${fresh.device_id}`],
    );
    expect(n).toBe(10);
    // The child's own lockout still applies on the device: the fifth wrong PIN locks k1.
    expect((await deviceSignIn(device.token, k1.id, '0000')).status).toBe('locked');
    expect((await deviceSignIn(device.token, k1.id, '1111')).status).toBe('locked');
  });
});

describe('revoking a device', () => {
  it("only the device's family's parents revoke it; then its token is worthless", async () => {
    await setParentPin(parentA);
    const device = await register(parentA, 'To revoke');
    for (const client of [parentB.client, kidA.client]) {
      expectError(await client.rpc('revoke_family_device', { p_device_id: device.device_id }), 'not_parent_of_family');
    }
    expectError(
      await parentA.client.rpc('revoke_family_device', { p_device_id: randomUUID() }),
      'not_parent_of_family',
    );
    expectError(
      await parentA.client.rpc('revoke_family_device', { p_device_id: 'not-a-uuid' }),
      /invalid input syntax for type uuid/,
    );
    expect((await deviceRow(device.device_id)).revoked_at).toBeNull();

    expect((await parentA.client.rpc('revoke_family_device', { p_device_id: device.device_id })).error).toBeNull();
    const revoked = await deviceRow(device.device_id);
    expect(revoked).toMatchObject({ revoked_by: parentA.id });
    // Twice is fine and keeps the first time.
    expect((await parentA.client.rpc('revoke_family_device', { p_device_id: device.device_id })).error).toBeNull();
    expect((await deviceRow(device.device_id)).revoked_at).toEqual(revoked.revoked_at);

    expect((await service.rpc('get_family_device', { p_token: device.token })).data).toEqual([]);
    expect((await service.rpc('get_family_device_children', { p_token: device.token })).data).toEqual([]);
    expect(await deviceSignIn(device.token, kidA.id, '1357')).toMatchObject({ status: 'device_unknown' });
    const { data } = await parentA.client.rpc('list_family_devices');
    expect(data?.find((d: { id: string }) => d.id === device.device_id)?.revoked_at).not.toBeNull();
  });
});

describe('kid sign-in needs a parent PIN, by any route', () => {
  it('a right PIN in a family without a parent PIN answers needs_parent_pin; then ok once it is set', async () => {
    const parent = await signUpParent();
    const kid = await addChild(parent, { pin: '9753' });
    const byCode = async (pin: string) =>
      (
        await service
          .rpc('verify_child_pin', {
            p_family_code: parent.familyCode,
            p_child_name: kid.name,
            p_pin: pin,
            p_client: `test-${randomUUID()}`,
          })
          .single<PinCheck>()
      ).data;
    // A wrong PIN says only that: guessing learns nothing about the family.
    expect(await byCode('0000')).toMatchObject({ status: 'wrong_pin' });
    expect(await byCode('9753')).toMatchObject({ status: 'needs_parent_pin', child_id: null });
    await setParentPin(parent);
    expect(await byCode('9753')).toMatchObject({ status: 'ok', child_id: kid.id });
  });
});
