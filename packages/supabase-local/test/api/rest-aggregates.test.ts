import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient } from '../../src/testing/clients';
import { holdAggregatesShared, withAggregatesExclusive } from './aggregates-lock';

// Aggregates `count()`, `sum()`, `avg()`, `min()`, `max()` over the rs_* fixture
// (test/fixtures/rs_select.sql): aliases and casts before and after, grouping by the other selected
// columns, inside embeds, hoisted out of to-one spreads, on RPC results; refused with PGRST123 while
// the authenticator role's pgrst.db_aggregates_enabled is off (read on NOTIFY pgrst, 'reload config').

const db = anonClient();

const byKey = <T extends Record<string, unknown>>(rows: T[] | null, key: keyof T) =>
  [...(rows ?? [])].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

describe('aggregates (enabled)', () => {
  holdAggregatesShared();

  it('count() alone, and every function with aliases and casts before or after it', async () => {
    const count = await db.from('rs_books').select('count()');
    expect(count.error).toBeNull();
    expect(count.data).toEqual([{ count: 6 }]);
    const none = await db.from('rs_books').select('count()').eq('id', 0);
    expect(none.data).toEqual([{ count: 0 }]);
    const all = await db
      .from('rs_sales')
      .select('count(), total:amount.sum(), avg_qty:qty.avg()::int, amount.max(), sold_on.min()')
      .single();
    expect(all.data).toEqual({ count: 5, total: 49, avg_qty: 2, max: 12, min: '2024-03-01' });
    const casts = await db.from('rs_books').select('t:price::int.sum(), price.sum()::text').single();
    expect(casts.data).toEqual({ t: 56, sum: '55.50' });
  });

  it('groups by the non-aggregated columns', async () => {
    const { data } = await db.from('rs_books').select('author_id, count()').order('author_id', { nullsFirst: true });
    expect(data).toEqual([
      { author_id: null, count: 1 },
      { author_id: 1, count: 2 },
      { author_id: 2, count: 2 },
      { author_id: 3, count: 1 },
    ]);
    const sums = await db.from('rs_sales').select('book_id, qty.sum(), n:count()').order('book_id');
    expect(sums.data).toEqual([
      { book_id: 1, sum: 3, n: 2 },
      { book_id: 2, sum: 4, n: 1 },
      { book_id: 3, sum: 3, n: 1 },
      { book_id: 4, sum: 1, n: 1 },
    ]);
  });

  it('inside embeds, grouped by the embed’s own columns; `rel(count)` is Postgres’ count(rel)', async () => {
    const { data } = await db.from('rs_authors').select('name, rs_books(count(), pages.sum())').order('id');
    expect(data).toEqual([
      { name: 'Ursula', rs_books: [{ count: 2, sum: 560 }] },
      { name: 'Terry', rs_books: [{ count: 2, sum: 570 }] },
      { name: 'Octavia', rs_books: [{ count: 1, sum: 260 }] },
      { name: 'Nobody', rs_books: [{ count: 0, sum: null }] },
    ]);
    const grouped = await db.from('rs_books').select('title, rs_reviews(reviewer, count())').eq('id', 1).single();
    expect(byKey(grouped.data?.rs_reviews ?? [], 'reviewer')).toEqual([
      { reviewer: 'ann', count: 1 },
      { reviewer: 'bob', count: 1 },
    ]);
    const attribute = await db.from('rs_authors').select('name, rs_books(count)').eq('id', 1).single();
    expect(attribute.data).toEqual({ name: 'Ursula', rs_books: [{ count: 2 }] });
  });

  it('aggregates inside a to-one spread are applied by the parent, grouped by the spread columns', async () => {
    const byCountry = await db.from('rs_books').select('...rs_authors(country), price.sum()');
    expect(byKey(byCountry.data, 'country')).toEqual([
      { country: null, sum: 5 },
      { country: 'UK', sum: 18 },
      { country: 'US', sum: 32.5 },
    ]);
    const hoisted = await db.from('rs_reviews').select('...rs_books(author_id, n:count(), pages.sum())');
    expect(byKey(hoisted.data, 'author_id')).toEqual([
      { author_id: 1, n: 3, sum: 740 },
      { author_id: 2, n: 1, sum: 250 },
      { author_id: 3, n: 1, sum: 260 },
    ]);
    const nested = await db.from('rs_reviews').select('stars.avg(), ...rs_books(...rs_authors(country))');
    expect(byKey(nested.data, 'country')).toEqual([
      { avg: 5, country: 'UK' },
      { avg: 3.5, country: 'US' },
    ]);
  });

  it('apply to RPC results', async () => {
    const { data, error } = await db.rpc('rt_users_by_status', { s: 'ONLINE' }).select('status, count()');
    expect(error).toBeNull();
    expect(data).toEqual([{ status: 'ONLINE', count: 3 }]);
  });

  it('bad aggregates: PGRST100 for the grammar, Postgres errors for unknown columns', async () => {
    for (const select of ['count(*)', 'id.median()', 'id.sum', 'rs_reviews(id).sum()']) {
      const { error, status } = await db.from('rs_books').select(select);
      expect(status).toBe(400);
      expect(error?.code).toBe('PGRST100');
    }
    const order = await db.from('rs_books').select('id').order('count()');
    expect(order.error?.code).toBe('PGRST100');
    const missing = await db.from('rs_books').select('missing.count()');
    expect(missing.error).toEqual({
      code: '42703',
      message: 'column rs_books.missing does not exist',
      details: null,
      hint: null,
    });
    const noColumn = await db.from('rs_authors').select('name, rs_books(sum)');
    expect(noColumn.error?.message).toBe('column rs_books_1.sum does not exist');
    // Only `count` is reserved: `sum()` reads as an (empty) embed of a relation named sum.
    const sum = await db.from('rs_books').select('sum()');
    expect(sum.error?.code).toBe('PGRST200');
  });
});

