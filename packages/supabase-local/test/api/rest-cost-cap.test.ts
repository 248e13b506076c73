import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient, serviceClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';
import { cyclePath, familyCycle, manyColumns, wideEmbeds } from './rest-limits-helpers';

// The query cost cap (src/rest/limits.ts, query-cost.ts): embed depth and breadth, select items and
// filters per request, refused with 400 PGRST190 (our code; PostgREST has no such cap) before any SQL
// runs. The test project keeps the defaults: 8 levels, 32 embeds, 500 select items, 200 filters.

const db = anonClient();
const hint = (key: string) => `Ask for less in one request, or raise ${key} under [api] in supabase/config.toml`;

describe('embed depth', () => {
  it('refuses the report’s 20-level families ⇄ members cycle at once instead of running it for seconds', async () => {
    const started = performance.now();
    const { data, error, status } = await db.from('rl_families').select(familyCycle(20));
    const elapsed = performance.now() - started;
    expect(status).toBe(400);
    expect(data).toBeNull();
    expect(error).toEqual({
      code: 'PGRST190',
      message: 'Embedded resources are nested 20 levels deep, more than the 8 allowed',
      details: `Deepest embed: ${cyclePath(20)}`,
      hint: hint('max_embed_depth'),
    });
    // Without the cap this ran into anon's 3 s statement_timeout; refused, it never reaches Postgres.
    expect(elapsed).toBeLessThan(2500);
  });

  it('answers 8 levels (the default limit) and refuses 9', async () => {
    const { data, error, status } = await db.from('rl_families').select(familyCycle(8)).eq('id', 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    // Family 1 has five members; each member's family is family 1 again, four times over.
    type Level = { id: number; rl_family_members?: { id: number; rl_families: Level }[] };
    let members = (data as unknown as Level[])[0].rl_family_members ?? [];
    for (let level = 1; level < 8; level += 2) {
      expect(members.map((m) => m.id)).toEqual([3, 6, 9, 12, 15]);
      members = members[0].rl_families.rl_family_members ?? [];
    }
    const deeper = await db.from('rl_families').select(familyCycle(9));
    expect(deeper.status).toBe(400);
    expect(deeper.error?.message).toBe('Embedded resources are nested 9 levels deep, more than the 8 allowed');
  });

  it('counts aliases and spreads as levels, and names aliases in the path', async () => {
    // The innermost `rl_families(id)` (level 8) becomes an aliased embed holding a spread (level 9).
    const select = familyCycle(8).replace('rl_families(id)', 'f:rl_families(id,...rl_family_members(name))');
    const { error, status } = await db.from('rl_families').select(select);
    expect(status).toBe(400);
    expect(error?.message).toBe('Embedded resources are nested 9 levels deep, more than the 8 allowed');
    expect(error?.details).toBe(`Deepest embed: ${cyclePath(7)}.f.rl_family_members`);
  });

  it('applies to every role, to function results and to the representation of writes', async () => {
    const service = await serviceClient().from('rl_families').select(familyCycle(12));
    expect(service.status).toBe(400);
    expect(service.error?.code).toBe('PGRST190');
    const rpc = await db.rpc('rl_family_of', { member_id: 3 }).select(familyCycle(10));
    expect(rpc.status).toBe(400);
    expect(rpc.error?.code).toBe('PGRST190');
    const before = await adminQuery('select count(*)::int as n from public.rl_docs');
    const write = await db
      .from('rl_docs')
      .insert({ doc: { a: 1 } })
      .select(`id,${'x:rl_docs('.repeat(9)}id${')'.repeat(9)}`);
    expect(write.status).toBe(400);
    expect(write.error?.code).toBe('PGRST190');
    const after = await adminQuery('select count(*)::int as n from public.rl_docs');
    expect(after[0].n).toBe(before[0].n);
  });

  it('is checked before the table is looked up, as PostgREST checks its parse errors', async () => {
    const { error, status } = await db.from('rl_no_such_table').select(familyCycle(9));
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST190');
  });
});

describe('embed breadth, select items and filters', () => {
  it('answers 32 embeds side by side and refuses 33', async () => {
    const ok = await db.from('rl_family_members').select(wideEmbeds(32)).eq('id', 1);
    expect(ok.error).toBeNull();
    expect((ok.data as unknown as Record<string, unknown>[])[0].f32).toEqual({ id: 2 });
    const { error, status } = await db.from('rl_family_members').select(wideEmbeds(33));
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST190',
      message: 'The request embeds 33 resources, more than the 32 allowed',
      details: null,
      hint: hint('max_embeds'),
    });
  });

  it('counts embeds over every level', async () => {
    const ok = await db.from('rl_families').select(`id,rl_family_members(${wideEmbeds(31)})`);
    expect(ok.error).toBeNull();
    const { error } = await db.from('rl_families').select(`id,rl_family_members(${wideEmbeds(32)})`);
    expect(error?.message).toBe('The request embeds 33 resources, more than the 32 allowed');
  });

  it('answers 500 select items and refuses 501, embedded ones included', async () => {
    const ok = await db.from('rl_families').select(manyColumns(500)).eq('id', 2);
    expect(ok.error).toBeNull();
    expect(Object.keys((ok.data as unknown as Record<string, unknown>[])[0])).toHaveLength(500);
    const { error, status } = await db.from('rl_families').select(manyColumns(501));
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST190',
      message: 'The request selects 501 items, more than the 500 allowed',
      details: null,
      hint: hint('max_select_items'),
    });
    // 499 + the embed + its one column.
    const inner = await db.from('rl_families').select(`${manyColumns(499)},rl_family_members(id)`);
    expect(inner.error?.message).toBe('The request selects 501 items, more than the 500 allowed');
  });

  it('answers 200 filters and refuses 201, conditions inside or/and included', async () => {
    const ids = Array.from({ length: 199 }, (_, i) => `id.neq.${i + 100}`).join(',');
    const ok = await db.from('rl_families').select('id').or(ids).eq('id', 3);
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual([{ id: 3 }]);
    const { error, status } = await db.from('rl_families').select('id').or(ids).eq('id', 3).neq('id', 4);
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST190',
      message: 'The request has 201 filters, more than the 200 allowed',
      details: null,
      hint: hint('max_filters'),
    });
  });

  it('refuses with the PostgREST error headers', async () => {
    const res = await rest(`/rl_families?select=${encodeURIComponent(familyCycle(9))}`);
    expect(res.headers.get('proxy-status')).toBe('PostgREST; error=PGRST190');
    const { status, type } = await answer(res);
    expect(status).toBe(400);
    expect(type).toBe('application/json; charset=utf-8');
  });
});
