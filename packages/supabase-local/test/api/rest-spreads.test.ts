import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';
import { holdAggregatesShared } from './aggregates-lock';

// Spreads `...rel(cols)` over the rs_* fixture (test/fixtures/rs_select.sql). PostgREST 12+: a
// to-one spread lifts the embedded columns into the parent, a to-many spread gives one array per
// column (ordered by `rel.order`), spreads nest, take hints and !inner, and refuse aggregates when
// to-many.

const db = anonClient();

describe('to-one spreads', () => {
  it('lift columns with their aliases; no related row gives nulls', async () => {
    const { data, error } = await db.from('rs_books').select('id, ...rs_authors(author:name, country)').order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 1, author: 'Ursula', country: 'US' },
      { id: 2, author: 'Ursula', country: 'US' },
      { id: 3, author: 'Terry', country: 'UK' },
      { id: 4, author: 'Terry', country: 'UK' },
      { id: 5, author: 'Octavia', country: 'US' },
      { id: 6, author: null, country: null },
    ]);
  });

  it('`*` lifts every column; one-to-one and computed to-one relationships spread too', async () => {
    const star = await db.from('rs_profiles').select('bio, ...rs_authors(*)').eq('id', 10).single();
    expect(star.data).toEqual({ bio: 'Wrote Earthsea', id: 1, name: 'Ursula', country: 'US' });
    const computed = await db.from('rs_books').select('title, ...rs_best_review(stars)').in('id', [1, 4]).order('id');
    expect(computed.data).toEqual([
      { title: 'Wizard', stars: 5 },
      { title: 'Guards', stars: null },
    ]);
  });

  it('take hints by constraint or FK column (self references included)', async () => {
    const byConstraint = await db
      .from('rs_books')
      .select('id, ...rs_authors!rs_books_author_id_fkey(name)')
      .eq('id', 1)
      .single();
    expect(byConstraint.data).toEqual({ id: 1, name: 'Ursula' });
    const byColumn = await db.from('rs_staff').select('name, ...manager_id(boss:name)').order('id');
    expect(byColumn.data).toEqual([
      { name: 'Boss', boss: null },
      { name: 'Ann', boss: 'Boss' },
      { name: 'Bob', boss: 'Boss' },
      { name: 'Cy', boss: 'Ann' },
    ]);
  });

  it('!inner drops parents whose embedded row does not match the embedded filter', async () => {
    const { data } = await db
      .from('rs_books')
      .select('id, ...rs_authors!inner(name)')
      .eq('rs_authors.country', 'UK')
      .order('id');
    expect(data).toEqual([
      { id: 3, name: 'Terry' },
      { id: 4, name: 'Terry' },
    ]);
  });
});

describe('to-many spreads', () => {
  it('give one array per column, ordered by the embedded order; no rows give empty arrays', async () => {
    const { data, error } = await db
      .from('rs_authors')
      .select('name, ...rs_books(title, pages)')
      .order('id')
      .order('pages', { referencedTable: 'rs_books', ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { name: 'Ursula', title: ['Dispossessed', 'Wizard'], pages: [380, 180] },
      { name: 'Terry', title: ['Guards', 'Mort'], pages: [320, 250] },
      { name: 'Octavia', title: ['Kindred'], pages: [260] },
      { name: 'Nobody', title: [], pages: [] },
    ]);
  });

  it('`*` expands to every column; many-to-many spreads work with aliases', async () => {
    const star = await db.from('rs_authors').select('...rs_books(*)').eq('id', 3).single();
    expect(star.data).toEqual({ id: [5], author_id: [3], title: ['Kindred'], pages: [260], price: [11] });
    const tags = await db
      .from('rs_books')
      .select('title, ...rs_tags(tags:name)')
      .eq('id', 3)
      .order('name', { referencedTable: 'rs_tags' })
      .single();
    expect(tags.data).toEqual({ title: 'Mort', tags: ['fantasy', 'humour'] });
  });

  it('!inner drops parents without matching rows', async () => {
    const { data } = await db
      .from('rs_authors')
      .select('name, ...rs_books!inner(title)')
      .gt('rs_books.pages', 300)
      .order('id');
    expect(data).toEqual([
      { name: 'Ursula', title: ['Dispossessed'] },
      { name: 'Terry', title: ['Guards'] },
    ]);
  });
});

describe('nested spreads', () => {
  it('to-one inside to-one, to-many inside to-one, embeds inside to-many', async () => {
    const chain = await db
      .from('rs_reviews')
      .select('stars, ...rs_books(title, ...rs_authors(author:name))')
      .eq('id', 1)
      .single();
    expect(chain.data).toEqual({ stars: 5, title: 'Wizard', author: 'Ursula' });
    const arrays = await db
      .from('rs_reviews')
      .select('id, ...rs_books(...rs_tags(name))')
      .eq('id', 4)
      .order('name', { referencedTable: 'rs_books.rs_tags' })
      .single();
    expect(arrays.data).toEqual({ id: 4, name: ['fantasy', 'humour'] });
    const embedded = await db
      .from('rs_authors')
      .select('name, ...rs_books(title, rs_best_review(stars))')
      .eq('id', 1)
      .order('id', { referencedTable: 'rs_books' })
      .single();
    expect(embedded.data).toEqual({
      name: 'Ursula',
      title: ['Wizard', 'Dispossessed'],
      rs_best_review: [{ stars: 5 }, { stars: 4 }],
    });
  });
});

describe('spreads PostgREST refuses', () => {
  // PGRST127 needs aggregates enabled (PGRST123 comes first otherwise).
  holdAggregatesShared();

  it('aggregates in a to-many spread answer 400 PGRST127', async () => {
    const { error, status } = await db.from('rs_authors').select('name, ...rs_books(pages.sum())');
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'PGRST127',
      message: 'Feature not implemented',
      details: 'Aggregates are not implemented for one-to-many or many-to-many spreads.',
      hint: null,
    });
  });

  it('an aliased spread or one without columns is a parse error (PGRST100); unknown relations PGRST200', async () => {
    for (const select of ['id,a:...rs_authors(name)', 'id,...rs_authors', 'id,...rs_authors(name']) {
      const { error, status } = await db.from('rs_books').select(select);
      expect(status).toBe(400);
      expect(error?.code).toBe('PGRST100');
      expect(error?.message).toContain('failed to parse select parameter');
    }
    const unknown = await db.from('rs_books').select('id, ...zzz(name)');
    expect(unknown.status).toBe(400);
    expect(unknown.error).toEqual({
      code: 'PGRST200',
      message: "Could not find a relationship between 'rs_books' and 'zzz' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'rs_books' and 'zzz' in the schema 'public', but no matches were found.",
      hint: null,
    });
  });
});
