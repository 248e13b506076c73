import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { adminQuery, anonClient, serviceClient, signUpUser, stackInfo } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, signUpParent } from './family-helpers';

// Who may see and change families, memberships, profiles and invites. Named users: parent A with
// child A, parent B with child B (another family), anon and the service role.
let parentA: Parent;
let parentB: Parent;
let childA: Child;
let childB: Child;
let anon: SupabaseClient;
let service: SupabaseClient;

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent({ time_zone: 'Europe/Berlin' }), signUpParent()]);
  [childA, childB] = await Promise.all([addChild(parentA), addChild(parentB)]);
  anon = anonClient();
  service = serviceClient();
});

describe('sign-up', () => {
  it('gives every grown-up a family of which they are the only parent, in their time zone', async () => {
    const rows = await adminQuery<{ role: string; time_zone: string; name: string; code: string }>(
      `select fm.role, f.time_zone, f.name, f.code from public.family_members fm join public.families f on f.id = fm.family_id
        where fm.family_id = $1 order by fm.role`,
      [parentA.familyId],
    );
    expect(rows.map((r) => r.role)).toEqual(['parent', 'child']);
    expect(rows[0].time_zone).toBe('Europe/Berlin');
    expect(rows[0].name).toMatch(/^Parent .+'s family$/);
    expect(rows[0].code).toMatch(/^[A-Z0-9]{6}$/);
  });

  it('falls back to UTC for a time zone that does not exist', async () => {
    const parent = await signUpParent({ time_zone: 'Mars/Olympus_Mons' });
    const [family] = await adminQuery<{ time_zone: string }>('select time_zone from public.families where id = $1', [
      parent.familyId,
    ]);
    expect(family.time_zone).toBe('UTC');
  });

  it('does not give child accounts a family of their own', async () => {
    const rows = await adminQuery('select family_id from public.family_members where user_id = $1', [childA.id]);
    expect(rows).toEqual([{ family_id: parentA.familyId }]);
  });
});

describe('families', () => {
  it('members read their own family and nobody else reads it', async () => {
    for (const member of [parentA.client, childA.client]) {
      const { data, error } = await member.from('families').select('id, name, code, time_zone');
      expect(error).toBeNull();
      expect(data?.map((f) => f.id)).toEqual([parentA.familyId]);
    }
    for (const stranger of [parentB.client, childB.client]) {
      const { data, error } = await stranger.from('families').select('id').eq('id', parentA.familyId);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const anonRead = await anon.from('families').select('id');
    expectError(anonRead, /permission denied/);
    const serviceRead = await service.from('families').select('id').eq('id', parentA.familyId);
    expect(serviceRead.data).toHaveLength(1);
  });

  it('parents rename their family and change its time zone; children and other parents cannot', async () => {
    // A family of its own, so the other tests see family A as they set it up, in any order.
    const parent = await signUpParent();
    const kid = await addChild(parent);
    const renamed = await parent.client
      .from('families')
      .update({ name: 'The A Team', time_zone: 'Asia/Tokyo' })
      .eq('id', parent.familyId)
      .select('name, time_zone');
    expect(renamed.error).toBeNull();
    expect(renamed.data).toEqual([{ name: 'The A Team', time_zone: 'Asia/Tokyo' }]);

    for (const other of [kid.client, parentB.client]) {
      const { data, error } = await other
        .from('families')
        .update({ name: 'Hijacked' })
        .eq('id', parent.familyId)
        .select();
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    const [family] = await adminQuery<{ name: string }>('select name from public.families where id = $1', [
      parent.familyId,
    ]);
    expect(family.name).toBe('The A Team');
  });

  it('refuses an unknown time zone or an empty name with a sentence, changing nothing', async () => {
    const [before] = await adminQuery<{ time_zone: string; name: string }>(
      'select name, time_zone from public.families where id = $1',
      [parentA.familyId],
    );
    const badZone = await parentA.client
      .from('families')
      .update({ time_zone: 'Europe/Atlantis' })
      .eq('id', parentA.familyId);
    expectError(badZone, 'unknown_time_zone');
    const emptyName = await parentA.client.from('families').update({ name: '   ' }).eq('id', parentA.familyId);
    expectError(emptyName, 'family_name_length');
    const [family] = await adminQuery<{ time_zone: string; name: string }>(
      'select name, time_zone from public.families where id = $1',
      [parentA.familyId],
    );
    expect(family).toEqual(before);
    expect(before.time_zone).toBe('Europe/Berlin');
  });

  it('nobody changes the family code, creates or deletes a family over the API', async () => {
    expectError(
      await parentA.client.from('families').update({ code: 'AAAAAA' }).eq('id', parentA.familyId),
      /permission denied/,
    );
    expectError(await parentA.client.from('families').insert({ name: 'Second family' }), /permission denied/);
    expectError(await parentA.client.from('families').delete().eq('id', parentA.familyId), /permission denied/);
    expectError(await anon.from('families').insert({ name: 'Anon family' }), /permission denied/);
  });
});

describe('family_members', () => {
  it("members read their own family's members; others read none of them", async () => {
    for (const member of [parentA.client, childA.client]) {
      const { data } = await member.from('family_members').select('user_id, role').order('role');
      expect(data).toEqual([
        { user_id: parentA.id, role: 'parent' },
        { user_id: childA.id, role: 'child' },
      ]);
    }
    const { data } = await parentB.client.from('family_members').select('user_id').eq('family_id', parentA.familyId);
    expect(data).toEqual([]);
    expectError(await anon.from('family_members').select('user_id'), /permission denied/);
  });

  it('a child cannot make themselves a parent, and nobody can write roles', async () => {
    expectError(
      await childA.client.from('family_members').update({ role: 'parent' }).eq('user_id', childA.id),
      /permission denied/,
    );
    expectError(
      await parentA.client.from('family_members').update({ role: 'child' }).eq('user_id', parentA.id),
      /permission denied/,
    );
    expectError(await parentA.client.from('family_members').delete().eq('user_id', childA.id), /permission denied/);
    const [row] = await adminQuery<{ role: string }>('select role from public.family_members where user_id = $1', [
      childA.id,
    ]);
    expect(row.role).toBe('child');
  });

  it('a parent cannot add themselves or their child to another family', async () => {
    expectError(
      await parentB.client
        .from('family_members')
        .insert({ family_id: parentA.familyId, user_id: parentB.id, role: 'parent' }),
      /permission denied/,
    );
    expectError(
      await parentB.client
        .from('family_members')
        .insert({ family_id: parentA.familyId, user_id: childB.id, role: 'child' }),
      /permission denied/,
    );
    const rows = await adminQuery('select 1 from public.family_members where family_id = $1', [parentA.familyId]);
    expect(rows).toHaveLength(2);
  });

  it('a user cannot grant themselves admin or another account type through Auth', async () => {
    const response = await fetch(`${stackInfo().url}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: stackInfo().anonKey,
        authorization: `Bearer ${parentB.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ app_metadata: { role: 'admin', account_type: 'admin' }, data: { role: 'admin' } }),
    });
    // Auth either refuses the request or ignores app_metadata; either way nothing may change.
    expect([200, 400, 403, 422]).toContain(response.status);
    const viaClient = await parentB.client.auth.updateUser({ data: { role: 'admin', account_type: 'admin' } });
    expect(viaClient.error).toBeNull();
    const { data } = await service.auth.admin.getUserById(parentB.id);
    expect(data.user?.app_metadata.role).toBeUndefined();
    expect(data.user?.app_metadata.account_type).toBeUndefined();
    // What a user can write (user_metadata) grants nothing: the role lives in family_members.
    const [row] = await adminQuery<{ role: string; family_id: string }>(
      'select role, family_id from public.family_members where user_id = $1',
      [parentB.id],
    );
    expect(row).toEqual({ role: 'parent', family_id: parentB.familyId });
  });
});

describe('profiles', () => {
  it("family members read each other's profiles; other families do not", async () => {
    const { data } = await parentA.client.from('profiles').select('id').eq('id', childA.id);
    expect(data).toEqual([{ id: childA.id }]);
    const childSees = await childA.client.from('profiles').select('id').eq('id', parentA.id);
    expect(childSees.data).toEqual([{ id: parentA.id }]);
    for (const stranger of [parentB.client, childB.client]) {
      const other = await stranger.from('profiles').select('id').in('id', [childA.id, parentA.id]);
      expect(other.data).toEqual([]);
    }
  });

  it('a parent cannot rename another family member through the table', async () => {
    const { data } = await parentA.client
      .from('profiles')
      .update({ display_name: 'Renamed' })
      .eq('id', childA.id)
      .select();
    expect(data).toEqual([]);
    const [profile] = await adminQuery<{ display_name: string }>(
      'select display_name from public.profiles where id = $1',
      [childA.id],
    );
    expect(profile.display_name).toBe(childA.name);
  });
});

/** Waits until some backend waits on a lock that the backend `pid` holds (pg_blocking_pids). */
async function waitUntilBlockedBy(pid: number, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const blocked = await adminQuery(
      `select 1 from pg_stat_activity where wait_event_type = 'Lock' and $1 = any(pg_blocking_pids(pid))`,
      [pid],
    );
    if (blocked.length > 0) return;
    if (Date.now() > deadline) throw new Error(`no backend waited on a lock of backend ${pid} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('parent invites', () => {
  it('a parent invites a second parent by code; children and strangers cannot see or use it', async () => {
    const invite = await parentA.client.rpc('create_parent_invite').single<{ code: string; expires_at: string }>();
    expect(invite.error).toBeNull();
    const code = invite.data?.code as string;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    expect((await parentA.client.from('family_invites').select('code')).data).toEqual([{ code }]);
    expect((await childA.client.from('family_invites').select('code')).data).toEqual([]);
    expect((await parentB.client.from('family_invites').select('code').eq('code', code)).data).toEqual([]);
    expectError(await childA.client.rpc('create_parent_invite'), 'not_a_parent');
    expectError(await anon.rpc('create_parent_invite'), /permission denied/);

    // Children cannot leave for another family; a parent whose family has children cannot either.
    expectError(await childB.client.rpc('accept_parent_invite', { p_code: code }), 'child_cannot_join_family');
    expectError(await parentB.client.rpc('accept_parent_invite', { p_code: code }), 'own_family_not_empty');
    expectError(await parentB.client.rpc('accept_parent_invite', { p_code: 'WRONG123' }), 'invite_invalid');

    const coParent = await signUpParent();
    const accepted = await coParent.client.rpc('accept_parent_invite', { p_code: ` ${code.toLowerCase()} ` });
    expect(accepted.error).toBeNull();
    expect(accepted.data).toBe(parentA.familyId);
    // Their own empty family is gone; they now read family A and child A's controls.
    expect(await adminQuery('select 1 from public.families where id = $1', [coParent.familyId])).toEqual([]);
    const controls = await coParent.client.from('parental_controls').select('child_id');
    expect(controls.data).toEqual([{ child_id: childA.id }]);

    // Single use, and at most two parents.
    const stranger = await signUpParent();
    expectError(await stranger.client.rpc('accept_parent_invite', { p_code: code }), 'invite_invalid');
    expectError(await parentA.client.rpc('create_parent_invite'), 'family_has_two_parents');

    // The co-parent leaves again so the other tests see family A as they set it up.
    await adminQuery('delete from public.family_members where user_id = $1', [coParent.id]);
  });

  it('two invites accepted at the same moment cannot give a family a third parent', async () => {
    const parent = await signUpParent();
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { data, error } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
      expect(error).toBeNull();
      codes.push(data?.code as string);
    }
    const [first, second] = await Promise.all([signUpParent(), signUpParent()]);

    // The first acceptance runs in a transaction that stays open while the second one arrives.
    const db = new pg.Client({ connectionString: stackInfo().adminDbUrl });
    await db.connect();
    let secondResult: { error: { message: string } | null };
    try {
      await db.query('begin');
      await db.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: first.id, role: 'authenticated' }),
      ]);
      await db.query('set local role authenticated');
      await db.query('select public.accept_parent_invite($1)', [codes[0]]);
      const [{ pid }] = (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
      // supabase-js builders are lazy: .then() sends the request now, while the first one is open.
      const secondTry = second.client.rpc('accept_parent_invite', { p_code: codes[1] }).then((result) => result);
      // Commit only once the second acceptance is blocked by this transaction's lock on the family row:
      // then the two really did overlap (no sleep that a slow machine could outlast).
      await waitUntilBlockedBy(pid);
      await db.query('commit');
      secondResult = await secondTry;
    } finally {
      await db.end();
    }
    expectError(secondResult, 'invited_family_full');
    const parents = await adminQuery(
      `select user_id from public.family_members where family_id = $1 and role = 'parent'`,
      [parent.familyId],
    );
    expect(parents.map((p) => p.user_id).sort()).toEqual([parent.id, first.id].sort());
    // The refused parent keeps their own family.
    expect(await adminQuery('select 1 from public.families where id = $1', [second.familyId])).toHaveLength(1);
  });

  it('an expired invite is refused', async () => {
    const parent = await signUpParent();
    const { data } = await parent.client.rpc('create_parent_invite').single<{ code: string }>();
    await adminQuery(`update public.family_invites set expires_at = now() - interval '1 minute' where code = $1`, [
      data?.code,
    ]);
    const joiner = await signUpUser();
    expectError(await joiner.client.rpc('accept_parent_invite', { p_code: data?.code }), 'invite_invalid');
  });
});
