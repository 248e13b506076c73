import type { SupabaseClient } from '@supabase/supabase-js';
import { adminQuery, anonClient, serviceClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, controlsOf, expectError, type Parent, signUpParent, sqlAs } from './family-helpers';

// Parental controls: only that family's parents read and change them, the child reads their own,
// bad values are refused with a sentence and nothing changes, and every change is audited.
let parentA: Parent;
let parentB: Parent;
let childA: Child;
let childB: Child;
let anon: SupabaseClient;

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpParent(), signUpParent()]);
  [childA, childB] = await Promise.all([
    addChild(parentA, { birthYear: new Date().getFullYear() - 5 }),
    addChild(parentB, { birthYear: new Date().getFullYear() - 11 }),
  ]);
  anon = anonClient();
});

describe('parental_controls: read', () => {
  it('starts from defaults, with the age band from the birth year', async () => {
    // A child of its own: the write tests below change child A's controls, in whatever order they run.
    const kid = await addChild(parentA, { birthYear: new Date().getFullYear() - 5 });
    expect(await controlsOf(kid.id)).toMatchObject({
      family_id: parentA.familyId,
      age_band: '4-6',
      daily_minutes: 60,
      paused: false,
      chat_level: 'phrases',
      live_sessions_allowed: false,
      updated_by: parentA.id,
    });
    expect((await controlsOf(childB.id)).age_band).toBe('10-12');
  });

  it("parents read their children's controls, children their own; nobody else reads them", async () => {
    const parentReads = await parentA.client.from('parental_controls').select('child_id').eq('child_id', childA.id);
    expect(parentReads.data).toEqual([{ child_id: childA.id }]);
    expect((await childA.client.from('parental_controls').select('child_id')).data).toEqual([{ child_id: childA.id }]);
    for (const stranger of [parentB.client, childB.client]) {
      const { data, error } = await stranger.from('parental_controls').select('child_id').eq('child_id', childA.id);
      expect(error).toBeNull();
      expect(data).toEqual([]);
    }
    expectError(await anon.from('parental_controls').select('child_id'), /permission denied/);
    const service = await serviceClient().from('parental_controls').select('child_id').eq('child_id', childA.id);
    expect(service.data).toEqual([{ child_id: childA.id }]);
  });
});

describe('parental_controls: write', () => {
  it('a parent changes every control, and the change is audited with the parent as actor', async () => {
    const kid = await addChild(parentA);
    const { data, error } = await parentA.client
      .from('parental_controls')
      .update({
        age_band: '7-9',
        daily_minutes: 45,
        bedtime_start: '20:00',
        bedtime_end: '07:00',
        reading_allowed: true,
        creating_allowed: false,
        live_sessions_allowed: true,
        chat_level: 'held_for_review',
        monthly_credit_allowance: 120,
        approval_above_allowance: false,
        paused: true,
      })
      .eq('child_id', kid.id)
      .select('daily_minutes, bedtime_start, bedtime_end, chat_level, paused');
    expect(error).toBeNull();
    expect(data).toEqual([
      {
        daily_minutes: 45,
        bedtime_start: '20:00:00',
        bedtime_end: '07:00:00',
        chat_level: 'held_for_review',
        paused: true,
      },
    ]);

    const [entry] = await adminQuery<{
      actor_id: string;
      old_row: { daily_minutes: number };
      new_row: { daily_minutes: number };
    }>(
      `select actor_id, old_row, new_row from audit.log
        where table_name = 'public.parental_controls' and operation = 'UPDATE' and new_row ->> 'child_id' = $1
        order by id desc limit 1`,
      [kid.id],
    );
    expect(entry.actor_id).toBe(parentA.id);
    expect(entry.old_row.daily_minutes).toBe(60);
    expect(entry.new_row.daily_minutes).toBe(45);
    expect((await controlsOf(kid.id)).updated_by).toBe(parentA.id);
  });

  it('a child cannot change their own controls', async () => {
    const before = await controlsOf(childA.id);
    const { data, error } = await childA.client
      .from('parental_controls')
      .update({ daily_minutes: 600, paused: false })
      .eq('child_id', childA.id)
      .select();
    expect(error).toBeNull();
    expect(data).toEqual([]);
    expect(await controlsOf(childA.id)).toEqual(before);
  });

  it('a parent of another family can neither change nor delete them', async () => {
    const before = await controlsOf(childA.id);
    const { data } = await parentB.client
      .from('parental_controls')
      .update({ daily_minutes: 0 })
      .eq('child_id', childA.id)
      .select();
    expect(data).toEqual([]);
    expectError(await parentB.client.from('parental_controls').delete().eq('child_id', childA.id), /permission denied/);
    expect(await controlsOf(childA.id)).toEqual(before);
  });

  it('nobody inserts, deletes or re-points controls over the API', async () => {
    expectError(
      await parentA.client
        .from('parental_controls')
        .insert({ child_id: childB.id, family_id: parentA.familyId, age_band: '4-6' }),
      /permission denied/,
    );
    expectError(await parentA.client.from('parental_controls').delete().eq('child_id', childA.id), /permission denied/);
    expectError(
      await parentA.client.from('parental_controls').update({ family_id: parentB.familyId }).eq('child_id', childA.id),
      /permission denied/,
    );
    expectError(
      await parentA.client.from('parental_controls').update({ updated_by: parentB.id }).eq('child_id', childA.id),
      /permission denied/,
    );
    expectError(
      await anon.from('parental_controls').update({ paused: true }).eq('child_id', childA.id),
      /permission denied/,
    );
  });

  it.each([
    [{ daily_minutes: -5 }, 'daily_minutes_range'],
    [{ daily_minutes: 601 }, 'daily_minutes_range'],
    [{ bedtime_start: '21:00', bedtime_end: null }, 'bedtime_incomplete'],
    [{ bedtime_start: '21:00', bedtime_end: '21:00' }, 'bedtime_empty'],
    [{ monthly_credit_allowance: -1 }, 'credit_allowance_range'],
    [{ monthly_credit_allowance: 10001 }, 'credit_allowance_range'],
  ])('refuses %o with a clear message and changes nothing', async (change, message) => {
    const before = await controlsOf(childA.id);
    expectError(await parentA.client.from('parental_controls').update(change).eq('child_id', childA.id), message);
    expect(await controlsOf(childA.id)).toEqual(before);
  });

  it('refuses values that are not in the lists', async () => {
    expectError(
      await parentA.client
        .from('parental_controls')
        .update({ chat_level: 'anything' as never })
        .eq('child_id', childA.id),
      /invalid input value for enum/,
    );
    expectError(
      await parentA.client
        .from('parental_controls')
        .update({ age_band: '13-18' as never })
        .eq('child_id', childA.id),
      /invalid input value for enum/,
    );
  });

  it('accepts a bedtime that ends before it starts: it crosses midnight', async () => {
    const kid = await addChild(parentA);
    const { error } = await parentA.client
      .from('parental_controls')
      .update({ bedtime_start: '19:30', bedtime_end: '06:45' })
      .eq('child_id', kid.id);
    expect(error).toBeNull();
    expect(await controlsOf(kid.id)).toMatchObject({ bedtime_start: '19:30:00', bedtime_end: '06:45:00' });
  });
});

