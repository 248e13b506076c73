import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { answer, rest } from './rest-helpers';
import { holdDefaultSettingsShared } from './upstream-settings-lock';

// The Prefer header on the shared stack, whose db-tx-end is hosted Supabase's default (`commit`):
// `tx=` is then accepted but neither honoured nor echoed; unknown or misspelt preferences are ignored,
// or refused with handling=strict (PGRST122) after the checks PostgREST makes first. The other
// db-tx-end modes are in rest-tx-end.test.ts. Fixtures: tx_end.sql.

holdDefaultSettingsShared();

const db = anonClient();
const persisted = async (name: string) =>
  (await adminQuery('select 1 from public.tx_items where name = $1', [name])).length === 1;

describe('Prefer: tx without override', () => {
  it('.rollback() is ignored: the row is written and tx is not echoed', async () => {
    const name = `tx-${randomUUID().slice(0, 8)}`;
    const { status, data, error } = await db.from('tx_items').insert({ name }).select('name').rollback();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual([{ name }]);
    expect(await persisted(name)).toBe(true);
    const res = await rest('/tx_items?select=name', {
      method: 'POST',
      body: JSON.stringify({ name: `${name}-2` }),
      headers: { 'content-type': 'application/json', prefer: 'return=representation, tx=rollback, handling=strict' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBe('return=representation, handling=strict');
    expect(await persisted(`${name}-2`)).toBe(true);
  });
});

describe('unknown and malformed preferences', () => {
  const get = (prefer: string, path = '/tx_items?select=id&limit=1', headers: Record<string, string> = {}) =>
    rest(path, { headers: { prefer, ...headers } });

  it('are ignored when lenient: nothing of them applies, handling is echoed', async () => {
    const res = await get('count = exact, handling=lenient, foo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/\/\*$/);
    expect(res.headers.get('preference-applied')).toBe('handling=lenient');
    const counted = await get('count=exact');
    expect(counted.headers.get('content-range')).toMatch(/\/\d+$/);
    expect(counted.headers.get('preference-applied')).toBe('count=exact');
  });

  it('answer 400 PGRST122 with handling=strict, listing each as sent', async () => {
    expect(await answer(await get('handling=strict, foo, bar'))).toEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      body: {
        code: 'PGRST122',
        message: 'Invalid preferences given with handling=strict',
        details: 'Invalid preferences: foo, bar',
        hint: null,
      },
    });
    const cases: [string, string][] = [
      ['handling=strict, tx=maybe', 'tx=maybe'],
      ['handling=strict,count = exact', 'count = exact'],
      ['handling=strict, return=minimal,,count=exact', ''],
      ['handling=strict, RETURN=minimal', 'RETURN=minimal'],
    ];
    for (const [prefer, invalid] of cases)
      expect((await answer(await get(prefer))).body).toMatchObject({ details: `Invalid preferences: ${invalid}` });
  });

  it('a refused write changes nothing', async () => {
    const name = `tx-${randomUUID().slice(0, 8)}`;
    const res = await rest('/tx_items', {
      method: 'POST',
      body: JSON.stringify({ name }),
      headers: { 'content-type': 'application/json', prefer: 'handling=strict, tx=sometimes' },
    });
    expect(res.status).toBe(400);
    expect(await persisted(name)).toBe(false);
  });

  it('come after the checks PostgREST makes first: missing table, query string, media type', async () => {
    const strict = 'handling=strict, foo';
    expect((await answer(await get(strict, '/tx_nowhere'))).body).toMatchObject({ code: 'PGRST205' });
    expect((await answer(await get(strict, '/tx_items?id=eq'))).body).toMatchObject({ code: 'PGRST100' });
    expect((await answer(await get(strict, '/tx_items', { accept: 'text/html' }))).body).toMatchObject({
      code: 'PGRST107',
      message: 'None of these media types are available: text/html',
    });
    expect((await answer(await get(strict, '/tx_items', { accept: 'application/*' }))).body).toMatchObject({
      code: 'PGRST107',
    });
  });
});
