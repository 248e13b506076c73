import { adminQuery } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, type Parent, signUpParent } from './family-helpers';

// The activity list pages back through every audit entry (keyset on created_at, id), for the family or
// for one child, and shows nothing to anyone outside the family's parents.
let parent: Parent;
let stranger: Parent;
let mia: Child;
let leo: Child;

type Entry = { id: number; created_at: string; table_name: string; new_row: Record<string, unknown> | null };

async function page(client: Parent['client'], params: Record<string, unknown>) {
  const { data, error } = await client.rpc('get_family_audit_log', params);
  if (error) throw error;
  return data as Entry[];
}

async function allPages(params: Record<string, unknown>, limit: number) {
  const seen: Entry[] = [];
  let cursor: Entry | undefined;
  for (let i = 0; i < 100; i++) {
    const rows = await page(parent.client, {
      ...params,
      p_limit: limit,
      p_before_at: cursor?.created_at ?? null,
      p_before_id: cursor?.id ?? null,
    });
    seen.push(...rows);
    if (rows.length < limit) break;
    cursor = rows.at(-1);
  }
  return seen;
}

beforeAll(async () => {
  [parent, stranger] = await Promise.all([signUpParent(), signUpParent()]);
  mia = await addChild(parent);
  leo = await addChild(parent);
  // Many changes in one transaction share created_at: the id breaks the tie, so pages still never
  // repeat or skip an entry.
  // (Two statements in one simple query run in one implicit transaction; the id is ours, not input.)
  const bump = `update public.parental_controls set daily_minutes = daily_minutes + 1 where child_id = '${mia.id}';`;
  await adminQuery(bump + bump);
  for (let minutes = 10; minutes < 22; minutes++) {
    await parent.client.from('parental_controls').update({ daily_minutes: minutes }).eq('child_id', mia.id);
    await parent.client.from('parental_controls').update({ daily_minutes: minutes }).eq('child_id', leo.id);
  }
});

describe('get_family_audit_log pages', () => {
  it('pages through every entry exactly once, newest first', async () => {
    const [{ total }] = await adminQuery<{ total: number }>(
      'select count(*)::int as total from audit.log where family_id = $1',
      [parent.familyId],
    );
    expect(total).toBeGreaterThan(30);
    const seen = await allPages({}, 7);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((e) => e.id)).size).toBe(total);
    const order = seen.map((e) => [Date.parse(e.created_at), e.id]);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
    expect(order).toEqual(sorted);
  });

  it("pages through one child's entries only", async () => {
    const seen = await allPages({ p_child_id: mia.id }, 5);
    expect(seen.length).toBeGreaterThan(12);
    for (const entry of seen) {
      const row = entry.new_row ?? {};
      expect(row.child_id === mia.id || row.user_id === mia.id).toBe(true);
    }
    expect(seen.some((e) => e.table_name === 'public.family_members')).toBe(true);
  });

  it('clamps the page size and shows nothing to another family, a child or for a hostile cursor', async () => {
    expect(await page(parent.client, { p_limit: 0 })).toHaveLength(1);
    expect((await page(parent.client, { p_limit: 100000 })).length).toBeLessThanOrEqual(200);
    expect(await page(stranger.client, { p_child_id: mia.id })).toEqual([]);
    const strangers = await page(stranger.client, { p_limit: 200 });
    expect(strangers.filter((e) => JSON.stringify(e).includes(mia.id))).toEqual([]);
    expect(await page(mia.client, {})).toEqual([]);
    expect(await page(parent.client, { p_before_at: '1970-01-01T00:00:00Z' })).toEqual([]);
    const bad = await parent.client.rpc('get_family_audit_log', { p_before_at: 'yesterday-ish' });
    expect(bad.error).not.toBeNull();
  });
});
