import { describe, it } from 'vitest';
import { ALL_MESSAGES, db, expectResponse, pgrstError, USERS } from './pj';

// Port of postgrest-js test/relationships.test.ts (see pj.ts for the upstream commit).

describe('postgrest-js relationships', () => {
  it('nested query with selective fields', async () => {
    const res = await db.from('pj_users').select('username, pj_messages(id, message)').limit(1).single();
    expectResponse(res, {
      status: 200,
      data: { username: 'supabot', pj_messages: ALL_MESSAGES.map(({ id, message }) => ({ id, message })) },
    });
  });

  it('nested query with multiple levels and selective fields', async () => {
    const res = await db
      .from('pj_users')
      .select('username, pj_messages(id, message, pj_channels(id, slug))')
      .limit(1)
      .single();
    const slugs: Record<number, string> = { 1: 'public', 2: 'random', 3: 'other' };
    expectResponse(res, {
      status: 200,
      data: {
        username: 'supabot',
        pj_messages: ALL_MESSAGES.map(({ id, message, channel_id }) => ({
          id,
          message,
          pj_channels: { id: channel_id, slug: slugs[channel_id] },
        })),
      },
    });
  });

  it('query with multiple one-to-many relationships', async () => {
    const res = await db.from('pj_users').select('username, pj_messages(id), pj_user_profiles(id)').limit(1).single();
    expectResponse(res, {
      status: 200,
      data: {
        username: 'supabot',
        pj_messages: [{ id: 1 }, { id: 2 }, { id: 4 }, { id: 3 }],
        pj_user_profiles: [{ id: 1 }],
      },
    });
  });

  it('many-to-one relationship', async () => {
    const res = await db.from('pj_messages').select('user:pj_users(*)').limit(1).single();
    expectResponse(res, { status: 200, data: { user: USERS.supabot } });
  });

  it('one-to-many relationship, all and selective columns', async () => {
    const all = await db.from('pj_users').select('pj_messages(*)').limit(1).single();
    expectResponse(all, { status: 200, data: { pj_messages: ALL_MESSAGES } });
    const some = await db.from('pj_users').select('pj_messages(data)').limit(1).single();
    expectResponse(some, { status: 200, data: { pj_messages: ALL_MESSAGES.map(() => ({ data: null })) } });
  });

  it('one-to-one relationship', async () => {
    const res = await db.from('pj_channels').select('pj_channel_details(*)').limit(1).single();
    expectResponse(res, {
      status: 200,
      data: { pj_channel_details: { details: 'Details for public channel', id: 1 } },
    });
  });

  it('select with type casting query', async () => {
    const res = await db.from('pj_best_friends').select('id::text').limit(1).single();
    expectResponse(res, { status: 200, data: { id: '1' } });
  });

  it('multiple times the same column in selection', async () => {
    const res = await db.from('pj_channels').select('id, id, id').limit(1).single();
    expectResponse(res, { status: 200, data: { id: 1 } });
  });

  it('embed resource with no fields', async () => {
    const res = await db.from('pj_messages').select('message, pj_users()').limit(1).single();
    expectResponse(res, { status: 200, data: { message: 'Hello World 👋' } });
  });

  it('select JSON accessor', async () => {
    const res = await db
      .from('pj_users')
      .select('data->foo->bar, data->foo->>baz')
      .limit(1)
      .filter('username', 'eq', 'jsonuser')
      .single();
    expectResponse(res, { status: 200, data: { bar: { nested: 'value' }, baz: 'string value' } });
  });

  const children = [
    { description: 'Child of Root', id: 2, parent_id: 1 },
    { description: 'Another Child of Root', id: 3, parent_id: 1 },
  ];
  const root = { description: 'Root Collection', id: 1, parent_id: null };

  it('self reference relation', async () => {
    const res = await db.from('pj_collections').select('*, pj_collections(*)').limit(1).single();
    expectResponse(res, { status: 200, data: { ...root, pj_collections: children } });
  });

  it('self reference relation via column', async () => {
    const res = await db.from('pj_collections').select('*, parent_id(*)').eq('id', 2).limit(1).single();
    expectResponse(res, { status: 200, data: { description: 'Child of Root', id: 2, parent_id: root } });
  });

  it('self reference relation via aliased column with multiple foreign keys', async () => {
    const res = await db.from('pj_lab').select('*, parents:parent(*)').eq('id', 2).single();
    expectResponse(res, {
      status: 200,
      data: {
        id: 2,
        main: null,
        name: 'First Task',
        parent: 1,
        type: 'task',
        parents: { id: 1, main: null, name: 'Main Board', parent: null, type: 'board' },
      },
    });
    const ambiguous = await db.from('pj_lab').select('children:pj_lab(*)');
    expectResponse(ambiguous, {
      status: 300,
      error: pgrstError(
        'PGRST201',
        "Could not embed because more than one relationship was found for 'pj_lab' and 'pj_lab'",
        [
          {
            cardinality: 'one-to-many',
            embedding: 'pj_lab with pj_lab',
            relationship: 'pj_lab_main_fkey using pj_lab(id) and pj_lab(main)',
          },
          {
            cardinality: 'one-to-many',
            embedding: 'pj_lab with pj_lab',
            relationship: 'pj_lab_parent_fkey using pj_lab(id) and pj_lab(parent)',
          },
        ],
        "Try changing 'pj_lab' to one of the following: 'pj_lab!pj_lab_main_fkey', 'pj_lab!pj_lab_parent_fkey'. Find the desired relationship in the 'details' key.",
      ),
    });
  });

  it('self reference relation via hint matching column name', async () => {
    const res = await db.from('pj_collections').select('*, pj_collections!parent_id(*)').eq('id', 1).limit(1).single();
    expectResponse(res, { status: 200, data: { ...root, pj_collections: children } });
  });

  it('self reference relation via hint matching fk constraint name fails at runtime', async () => {
    const res = await db
      .from('pj_collections')
      .select('*, pj_collections!pj_collections_parent_id_fkey(*)')
      .eq('id', 1)
      .limit(1)
      .single();
    expectResponse(res, {
      status: 400,
      error: pgrstError(
        'PGRST200',
        "Could not find a relationship between 'pj_collections' and 'pj_collections' in the schema cache",
        "Searched for a foreign key relationship between 'pj_collections' and 'pj_collections' using the hint 'pj_collections_parent_id_fkey' in the schema 'public', but no matches were found.",
      ),
    });
  });

  it('many-to-many with join table', async () => {
    const res = await db.from('pj_products').select('*, pj_categories(*)').eq('id', 1).single();
    expectResponse(res, {
      status: 200,
      data: {
        id: 1,
        name: 'Laptop',
        description: 'High-performance laptop',
        price: 999.99,
        pj_categories: [
          { description: 'Electronic devices and gadgets', id: 1, name: 'Electronics' },
          { description: 'Computer and computer accessories', id: 2, name: 'Computers' },
        ],
      },
    });
  });
});
