import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';

// `!inner` and `!left` on every relationship shape of the rs_* fixture (test/fixtures/rs_select.sql):
// embedded filters narrow the embed, `!inner` also drops parents left without embedded rows, and
// `rel=is.null` on a left embed keeps only the parents without any (an anti-join). Counts agree.

const db = anonClient();

describe('many-to-one and one-to-one', () => {
  it('!inner keeps parents whose to-one row passes the embedded filter; !left keeps all', async () => {
    const inner = await db
      .from('rs_books')
      .select('id, rs_authors!inner(name)')
      .eq('rs_authors.country', 'US')
      .order('id');
    expect(inner.error).toBeNull();
    expect(inner.data).toEqual([
      { id: 1, rs_authors: { name: 'Ursula' } },
      { id: 2, rs_authors: { name: 'Ursula' } },
      { id: 5, rs_authors: { name: 'Octavia' } },
    ]);
    const left = await db
      .from('rs_books')
      .select('id, rs_authors!left(name)')
      .eq('rs_authors.country', 'UK')
      .order('id');
    expect(left.data?.map((b) => b.rs_authors)).toEqual([null, null, { name: 'Terry' }, { name: 'Terry' }, null, null]);
  });

  it('is.null on a left to-one embed keeps rows without a related row', async () => {
    const { data } = await db.from('rs_books').select('id, rs_authors!left(name)').is('rs_authors', null);
    expect(data).toEqual([{ id: 6, rs_authors: null }]);
  });

  it('one-to-one: !inner drops authors without a profile; is.null keeps only those', async () => {
    const inner = await db.from('rs_authors').select('name, rs_profiles!inner(bio)').order('id');
    expect(inner.data).toEqual([
      { name: 'Ursula', rs_profiles: { bio: 'Wrote Earthsea' } },
      { name: 'Terry', rs_profiles: { bio: 'Wrote Discworld' } },
    ]);
    const without = await db.from('rs_authors').select('name, rs_profiles(bio)').is('rs_profiles', null).order('id');
    expect(without.data).toEqual([
      { name: 'Octavia', rs_profiles: null },
      { name: 'Nobody', rs_profiles: null },
    ]);
  });
});

describe('one-to-many and many-to-many', () => {
  it('!inner drops parents whose filtered embed is empty; !left keeps them with []', async () => {
    const inner = await db
      .from('rs_authors')
      .select('name, rs_books!inner(title)')
      .like('rs_books.title', '*d*')
      .order('id');
    expect(inner.data).toEqual([
      { name: 'Ursula', rs_books: [{ title: 'Wizard' }, { title: 'Dispossessed' }] },
      { name: 'Terry', rs_books: [{ title: 'Guards' }] },
      { name: 'Octavia', rs_books: [{ title: 'Kindred' }] },
    ]);
    const left = await db
      .from('rs_authors')
      .select('name, rs_books!left(title)')
      .like('rs_books.title', '*d*')
      .order('id');
    expect(left.data?.at(-1)).toEqual({ name: 'Nobody', rs_books: [] });
    expect(left.data).toHaveLength(4);
  });

  it('many-to-many: !inner with a filter on the far table; is.null finds tags on no book', async () => {
    const inner = await db.from('rs_tags').select('name, rs_books!inner(title)').lt('rs_books.pages', 200);
    expect(inner.data).toEqual([{ name: 'fantasy', rs_books: [{ title: 'Wizard' }] }]);
    const unused = await db.from('rs_tags').select('name, rs_books(title)').is('rs_books', null);
    expect(unused.data).toEqual([{ name: 'unused', rs_books: [] }]);
    const used = await db.from('rs_tags').select('name, rs_books(title)').not('rs_books', 'is', null).order('id');
    expect(used.data?.map((t) => t.name)).toEqual(['fantasy', 'scifi', 'humour']);
  });

  it('an empty !inner embed only filters the parent', async () => {
    const { data } = await db
      .from('rs_books')
      .select('title, rs_reviews!inner()')
      .eq('rs_reviews.reviewer', 'ann')
      .order('id');
    expect(data).toEqual([{ title: 'Wizard' }, { title: 'Dispossessed' }]);
  });

  it('counts see the rows !inner keeps, not the joined ones', async () => {
    const { count, data, status } = await db
      .from('rs_authors')
      .select('name, rs_books!inner(title)', { count: 'exact' })
      .gt('rs_books.pages', 200)
      .order('id')
      .limit(1);
    expect(status).toBe(206);
    expect(count).toBe(3);
    expect(data).toEqual([{ name: 'Ursula', rs_books: [{ title: 'Dispossessed' }] }]);
    const anti = await db
      .from('rs_tags')
      .select('name, rs_books(title)', { count: 'exact', head: true })
      .is('rs_books', null);
    expect(anti.count).toBe(1);
  });
});

describe('computed relationships', () => {
  it('to-many: !inner drops authors whose function returns no rows; is.null keeps only them', async () => {
    const inner = await db.from('rs_authors').select('name, rs_long_books!inner(title)').order('id');
    expect(inner.data).toEqual([
      { name: 'Ursula', rs_long_books: [{ title: 'Dispossessed' }] },
      { name: 'Terry', rs_long_books: [{ title: 'Guards' }] },
    ]);
    const none = await db.from('rs_authors').select('name, rs_long_books(title)').is('rs_long_books', null).order('id');
    expect(none.data).toEqual([
      { name: 'Octavia', rs_long_books: [] },
      { name: 'Nobody', rs_long_books: [] },
    ]);
  });

  it('to-one (ROWS 1): !inner with a filter on the function result', async () => {
    const { data } = await db
      .from('rs_books')
      .select('title, rs_best_review!inner(stars)')
      .gte('rs_best_review.stars', 4)
      .order('id');
    expect(data).toEqual([
      { title: 'Wizard', rs_best_review: { stars: 5 } },
      { title: 'Dispossessed', rs_best_review: { stars: 4 } },
      { title: 'Mort', rs_best_review: { stars: 5 } },
    ]);
  });
});
