import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, expectError, type Parent, signUpParent, sqlAs } from './family-helpers';

// Two children in one family: what governs one child is the business of that child and the parents,
// never of a brother or sister. (Each rule here once survived a policy loosened to "any family member",
// because no test family had two children.)
let parent: Parent;
let child: Child;
let sibling: Child;

beforeAll(async () => {
  parent = await signUpParent();
  child = await addChild(parent);
  sibling = await addChild(parent);
  // Something of each kind for both children: reading time (as the heartbeat counts it) and an open
  // request each.
  for (const [kid, seconds] of [
    [child, 7],
    [sibling, 3],
  ] as const) {
    // Two beats exactly that far apart (one instant for both, so the count is exact).
    const end = Date.now();
    await adminQuery('select private.reading_heartbeat_at($1, $2, false)', [kid.id, new Date(end - seconds * 1000)]);
    await adminQuery('select private.reading_heartbeat_at($1, $2, true)', [kid.id, new Date(end)]);
    expect((await kid.client.rpc('request_more_time', { p_minutes: 10 })).error).toBeNull();
  }
});

describe('a child and their sibling', () => {
  it.each([
    ['parental_controls', 'child_id'],
    ['reading_time_entries', 'child_id'],
    ['approval_requests', 'child_id'],
  ])('each reads only their own %s; the parent reads both', async (table, column) => {
    for (const [reader, other] of [
      [child, sibling],
      [sibling, child],
    ]) {
      const { data, error } = await reader.client.from(table).select(column);
      expect(error).toBeNull();
      const owners = new Set((data as unknown as Record<string, string>[]).map((row) => row[column]));
      expect(owners).toEqual(new Set([reader.id]));
      const direct = await reader.client.from(table).select(column).eq(column, other.id);
      expect(direct.data).toEqual([]);
    }
    const { data } = await parent.client.from(table).select(column);
    const owners = new Set((data as unknown as Record<string, string>[]).map((row) => row[column]));
    expect(owners).toEqual(new Set([child.id, sibling.id]));
  });

  it('cannot change or answer what belongs to the other one', async () => {
    const { data } = await sibling.client
      .from('parental_controls')
      .update({ daily_minutes: 0 })
      .eq('child_id', child.id)
      .select();
    expect(data).toEqual([]);
    const [request] = await adminQuery<{ id: string }>(
      `select id from public.approval_requests where child_id = $1 and status = 'pending'`,
      [child.id],
    );
    expectError(
      await sibling.client.rpc('decide_approval_request', { p_request_id: request.id, p_approve: true }),
      'not_parent_of_family',
    );
    expectError(
      await sibling.client.rpc('set_child_pin', { p_child_id: child.id, p_pin: '0000' }),
      'not_parent_of_child',
    );
    expectError(await sibling.client.rpc('revoke_parental_consent', { p_child_id: child.id }), 'not_parent_of_child');
    const [row] = await adminQuery<{ daily_minutes: number; status: string }>(
      `select pc.daily_minutes, r.status from public.parental_controls pc
         join public.approval_requests r on r.child_id = pc.child_id where r.id = $1`,
      [request.id],
    );
    expect(row).toEqual({ daily_minutes: 60, status: 'pending' });
  });

  it("sees only their own day, and nothing of the family's overview, consents or audit", async () => {
    const day = await sibling.client.rpc('get_my_reading_day').single<{ seconds_used: number; local_date: string }>();
    // Their own seconds of the day the database says it is (3, unless midnight passed since beforeAll).
    const [own] = await adminQuery<{ total: number }>(
      'select coalesce(sum(seconds), 0)::int as total from public.reading_time_entries where child_id = $1 and local_date = $2',
      [sibling.id, day.data?.local_date],
    );
    expect(day.data?.seconds_used).toBe(own.total);
    expect([0, 3]).toContain(own.total);
    expect((await sibling.client.rpc('get_children_overview')).data).toEqual([]);
    expect((await sibling.client.from('parental_consents').select('id')).data).toEqual([]);
    expect((await sibling.client.rpc('get_family_audit_log')).data).toEqual([]);
  });

  it("cannot listen on the other one's realtime topic, only on their own", async () => {
    const may = async (userId: string, topic: string) =>
      (await sqlAs<{ ok: boolean }>(userId, 'select private.may_receive_family_topic($1) as ok', [topic]))[0].ok;
    expect(await may(sibling.id, `child:${child.id}`)).toBe(false);
    expect(await may(sibling.id, `child:${sibling.id}`)).toBe(true);
    expect(await may(sibling.id, `family:${parent.familyId}`)).toBe(false);
    expect(await may(parent.id, `child:${child.id}`)).toBe(true);
  });
});