describe('audit.log', () => {
  it("parents read their family's entries (with actors); children and other parents read none", async () => {
    const own = await parentA.client.rpc('get_family_audit_log', { p_limit: 200 });
    expect(own.error).toBeNull();
    const tables = new Set((own.data ?? []).map((e: { table_name: string }) => e.table_name));
    expect(tables).toEqual(
      new Set([
        'public.families',
        'public.family_members',
        'public.parental_controls',
        'public.parental_consents',
        'private.child_logins',
      ]),
    );
    expect((own.data ?? []).some((e: { actor_id: string | null }) => e.actor_id === parentA.id)).toBe(true);

    for (const other of [childA.client, parentB.client]) {
      const { data, error } = await other.rpc('get_family_audit_log', { p_limit: 200 });
      expect(error).toBeNull();
      expect(
        (data as { new_row: { family_id?: string } | null }[]).filter(
          (e: { new_row: { family_id?: string } | null }) => e.new_row?.family_id === parentA.familyId,
        ),
      ).toEqual([]);
    }
    expect((await childA.client.rpc('get_family_audit_log')).data).toEqual([]);
    expectError(await anon.rpc('get_family_audit_log'), /permission denied/);
  });

  it('records PIN changes (child and parent PINs) but never a PIN hash', async () => {
    const family = await signUpParent();
    const kid = await addChild(family, { pin: '1212' });
    expect((await family.client.rpc('set_child_pin', { p_child_id: kid.id, p_pin: '3434' })).error).toBeNull();
    expect((await family.client.rpc('set_parent_pin', { p_pin: '5656' })).error).toBeNull();
    expect((await family.client.rpc('set_parent_pin', { p_pin: '7878' })).error).toBeNull();
    const entries = await adminQuery<{ table_name: string; operation: string; row: string }>(
      `select table_name, operation, coalesce(new_row, old_row)::text as row from audit.log
        where family_id = $1 and table_name in ('private.child_logins', 'private.parent_pins') order by id`,
      [family.familyId],
    );
    // The changes are there (so the check below looks at real entries)...
    expect(entries.map((e) => `${e.table_name} ${e.operation}`)).toEqual([
      'private.child_logins INSERT',
      'private.child_logins UPDATE',
      'private.parent_pins INSERT',
      'private.parent_pins UPDATE',
    ]);
    // ...and none holds the hash, under its name or as a bcrypt string under any other.
    const hashes = await adminQuery<{ pin_hash: string }>(
      `select pin_hash from private.child_logins where child_id = $1 union all
       select pin_hash from private.parent_pins where family_id = $2`,
      [kid.id, family.familyId],
    );
    for (const entry of entries) {
      expect(entry.row).not.toMatch(/pin_hash|\$2[aby]\$/);
      for (const { pin_hash } of hashes) expect(entry.row).not.toContain(pin_hash);
    }
    const anywhere = await adminQuery(
      `select 1 from audit.log where coalesce(old_row::text, '') || coalesce(new_row::text, '') ~ '\\$2[aby]\\$'`,
    );
    expect(anywhere).toEqual([]);
  });

  it('nobody writes, rewrites or erases the log directly', async () => {
    for (const user of [parentA.id, childA.id, null]) {
      await expect(
        sqlAs(user, `insert into audit.log (family_id, table_name, operation) values ($1, 'x', 'INSERT')`, [
          parentA.familyId,
        ]),
      ).rejects.toThrow(/permission denied/);
      await expect(sqlAs(user, 'update audit.log set actor_id = null')).rejects.toThrow(/permission denied/);
      await expect(sqlAs(user, 'delete from audit.log')).rejects.toThrow(/permission denied/);
    }
    // Direct reads are filtered the same way: the child sees nothing, the parent only their family.
    expect(await sqlAs(childA.id, 'select id from audit.log')).toEqual([]);
    const parentRows = await sqlAs<{ family_id: string }>(parentA.id, 'select distinct family_id from audit.log');
    expect(parentRows).toEqual([{ family_id: parentA.familyId }]);
    await expect(sqlAs(null, 'select id from audit.log')).rejects.toThrow(/permission denied/);
  });
});
