import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// Query strings nested too deep for a recursive parser (embeds in select, and/or trees, JSON paths)
// are refused past 64 levels with PostgREST's parse error PGRST100 before anything recurses into them.
// Before, a 3,000-deep tree overflowed the stack and answered 500.

const db = anonClient();
const nested = (open: string, depth: number, inner: string) => `${open.repeat(depth)}${inner}${')'.repeat(depth)}`;

describe('query strings nested too deep', () => {
  it('refuses the report’s and=(or(or(…))) 3,000 deep with PGRST100', async () => {
    const tree = nested('or(', 3000, 'id.eq.1');
    const res = await rest(`/rl_families?select=id&and=(${tree})`);
    const { status, body } = await answer(res);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'more than 64 levels of nested and/or', hint: null });
    expect((body as { message: string }).message).toMatch(/^"failed to parse logic tree \(\(or\(or\(/);
    expect((body as { message: string }).message).toMatch(/\(line 1, column 193\)$/);
  });

  it('answers and/or trees 64 deep and refuses 65, through supabase-js .or()', async () => {
    const ok = await db
      .from('rl_families')
      .select('id')
      .or(nested('and(', 63, 'id.eq.2,id.gt.0'));
    expect(ok.error).toBeNull();
    expect(ok.data).toEqual([{ id: 2 }]);
    const { error, status } = await db
      .from('rl_families')
      .select('id')
      .or(nested('and(', 64, 'id.eq.2,id.gt.0'));
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST100');
    expect(error?.details).toBe('more than 64 levels of nested and/or');
  });

  it('refuses a select nested 3,000 deep with PGRST100', async () => {
    // Raw, short names and unencoded parentheses: the URL must stay under Node's 16 KiB header limit.
    const { status, body } = await answer(await rest(`/rl_families?select=${nested('a(', 3000, 'id')}`));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'PGRST100', details: 'more than 64 levels of nested embeds' });
    expect((body as { message: string }).message).toMatch(/^"failed to parse select parameter \(a\(a\(/);
    expect((body as { message: string }).message).toMatch(/\(line 1, column 130\)$/);
  });

  it('refuses embed filters and orders on paths deeper than any embed as not embedded', async () => {
    const path = Array.from({ length: 3000 }, () => 'a').join('.');
    const res = await rest(`/rl_families?select=id&${path}.id=eq.1&${path}.order=id`);
    expect(await answer(res)).toMatchObject({ status: 400, body: { code: 'PGRST108' } });
  });

  it('answers JSON paths of 64 steps and refuses 65, in select, filters and order', async () => {
    await adminQuery('insert into public.rl_docs (doc) values (\'{"k": 1}\')');
    const ok = await db
      .from('rl_docs')
      .select(`doc${'->a'.repeat(63)}->>k`)
      .limit(1);
    expect(ok.error).toBeNull();
    for (const query of [
      `select=doc${'->a'.repeat(65)}`,
      `doc${'->a'.repeat(65)}=eq.1`,
      `order=doc${'->a'.repeat(65)}`,
    ]) {
      const { status, body } = await answer(await rest(`/rl_docs?${query}`));
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'PGRST100', details: 'more than 64 steps in a JSON path' });
    }
  });
});
