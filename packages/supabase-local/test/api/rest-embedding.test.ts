import { describe, expect, it } from 'vitest';
import { anonClient } from '../../src/testing/clients';

// Resource embedding over the rt_* fixture: messages → users (two FKs: username, reviewer),
// messages → channels, channels ↔ channel_details (one-to-one), users ↔ channels via rt_memberships.

const db = anonClient();

describe('embedding by relationship kind', () => {
  it('to-one (many-to-one) with FK hint by column and by constraint name, and aliases', async () => {
    const { data, error } = await db
      .from('rt_messages')
      .select('id, author:rt_users!rt_messages_username_fkey(username, status), reviewer:rt_users!reviewer(username)')
      .order('id');
    expect(error).toBeNull();
    expect(data).toEqual([
      { id: 1, author: { username: 'supabot', status: 'ONLINE' }, reviewer: null },
      { id: 2, author: { username: 'supabot', status: 'ONLINE' }, reviewer: { username: 'kiwicopple' } },
      { id: 3, author: { username: 'kiwicopple', status: 'OFFLINE' }, reviewer: { username: 'supabot' } },
    ]);
    // A column hint also matches the referenced column: `username` is in both FKs, so it is ambiguous.
    const ambiguous = await db.from('rt_messages').select('id, rt_users!username(username)');
    expect(ambiguous.status).toBe(300);
    expect(ambiguous.error?.code).toBe('PGRST201');
  });

  it('to-many (one-to-many) with embedded order, limit and filters', async () => {
    const { data, error } = await db
      .from('rt_channels')
      .select('slug, rt_messages(id, message)')
      .order('id')
      .order('id', { referencedTable: 'rt_messages', ascending: false })
      .limit(1, { referencedTable: 'rt_messages' });
    expect(error).toBeNull();
    expect(data).toEqual([
      { slug: 'public', rt_messages: [{ id: 3, message: 'Some message' }] },
      {
        slug: 'random',
        rt_messages: [{ id: 2, message: 'Perfection is attained, not when there is nothing more to add' }],
      },
      { slug: 'empty', rt_messages: [] },
    ]);
    const filtered = await db
      .from('rt_channels')
      .select('slug, rt_messages(id)')
      .eq('rt_messages.username', 'kiwicopple')
      .order('id');
    expect(filtered.data).toEqual([
      { slug: 'public', rt_messages: [{ id: 3 }] },
      { slug: 'random', rt_messages: [] },
      { slug: 'empty', rt_messages: [] },
    ]);
  });

  it('one-to-one through an FK that is also the primary key gives an object', async () => {
    const { data } = await db.from('rt_channels').select('slug, rt_channel_details(details)').order('id');
    expect(data).toEqual([
      { slug: 'public', rt_channel_details: { details: 'The main channel' } },
      { slug: 'random', rt_channel_details: null },
      { slug: 'empty', rt_channel_details: null },
    ]);
  });

  it('many-to-many through a join table', async () => {
    const { data } = await db
      .from('rt_users')
      .select('username, rt_channels(slug)')
      .in('username', ['supabot', 'kiwicopple', 'awailas'])
      .order('username')
      .order('slug', { referencedTable: 'rt_channels' });
    expect(data).toEqual([
      { username: 'awailas', rt_channels: [] },
      { username: 'kiwicopple', rt_channels: [{ slug: 'public' }] },
      { username: 'supabot', rt_channels: [{ slug: 'public' }, { slug: 'random' }] },
    ]);
  });

  it('nested embeds', async () => {
    const { data } = await db
      .from('rt_channels')
      .select('slug, rt_messages(id, rt_users!rt_messages_username_fkey(username))')
      .eq('slug', 'random')
      .single();
    expect(data).toEqual({ slug: 'random', rt_messages: [{ id: 2, rt_users: { username: 'supabot' } }] });
  });
});

describe('inner joins, null filters, spreads, related order', () => {
  it('!inner drops parents without matching embedded rows', async () => {
    const { data } = await db
      .from('rt_channels')
      .select('slug, rt_messages!inner(id)')
      .eq('rt_messages.username', 'kiwicopple');
    expect(data).toEqual([{ slug: 'public', rt_messages: [{ id: 3 }] }]);
  });

  it('embed=not.is.null and embed=is.null filter the parent', async () => {
    const withMessages = await db
      .from('rt_channels')
      .select('slug, rt_messages(id)')
      .not('rt_messages', 'is', null)
      .order('id');
    expect(withMessages.data?.map((c) => c.slug)).toEqual(['public', 'random']);
    const without = await db.from('rt_channels').select('slug, rt_messages(id)').is('rt_messages', null);
    expect(without.data).toEqual([{ slug: 'empty', rt_messages: [] }]);
  });

  it('an empty embed only filters', async () => {
    const { data } = await db.from('rt_channels').select('slug, rt_messages!inner()').eq('rt_messages.id', 2);
    expect(data).toEqual([{ slug: 'random' }]);
  });

  it('spreads lift to-one columns and turn to-many columns into arrays', async () => {
    const one = await db.from('rt_messages').select('id, ...rt_channels(channel:slug)').order('id').limit(2);
    expect(one.data).toEqual([
      { id: 1, channel: 'public' },
      { id: 2, channel: 'random' },
    ]);
    const many = await db
      .from('rt_channels')
      .select('slug, ...rt_messages(ids:id)')
      .eq('slug', 'public')
      .order('id', { referencedTable: 'rt_messages' });
    expect(many.data).toEqual([{ slug: 'public', ids: [1, 3] }]);
  });

  it('orders the parent by a to-one column', async () => {
    const { data } = await db
      .from('rt_messages')
      .select('id, rt_channels(slug)')
      .order('rt_channels(slug)', { ascending: false })
      .order('id');
    expect(data?.map((m) => m.id)).toEqual([2, 1, 3]);
  });

  it('embedded or= filters', async () => {
    const { data } = await db
      .from('rt_channels')
      .select('slug, rt_messages(id)')
      .eq('slug', 'public')
      .or('id.eq.1,username.eq.nobody', { referencedTable: 'rt_messages' });
    expect(data).toEqual([{ slug: 'public', rt_messages: [{ id: 1 }] }]);
  });
});

