import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';

// Relationship detection and disambiguation over the rs_* fixture (test/fixtures/rs_select.sql), by
// PostgREST's rules: one-to-one from FKs whose columns are exactly a PK or unique constraint (objects
// in both directions), self references (`t(*)` children, `fk_col(*)` parent), hints by constraint,
// origin or target column, or junction; PGRST200/201 worded as PostgREST words them.

const db = anonClient();

describe('one-to-one', () => {
  it('a unique FK column embeds an object from both ends', async () => {
    const fromAuthors = await db.from('rs_authors').select('name, rs_profiles(bio)').order('id');
    expect(fromAuthors.error).toBeNull();
    expect(fromAuthors.data).toEqual([
      { name: 'Ursula', rs_profiles: { bio: 'Wrote Earthsea' } },
      { name: 'Terry', rs_profiles: { bio: 'Wrote Discworld' } },
      { name: 'Octavia', rs_profiles: null },
      { name: 'Nobody', rs_profiles: null },
    ]);
    const fromProfiles = await db.from('rs_profiles').select('bio, rs_authors(name)').order('id');
    expect(fromProfiles.data).toEqual([
      { bio: 'Wrote Earthsea', rs_authors: { name: 'Ursula' } },
      { bio: 'Wrote Discworld', rs_authors: { name: 'Terry' } },
      { bio: 'Orphan', rs_authors: null },
    ]);
  });

  it('an FK that is the primary key embeds an object from both ends', async () => {
    const fromAuthors = await db
      .from('rs_authors')
      .select('name, rs_author_settings(theme)')
      .in('id', [1, 2])
      .order('id');
    expect(fromAuthors.data).toEqual([
      { name: 'Ursula', rs_author_settings: { theme: 'dark' } },
      { name: 'Terry', rs_author_settings: null },
    ]);
    const fromSettings = await db.from('rs_author_settings').select('theme, rs_authors(name)').order('author_id');
    expect(fromSettings.data).toEqual([
      { theme: 'dark', rs_authors: { name: 'Ursula' } },
      { theme: 'light', rs_authors: { name: 'Octavia' } },
    ]);
  });

  it('two one-to-one relationships are ambiguous (300 PGRST201) until hinted', async () => {
    const { error, status } = await db.from('rs_authors').select('name, rs_pairs(id)');
    expect(status).toBe(300);
    expect(error).toEqual({
      code: 'PGRST201',
      message: "Could not embed because more than one relationship was found for 'rs_authors' and 'rs_pairs'",
      details: [
        {
          cardinality: 'one-to-one',
          embedding: 'rs_authors with rs_pairs',
          relationship: 'rs_pairs_left_id_fkey using rs_authors(id) and rs_pairs(left_id)',
        },
        {
          cardinality: 'one-to-one',
          embedding: 'rs_authors with rs_pairs',
          relationship: 'rs_pairs_right_id_fkey using rs_authors(id) and rs_pairs(right_id)',
        },
      ],
      hint: "Try changing 'rs_pairs' to one of the following: 'rs_pairs!rs_pairs_left_id_fkey', 'rs_pairs!rs_pairs_right_id_fkey'. Find the desired relationship in the 'details' key.",
    });
    const hinted = await db
      .from('rs_authors')
      .select('name, left:rs_pairs!left_id(id), right:rs_pairs!rs_pairs_right_id_fkey(id)')
      .in('id', [1, 2])
      .order('id');
    expect(hinted.data).toEqual([
      { name: 'Ursula', left: { id: 1 }, right: null },
      { name: 'Terry', left: null, right: { id: 1 } },
    ]);
    const back = await db.from('rs_pairs').select('l:rs_authors!left_id(name), r:rs_authors!right_id(name)').single();
    expect(back.data).toEqual({ l: { name: 'Ursula' }, r: { name: 'Terry' } });
  });
});

