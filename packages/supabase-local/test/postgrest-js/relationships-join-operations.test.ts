import { describe, it } from 'vitest';
import { ALL_MESSAGES, db, expectResponse, USERS } from './pj';

// Port of postgrest-js test/relationships-join-operations.test.ts and the join cases of
// test/basic.test.ts (see pj.ts for the upstream commit).

const friend1 = { first_user: 'supabot', id: 1, second_user: 'kiwicopple', third_wheel: 'awailas' };
const friend2 = { first_user: 'supabot', id: 2, second_user: 'awailas', third_wheel: null };
const friendsOfSupabot = { first_friend_of: [friend1, friend2], second_friend_of: [], third_wheel_of: [] };
const trio = { first_user: USERS.supabot, second_user: USERS.kiwicopple, third_wheel: USERS.awailas };

describe('postgrest-js relationships: join operations', () => {
  it('!inner relationship', async () => {
    const res = await db
      .from('pj_messages')
      .select('pj_channels!inner(*, pj_channel_details!inner(*))')
      .limit(1)
      .single();
    expectResponse(res, {
      status: 200,
      data: {
        pj_channels: {
          data: null,
          id: 1,
          slug: 'public',
          pj_channel_details: { details: 'Details for public channel', id: 1 },
        },
      },
    });
  });

  it('!inner relationship on nullable relation', async () => {
    const res = await db.from('pj_booking').select('id, pj_hotel!inner(id, name)');
    const hotel = (id: number, name: string | null) => ({ id, name });
    expectResponse(res, {
      status: 200,
      data: [
        { id: 1, pj_hotel: hotel(1, 'Sunset Resort') },
        { id: 2, pj_hotel: hotel(1, 'Sunset Resort') },
        { id: 3, pj_hotel: hotel(2, 'Mountain View Hotel') },
        { id: 5, pj_hotel: hotel(3, 'Beachfront Inn') },
        { id: 6, pj_hotel: hotel(1, 'Sunset Resort') },
        { id: 8, pj_hotel: hotel(4, null) },
      ],
    });
  });

  it('!left oneToOne, oneToMany and zeroToOne', async () => {
    const oneToOne = await db.from('pj_channel_details').select('pj_channels!left(*)').limit(1).single();
    expectResponse(oneToOne, { status: 200, data: { pj_channels: { data: null, id: 1, slug: 'public' } } });
    const idOnly = await db.from('pj_channel_details').select('pj_channels!left(id)').limit(1).single();
    expectResponse(idOnly, { status: 200, data: { pj_channels: { id: 1 } } });
    const oneToMany = await db.from('pj_users').select('pj_messages!left(*)').limit(1).single();
    expectResponse(oneToMany, { status: 200, data: { pj_messages: ALL_MESSAGES } });
    const usernames = await db.from('pj_users').select('pj_messages!left(username)').limit(1).single();
    expectResponse(usernames, {
      status: 200,
      data: { pj_messages: ALL_MESSAGES.map(() => ({ username: 'supabot' })) },
    });
    const zeroToOne = await db.from('pj_user_profiles').select('pj_users!left(*)').limit(1).single();
    expectResponse(zeroToOne, { status: 200, data: { pj_users: USERS.supabot } });
  });

  it('join over a 1-1 relation using foreign key names, column names, and with order', async () => {
    const byFk = await db
      .from('pj_best_friends')
      .select(
        'first_user:pj_users!pj_best_friends_first_user_fkey(*), second_user:pj_users!pj_best_friends_second_user_fkey(*), third_wheel:pj_users!pj_best_friends_third_wheel_fkey(*)',
      )
      .limit(1)
      .single();
    expectResponse(byFk, { status: 200, data: trio });
    const ordered = await db
      .from('pj_best_friends')
      .select(
        'first_user:pj_users!pj_best_friends_first_user_fkey(*), second_user:pj_users!pj_best_friends_second_user_fkey(*), third_wheel:pj_users!pj_best_friends_third_wheel_fkey(*)',
      )
      .order('id')
      .limit(1)
      .single();
    expectResponse(ordered, { status: 200, data: trio });
    const byColumn = await db
      .from('pj_best_friends')
      .select(
        'first_user:pj_users!first_user(*), second_user:pj_users!second_user(*), third_wheel:pj_users!third_wheel(*)',
      )
      .limit(1)
      .single();
    expectResponse(byColumn, { status: 200, data: trio });
    const hinted = await db.from('pj_best_friends').select('pj_users!first_user(*)').limit(1).single();
    expectResponse(hinted, { status: 200, data: { pj_users: USERS.supabot } });
  });

  it('join over a 1-M relation using foreign key names (as hint and as target) and column names', async () => {
    const byFkHint = await db
      .from('pj_users')
      .select(
        `first_friend_of:pj_best_friends!pj_best_friends_first_user_fkey(*),
        second_friend_of:pj_best_friends!pj_best_friends_second_user_fkey(*),
        third_wheel_of:pj_best_friends!pj_best_friends_third_wheel_fkey(*)`,
      )
      .limit(1)
      .single();
    expectResponse(byFkHint, { status: 200, data: friendsOfSupabot });
    const byFkTarget = await db
      .from('pj_users')
      .select(
        `first_friend_of:pj_best_friends_first_user_fkey(*),
        second_friend_of:pj_best_friends_second_user_fkey(*),
        third_wheel_of:pj_best_friends_third_wheel_fkey(*)`,
      )
      .eq('username', 'supabot')
      .limit(1)
      .single();
    expectResponse(byFkTarget, { status: 200, data: friendsOfSupabot });
    const selective = await db
      .from('pj_users')
      .select(
        `first_friend_of:pj_best_friends_first_user_fkey(id),
        second_friend_of:pj_best_friends_second_user_fkey(*),
        third_wheel_of:pj_best_friends_third_wheel_fkey(*)`,
      )
      .limit(1)
      .single();
    expectResponse(selective, {
      status: 200,
      data: { first_friend_of: [{ id: 1 }, { id: 2 }], second_friend_of: [], third_wheel_of: [] },
    });
    const byColumn = await db
      .from('pj_users')
      .select(
        'first_friend_of:pj_best_friends!first_user(*), second_friend_of:pj_best_friends!second_user(*), third_wheel_of:pj_best_friends!third_wheel(*)',
      )
      .limit(1)
      .single();
    expectResponse(byColumn, { status: 200, data: friendsOfSupabot });
    const nested = await db
      .from('pj_users')
      .select(
        'first_friend_of:pj_best_friends!first_user(*, first_user:pj_users!first_user(*)), second_friend_of:pj_best_friends!second_user(*), third_wheel_of:pj_best_friends!third_wheel(*)',
      )
      .limit(1)
      .single();
    expectResponse(nested, {
      status: 200,
      data: {
        first_friend_of: [
          { ...friend1, first_user: USERS.supabot },
          { ...friend2, first_user: USERS.supabot },
        ],
        second_friend_of: [],
        third_wheel_of: [],
      },
    });
  });

  it('!left join on one to 0-1 relations, empty and not', async () => {
    const nonEmpty = await db
      .from('pj_users')
      .select('pj_user_profiles!left(username)')
      .eq('username', 'supabot')
      .limit(1)
      .single();
    expectResponse(nonEmpty, { status: 200, data: { pj_user_profiles: [{ username: 'supabot' }] } });
    const plain = await db
      .from('pj_users')
      .select('pj_user_profiles(username)')
      .eq('username', 'supabot')
      .limit(1)
      .single();
    expectResponse(plain, { status: 200, data: { pj_user_profiles: [{ username: 'supabot' }] } });
    const empty = await db
      .from('pj_users')
      .select('pj_user_profiles!left(username)')
      .eq('username', 'dragarcia')
      .limit(1)
      .single();
    expectResponse(empty, { status: 200, data: { pj_user_profiles: [] } });
  });

  it('!left join on zero to one with null and valid relations', async () => {
    const nullRel = await db.from('pj_user_profiles').select('*,pj_users!left(*)').eq('id', 2).limit(1).single();
    expectResponse(nullRel, { status: 200, data: { id: 2, username: null, pj_users: null } });
    const valid = await db.from('pj_user_profiles').select('*,pj_users!left(status)').eq('id', 1).limit(1).single();
    expectResponse(valid, { status: 200, data: { id: 1, username: 'supabot', pj_users: { status: 'ONLINE' } } });
  });

  it('join select via column, column with alias, unique table and view name', async () => {
    const viaColumn = await db.from('pj_user_profiles').select('username(*)').limit(1).single();
    expectResponse(viaColumn, { status: 200, data: { username: USERS.supabot } });
    const selective = await db.from('pj_user_profiles').select('username(status)').limit(1).single();
    expectResponse(selective, { status: 200, data: { username: { status: 'ONLINE' } } });
    const aliased = await db.from('pj_user_profiles').select('user:username(*)').limit(1).single();
    expectResponse(aliased, { status: 200, data: { user: USERS.supabot } });
    const table = await db.from('pj_user_profiles').select('pj_users(*)').limit(1).single();
    expectResponse(table, { status: 200, data: { pj_users: USERS.supabot } });
    const view = await db.from('pj_user_profiles').select('pj_updatable_view(*)').limit(1).single();
    expectResponse(view, {
      status: 200,
      data: { pj_updatable_view: { non_updatable_column: 1, username: 'supabot' } },
    });
  });

  it('join select via column with string templating', async () => {
    const userColumn: 'catchphrase' | 'username' = 'username';
    const res = await db.from('pj_users').select(`status, ${userColumn}`).limit(1).single();
    expectResponse(res, { status: 200, data: { status: 'ONLINE', username: 'supabot' } });
  });

  it('inner join on many relation', async () => {
    const res = await db.from('pj_channels').select('id, pj_messages!channel_id!inner(id, username)').limit(1).single();
    expectResponse(res, { status: 200, data: { id: 1, pj_messages: [{ id: 1, username: 'supabot' }] } });
  });
});