describe('embedding through views', () => {
  it('a view inherits the FKs of the columns it exposes (view → table, table → view, view → view)', async () => {
    const fromView = await db.from('rt_messages_view').select('id, rt_users(username)').order('id').limit(1);
    expect(fromView.error).toBeNull();
    expect(fromView.data).toEqual([{ id: 1, rt_users: { username: 'supabot' } }]);
    const toView = await db.from('rt_channels').select('slug, rt_messages_view(id)').eq('slug', 'random');
    expect(toView.data).toEqual([{ slug: 'random', rt_messages_view: [{ id: 2 }] }]);
    const tableToView = await db
      .from('rt_messages')
      .select('id, rt_users_view!rt_messages_username_fkey(status)')
      .eq('id', 3);
    expect(tableToView.data).toEqual([{ id: 3, rt_users_view: { status: 'OFFLINE' } }]);
    const viewToView = await db.from('rt_messages_view').select('id, rt_users_view(status)').eq('id', 2);
    expect(viewToView.data).toEqual([{ id: 2, rt_users_view: { status: 'ONLINE' } }]);
  });
});

describe('computed relationships', () => {
  it('embeds through functions of the parent row, to-many and to-one (ROWS 1)', async () => {
    const { data, error } = await db
      .from('rt_users')
      .select('username, rt_authored(id, rt_home_channel(slug))')
      .in('username', ['supabot', 'awailas'])
      .order('username');
    expect(error).toBeNull();
    expect(data).toEqual([
      { username: 'awailas', rt_authored: [] },
      {
        username: 'supabot',
        rt_authored: [
          { id: 1, rt_home_channel: { slug: 'public' } },
          { id: 2, rt_home_channel: { slug: 'random' } },
        ],
      },
    ]);
    const inner = await db.from('rt_users').select('username, rt_authored!inner(id)').eq('rt_authored.id', 3);
    expect(inner.data).toEqual([{ username: 'kiwicopple', rt_authored: [{ id: 3 }] }]);
  });
});

describe('embedding errors', () => {
  it('ambiguous relationships answer 300 PGRST201 with candidates', async () => {
    const { error, status } = await db.from('rt_messages').select('id, rt_users(username)');
    expect(status).toBe(300);
    expect(error?.code).toBe('PGRST201');
    expect(error?.message).toBe(
      "Could not embed because more than one relationship was found for 'rt_messages' and 'rt_users'",
    );
    expect(error?.details).toEqual([
      {
        cardinality: 'many-to-one',
        embedding: 'rt_messages with rt_users',
        relationship: 'rt_messages_reviewer_fkey using rt_messages(reviewer) and rt_users(username)',
      },
      {
        cardinality: 'many-to-one',
        embedding: 'rt_messages with rt_users',
        relationship: 'rt_messages_username_fkey using rt_messages(username) and rt_users(username)',
      },
    ]);
    expect(error?.hint).toBe(
      "Try changing 'rt_users' to one of the following: 'rt_users!rt_messages_reviewer_fkey', 'rt_users!rt_messages_username_fkey'. Find the desired relationship in the 'details' key.",
    );
  });

  it('no relationship answers 400 PGRST200', async () => {
    const { error, status } = await db.from('rt_messages').select('id, rt_channel_details(details)');
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 'PGRST200',
      message: "Could not find a relationship between 'rt_messages' and 'rt_channel_details' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'rt_messages' and 'rt_channel_details' in the schema 'public', but no matches were found.",
    });
  });

  it('filters on a resource that is not embedded answer PGRST108; other operators on an embed name a column', async () => {
    const notEmbedded = await db.from('rt_channels').select('slug').eq('rt_messages.id', 1);
    expect(notEmbedded.status).toBe(400);
    expect(notEmbedded.error?.code).toBe('PGRST108');
    // PostgREST 14 only treats `is.null` specially (PGRST120 is never raised): the rest filter a column.
    const badOp = await db.from('rt_channels').select('slug, rt_messages(id)').eq('rt_messages', 1);
    expect(badOp.status).toBe(400);
    expect(badOp.error).toEqual({
      code: '42703',
      message: 'column rt_channels.rt_messages does not exist',
      details: null,
      hint: null,
    });
  });

  it('ordering by a to-many relation answers PGRST118', async () => {
    const { error, status } = await db.from('rt_channels').select('slug, rt_messages(id)').order('rt_messages(id)');
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST118');
  });
});
