import { randomUUID } from 'node:crypto';
import type { PostgrestSingleResponse } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';

// `Prefer: handling=strict, max-affected=N` on /rpc (supabase-js `.rpc(...).maxAffected(n)`): the
// rows a function returns are counted; more than N answer 400 PGRST124 and undo what the function
// did; a function that does not return a set cannot be limited (PGRST128). Fixtures: rpc_overloads.sql.

const db = anonClient();

/**
 * postgrest-js types `.maxAffected()` only for clients declared against PostgREST 13+; the untyped
 * test client gets the same method at runtime, so the cast only lifts that type gate.
 */
function maxAffected<T>(builder: T, n: number): Promise<PostgrestSingleResponse<unknown>> {
  return (builder as unknown as { maxAffected(n: number): Promise<PostgrestSingleResponse<unknown>> }).maxAffected(n);
}

async function seed(n: number): Promise<string> {
  const tag = `ma-${randomUUID().slice(0, 8)}`;
  await adminQuery('insert into public.rpc_ma_items (tag) select $1 from generate_series(1, $2)', [tag, n]);
  return tag;
}

const left = async (tag: string) =>
  Number((await adminQuery<{ n: string }>('select count(*) as n from public.rpc_ma_items where tag = $1', [tag]))[0].n);

describe('max-affected on functions', () => {
  it('more rows than allowed: 400 PGRST124 and the deletes are rolled back', async () => {
    const tag = await seed(3);
    const { status, error, data } = await maxAffected(db.rpc('rpc_ma_delete', { t: tag }), 2);
    expect(status).toBe(400);
    expect(data).toBeNull();
    expect(error).toEqual({
      code: 'PGRST124',
      message: 'Query result exceeds max-affected preference constraint',
      details: 'The query affects 3 rows',
      hint: null,
    });
    expect(await left(tag)).toBe(3);
  });

  it('within the limit the call commits and echoes the preferences', async () => {
    const tag = await seed(2);
    const res = await rest(`/rpc/rpc_ma_delete`, {
      method: 'POST',
      body: JSON.stringify({ t: tag }),
      headers: { 'content-type': 'application/json', prefer: 'handling=strict, max-affected=2' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('handling=strict, max-affected=2');
    expect(((await res.json()) as unknown[]).length).toBe(2);
    expect(await left(tag)).toBe(0);
  });

  it('counts the rows returned after filters and limits; read-only functions are limited too', async () => {
    const tag = await seed(3);
    const over = await maxAffected(db.rpc('rpc_ma_list', { t: tag }, { get: true }), 2);
    expect(over.error?.code).toBe('PGRST124');
    const filtered = await maxAffected(db.rpc('rpc_ma_list', { t: tag }, { get: true }).lt('id', 1e9).limit(2), 2);
    expect(filtered.error).toBeNull();
    expect(filtered.data).toHaveLength(2);
  });

  it('is ignored without handling=strict', async () => {
    const tag = await seed(3);
    const res = await rest('/rpc/rpc_ma_delete', {
      method: 'POST',
      body: JSON.stringify({ t: tag }),
      headers: { 'content-type': 'application/json', prefer: 'max-affected=1' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(await left(tag)).toBe(0);
  });

  it('a function returning a single value answers 400 PGRST128 before running', async () => {
    const tag = await seed(1);
    const { status, error } = await maxAffected(db.rpc('rpc_ma_count', { t: tag }), 5);
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST128',
      message: 'Function must return SETOF or TABLE when max-affected preference is used with handling=strict',
      details: null,
      hint: null,
    });
    expect(await left(tag)).toBe(1);
  });

  it('an unreadable max-affected is no error; a malformed preference is, with handling=strict', async () => {
    const tag = await seed(1);
    const call = (prefer: string) =>
      rest('/rpc/rpc_ma_list', {
        method: 'POST',
        body: JSON.stringify({ t: tag }),
        headers: { 'content-type': 'application/json', prefer },
      });
    expect((await call('handling=strict, max-affected=many')).status).toBe(200);
    expect(await answer(await call('handling=strict, max-affected = 1'))).toMatchObject({
      status: 400,
      body: { code: 'PGRST122', details: 'Invalid preferences: max-affected = 1' },
    });
  });
});