async function setAggregates(on: boolean, notify: 'reload config' | 'reload schema'): Promise<void> {
  await adminQuery(`alter role authenticator set pgrst.db_aggregates_enabled = '${on}'`);
  await adminQuery(`notify pgrst, '${notify}'`);
}

/** Polls until `check` holds (config and schema reloads are asynchronous, as in PostgREST). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 5 s');
}

const aggregateStatus = async () => (await db.from('rs_books').select('count()')).status;

describe('aggregates (disabled)', () => {
  it('answer 400 PGRST123 everywhere until reload config turns them on again', async () => {
    await withAggregatesExclusive(async () => {
      try {
        await setAggregates(false, 'reload config');
        await eventually(async () => (await aggregateStatus()) === 400);
        const root = await db.from('rs_books').select('count()');
        expect(root.error).toEqual({
          code: 'PGRST123',
          message: 'Use of aggregate functions is not allowed',
          details: null,
          hint: null,
        });
        for (const select of ['title, price.sum()', 'name:title, rs_reviews(stars.max())', '...rs_authors(count())']) {
          const { error, status } = await db.from('rs_books').select(select);
          expect(status).toBe(400);
          expect(error?.code).toBe('PGRST123');
        }
        const rpc = await db.rpc('rt_users_by_status', { s: 'ONLINE' }).select('count()');
        expect(rpc.error?.code).toBe('PGRST123');
        // Plain `rel(count)` is no aggregate to PostgREST, so it is not refused.
        const attribute = await db.from('rs_authors').select('name, rs_books(count)').eq('id', 1).single();
        expect(attribute.error).toBeNull();

        // 'reload schema' does not re-read the config: visible once a new table is served.
        await adminQuery("alter role authenticator set pgrst.db_aggregates_enabled = 'true'");
        await adminQuery(
          'create table if not exists public.rs_agg_probe (id int); grant select on public.rs_agg_probe to anon',
        );
        await adminQuery("notify pgrst, 'reload schema'");
        await eventually(async () => (await db.from('rs_agg_probe').select('id')).status === 200);
        expect(await aggregateStatus()).toBe(400);

        await adminQuery("notify pgrst, 'reload config'");
        await eventually(async () => (await aggregateStatus()) === 200);
      } finally {
        await setAggregates(true, 'reload config');
        await eventually(async () => (await aggregateStatus()) === 200);
        await adminQuery('drop table if exists public.rs_agg_probe');
      }
    });
  });
});