describe('self references', () => {
  it('with one FK, the table name embeds the children and the FK column the parent', async () => {
    const { data, error } = await db
      .from('rs_nodes')
      .select('label, rs_nodes(label), parent:parent_id(label)')
      .order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { label: 'root', rs_nodes: [{ label: 'a' }, { label: 'b' }], parent: null },
      { label: 'a', rs_nodes: [{ label: 'a1' }], parent: { label: 'root' } },
      { label: 'b', rs_nodes: [], parent: { label: 'root' } },
      { label: 'a1', rs_nodes: [], parent: { label: 'a' } },
    ]);
  });

  it('with two FKs, children are ambiguous until hinted by the referencing column', async () => {
    const ambiguous = await db.from('rs_staff').select('name, rs_staff(name)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error).toEqual({
      code: 'PGRST201',
      message: "Could not embed because more than one relationship was found for 'rs_staff' and 'rs_staff'",
      details: [
        {
          cardinality: 'one-to-many',
          embedding: 'rs_staff with rs_staff',
          relationship: 'rs_staff_manager_fkey using rs_staff(id) and rs_staff(manager_id)',
        },
        {
          cardinality: 'one-to-many',
          embedding: 'rs_staff with rs_staff',
          relationship: 'rs_staff_mentor_fkey using rs_staff(id) and rs_staff(mentor_id)',
        },
      ],
      hint: "Try changing 'rs_staff' to one of the following: 'rs_staff!rs_staff_manager_fkey', 'rs_staff!rs_staff_mentor_fkey'. Find the desired relationship in the 'details' key.",
    });
    const { data } = await db
      .from('rs_staff')
      .select('name, reports:rs_staff!manager_id(name), mentees:rs_staff!mentor_id(name), manager:manager_id(name)')
      .order('id');
    expect(data).toEqual([
      { name: 'Boss', reports: [{ name: 'Ann' }, { name: 'Bob' }], mentees: [], manager: null },
      { name: 'Ann', reports: [{ name: 'Cy' }], mentees: [{ name: 'Bob' }], manager: { name: 'Boss' } },
      { name: 'Bob', reports: [], mentees: [{ name: 'Cy' }], manager: { name: 'Boss' } },
      { name: 'Cy', reports: [], mentees: [], manager: { name: 'Ann' } },
    ]);
  });

  it('a self reference hinted by constraint name, or named by it, finds nothing (PGRST200)', async () => {
    const hinted = await db.from('rs_staff').select('name, rs_staff!rs_staff_manager_fkey(name)');
    expect(hinted.status).toBe(400);
    expect(hinted.error).toEqual({
      code: 'PGRST200',
      message: "Could not find a relationship between 'rs_staff' and 'rs_staff' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'rs_staff' and 'rs_staff' using the hint 'rs_staff_manager_fkey' in the schema 'public', but no matches were found.",
      hint: null,
    });
    const named = await db.from('rs_staff').select('name, rs_staff_manager_fkey(name)');
    expect(named.error?.code).toBe('PGRST200');
    expect(named.error?.hint).toBe("Perhaps you meant 'rs_staff' instead of 'rs_staff_manager_fkey'.");
  });
});

describe('naming and hinting relationships', () => {
  it('an FK column or constraint name can stand for the related table', async () => {
    const byColumn = await db.from('rs_books').select('id, author_id(name)').eq('id', 1).single();
    expect(byColumn.data).toEqual({ id: 1, author_id: { name: 'Ursula' } });
    const byConstraint = await db.from('rs_books').select('id, rs_books_author_id_fkey(name)').eq('id', 1).single();
    expect(byConstraint.data).toEqual({ id: 1, rs_books_author_id_fkey: { name: 'Ursula' } });
  });

  it('many-to-many takes the junction table as hint; views inherit relationships', async () => {
    const m2m = await db
      .from('rs_tags')
      .select('name, rs_books!rs_book_tags(title)')
      .eq('id', 2)
      .order('id', { referencedTable: 'rs_books' })
      .single();
    expect(m2m.data).toEqual({ name: 'scifi', rs_books: [{ title: 'Dispossessed' }, { title: 'Kindred' }] });
    const viewToTable = await db.from('rs_books_view').select('title, rs_authors(name)').eq('id', 1).single();
    expect(viewToTable.data).toEqual({ title: 'Wizard', rs_authors: { name: 'Ursula' } });
    const tableToView = await db.from('rs_reviews').select('id, rs_books_view(title)').eq('id', 1).single();
    expect(tableToView.data).toEqual({ id: 1, rs_books_view: { title: 'Wizard' } });
  });

  it('PGRST200 suggests a close relation name', async () => {
    const typo = await db.from('rs_books').select('id, rs_author(name)');
    expect(typo.status).toBe(400);
    expect(typo.error).toEqual({
      code: 'PGRST200',
      message: "Could not find a relationship between 'rs_books' and 'rs_author' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'rs_books' and 'rs_author' in the schema 'public', but no matches were found.",
      hint: "Perhaps you meant 'rs_authors' instead of 'rs_author'.",
    });
    const nothingClose = await db.from('rs_books').select('id, zzz(name)');
    expect(nothingClose.error?.hint).toBeNull();
    const badHint = await db.from('rs_books').select('id, rs_authors!nope(name)');
    expect(badHint.error?.details).toBe(
      "Searched for a foreign key relationship between 'rs_books' and 'rs_authors' using the hint 'nope' in the schema 'public', but no matches were found.",
    );
  });
});
