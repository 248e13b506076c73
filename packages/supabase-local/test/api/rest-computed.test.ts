import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';
import { holdAggregatesShared } from './aggregates-lock';

// Computed fields (`f(row t) returns scalar`) and computed relationships (`f(row t) returns [setof] u`)
// in every position PostgREST allows, over the rs_* fixture (test/fixtures/rs_select.sql): select
// (with alias, cast and JSON path), filters, order, inside embeds, on a partitioned table and a view.

const db = anonClient();

// One test sums a computed field.
holdAggregatesShared();

describe('computed fields', () => {
  it('select, filter and order the root by a computed field', async () => {
    const { data, error } = await db
      .from('rs_books')
      .select('id, rs_book_label')
      .like('rs_book_label', '*(2*')
      .order('rs_book_label', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 3, rs_book_label: 'Mort (250p)' },
      { id: 5, rs_book_label: 'Kindred (260p)' },
    ]);
  });

  it('alias, cast and JSON path apply to computed fields', async () => {
    const { data } = await db
      .from('rs_books')
      .select('id, label:rs_book_label::text, rs_book_label->>x')
      .eq('id', 1)
      .single();
    expect(data).toEqual({ id: 1, label: 'Wizard (180p)', x: null });
  });

  it('inside embeds: selected, filtered and ordered there; the parent orders by a to-one one', async () => {
    const filtered = await db
      .from('rs_authors')
      .select('name, rs_books(rs_book_label)')
      .eq('id', 2)
      .ilike('rs_books.rs_book_label', 'g*')
      .single();
    expect(filtered.data).toEqual({ name: 'Terry', rs_books: [{ rs_book_label: 'Guards (320p)' }] });
    const ordered = await db
      .from('rs_authors')
      .select('name, rs_books(id, rs_book_label)')
      .eq('id', 1)
      .order('rs_book_label', { referencedTable: 'rs_books', ascending: false })
      .single();
    expect(ordered.data?.rs_books).toEqual([
      { id: 1, rs_book_label: 'Wizard (180p)' },
      { id: 2, rs_book_label: 'Dispossessed (380p)' },
    ]);
    const related = await db
      .from('rs_reviews')
      .select('id, rs_books(rs_book_label)')
      .order('rs_books(rs_book_label)', { ascending: true })
      .order('id')
      .limit(3);
    expect(related.data).toEqual([
      { id: 3, rs_books: { rs_book_label: 'Dispossessed (380p)' } },
      { id: 5, rs_books: { rs_book_label: 'Kindred (260p)' } },
      { id: 4, rs_books: { rs_book_label: 'Mort (250p)' } },
    ]);
  });

  it('on a partitioned table: select, filter, order, aggregate, and embedded', async () => {
    const rows = await db
      .from('rs_sales')
      .select('id, rs_sale_total')
      .gte('rs_sale_total', 20)
      .order('rs_sale_total', { ascending: false });
    expect(rows.data).toEqual([
      { id: 5, rs_sale_total: 48 },
      { id: 3, rs_sale_total: 24 },
    ]);
    const total = await db.from('rs_sales').select('total:rs_sale_total.sum()').single();
    expect(total.data).toEqual({ total: 110.5 });
    const embedded = await db
      .from('rs_books')
      .select('id, rs_sales(id, rs_sale_total)')
      .eq('id', 1)
      .order('id', { referencedTable: 'rs_sales' })
      .single();
    expect(embedded.data).toEqual({
      id: 1,
      rs_sales: [
        { id: 1, rs_sale_total: 19 },
        { id: 2, rs_sale_total: 9.5 },
      ],
    });
  });

  it('on a view: select, filter and order', async () => {
    const { data } = await db.from('rs_books_view').select('id, rs_view_label').order('rs_view_label').limit(2);
    expect(data).toEqual([
      { id: 6, rs_view_label: 'ANONYMOUS' },
      { id: 2, rs_view_label: 'DISPOSSESSED' },
    ]);
    const filtered = await db.from('rs_books_view').select('title').like('rs_view_label', 'M*');
    expect(filtered.data).toEqual([{ title: 'Mort' }]);
  });

  it('an unknown name is reported by Postgres, as PostgREST lets it through (42703)', async () => {
    const { error, status } = await db.from('rs_books').select('id, rs_nothing');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: '42703',
      message: 'column rs_books.rs_nothing does not exist',
      details: null,
      hint: null,
    });
  });
});

describe('computed relationships', () => {
  it('nest other embeds and computed fields inside, with embedded order and limit', async () => {
    const nested = await db
      .from('rs_authors')
      .select('name, rs_long_books(title, rs_book_label, rs_best_review(stars))')
      .eq('id', 1)
      .single();
    expect(nested.data).toEqual({
      name: 'Ursula',
      rs_long_books: [{ title: 'Dispossessed', rs_book_label: 'Dispossessed (380p)', rs_best_review: { stars: 4 } }],
    });
    const limited = await db
      .from('rs_authors')
      .select('name, rs_long_books(title)')
      .eq('id', 2)
      .order('pages', { referencedTable: 'rs_long_books', ascending: false })
      .limit(1, { referencedTable: 'rs_long_books' })
      .single();
    expect(limited.data).toEqual({ name: 'Terry', rs_long_books: [{ title: 'Guards' }] });
  });

  it('order the parent when to-one, and take logic filters when to-many', async () => {
    const ordered = await db
      .from('rs_books')
      .select('title, rs_best_review(stars)')
      .order('rs_best_review(stars)', { ascending: false, nullsFirst: false })
      .order('id')
      .limit(4);
    expect(ordered.data).toEqual([
      { title: 'Wizard', rs_best_review: { stars: 5 } },
      { title: 'Mort', rs_best_review: { stars: 5 } },
      { title: 'Dispossessed', rs_best_review: { stars: 4 } },
      { title: 'Kindred', rs_best_review: { stars: 2 } },
    ]);
    const filtered = await db
      .from('rs_authors')
      .select('name, rs_long_books(title)')
      .or('pages.gt.350,title.eq.Guards', { referencedTable: 'rs_long_books' })
      .in('id', [1, 2, 3])
      .order('id');
    expect(filtered.data).toEqual([
      { name: 'Ursula', rs_long_books: [{ title: 'Dispossessed' }] },
      { name: 'Terry', rs_long_books: [{ title: 'Guards' }] },
      { name: 'Octavia', rs_long_books: [] },
    ]);
  });

  it('start from a view row', async () => {
    const { data } = await db
      .from('rs_books_view')
      .select('title, rs_view_reviews(stars)')
      .eq('id', 1)
      .order('stars', { referencedTable: 'rs_view_reviews' })
      .single();
    expect(data).toEqual({ title: 'Wizard', rs_view_reviews: [{ stars: 3 }, { stars: 5 }] });
  });
});
