import { describe, expect, it } from 'vitest';
import { holdAggregatesShared } from '../api/aggregates-lock';
import { db, expectResponse, pgrstError } from './pj';

// Ports of postgrest-js test/relationships-error-handling.test.ts,
// test/relationships-spread-operations.test.ts and test/relationships-aggregate-operations.test.ts
// (see pj.ts for the upstream commit). The upstream schema turns db-aggregates-enabled on, as the
// conformance stack does.

holdAggregatesShared();

const fkToUsers = (column: string) => ({
  cardinality: 'many-to-one',
  embedding: 'pj_best_friends with pj_users',
  relationship: `pj_best_friends_${column}_fkey using pj_best_friends(${column}) and pj_users(username)`,
});
const ambiguousUsers = pgrstError(
  'PGRST201',
  "Could not embed because more than one relationship was found for 'pj_best_friends' and 'pj_users'",
  [fkToUsers('first_user'), fkToUsers('second_user'), fkToUsers('third_wheel')],
  "Try changing 'pj_users' to one of the following: 'pj_users!pj_best_friends_first_user_fkey', 'pj_users!pj_best_friends_second_user_fkey', 'pj_users!pj_best_friends_third_wheel_fkey'. Find the desired relationship in the 'details' key.",
);

describe('postgrest-js relationships: error handling', () => {
  it('join over a 1-1 relation with no hinting', async () => {
    const res = await db
      .from('pj_best_friends')
      .select('first_user:pj_users(*), second_user:pj_users(*), third_wheel:pj_users(*)')
      .single();
    expectResponse(res, { status: 300, error: ambiguousUsers });
  });

  it('join over a 1-M relation with no hinting', async () => {
    const res = await db
      .from('pj_users')
      .select(
        'first_friend_of:pj_best_friends(*), second_friend_of:pj_best_friends(*), third_wheel_of:pj_best_friends(*)',
      )
      .limit(1)
      .single();
    const fromUsers = (column: string) => ({
      cardinality: 'one-to-many',
      embedding: 'pj_users with pj_best_friends',
      relationship: `pj_best_friends_${column}_fkey using pj_users(username) and pj_best_friends(${column})`,
    });
    expectResponse(res, {
      status: 300,
      error: pgrstError(
        'PGRST201',
        "Could not embed because more than one relationship was found for 'pj_users' and 'pj_best_friends'",
        [fromUsers('first_user'), fromUsers('second_user'), fromUsers('third_wheel')],
        "Try changing 'pj_best_friends' to one of the following: 'pj_best_friends!pj_best_friends_first_user_fkey', 'pj_best_friends!pj_best_friends_second_user_fkey', 'pj_best_friends!pj_best_friends_third_wheel_fkey'. Find the desired relationship in the 'details' key.",
      ),
    });
  });

  it('join over a 1-M relation with no hinting on the nested relation', async () => {
    const res = await db
      .from('pj_users')
      .select(
        'first_friend_of:pj_best_friends!first_user(*, first_user:pj_users(*)), second_friend_of:pj_best_friends!second_user(*), third_wheel_of:pj_best_friends!third_wheel(*)',
      )
      .limit(1)
      .single();
    expectResponse(res, { status: 300, error: ambiguousUsers });
  });

  it('join with same dest twice column hinting: the two lateral joins get the same name (42712)', async () => {
    const res = await db
      .from('pj_best_friends')
      .select('pj_users!first_user(*), pj_users!second_user(*)')
      .limit(1)
      .single();
    expectResponse(res, {
      status: 400,
      error: pgrstError('42712', 'table name "pj_best_friends_pj_users_1" specified more than once'),
    });
  });

  it('nested query with selective fields and inner join should error on non existing relation', async () => {
    const res = await db
      .from('pj_users')
      .select('msgs:pj_messages(id, ...pj_message_details(created_at, channel!inner(id, slug, owner:pj_users(*))))')
      .limit(1)
      .single();
    expect(res.status).toBe(400);
    // The hint is a fuzzy match over the pj_ names, which differ from upstream's (its hint is null).
    expect(res.error).toMatchObject({
      code: 'PGRST200',
      message: "Could not find a relationship between 'pj_messages' and 'pj_message_details' in the schema cache",
      details:
        "Searched for a foreign key relationship between 'pj_messages' and 'pj_message_details' in the schema 'public', but no matches were found.",
    });
  });

  it('aggregate on missing column with alias', async () => {
    const res = await db
      .from('pj_users')
      .select('alias:missing_column.count()')
      .eq('username', 'supabot')
      .limit(1)
      .single();
    expectResponse(res, { status: 400, error: pgrstError('42703', 'column pj_users.missing_column does not exist') });
  });

  it('typecasting and aggregate', async () => {
    const res = await db
      .from('pj_messages')
      .select('message, pj_users.count(), casted_message:message::int4, casted_count:pj_users.count()::text')
      .limit(1)
      .single();
    expectResponse(res, { status: 400, error: pgrstError('42703', 'column pj_messages.pj_users does not exist') });
  });

  it('select with aggregate sum function without column should error', async () => {
    const res = await db.from('pj_users').select('username, pj_messages(sum)').limit(1).single();
    expectResponse(res, { status: 400, error: pgrstError('42703', 'column pj_messages_1.sum does not exist') });
  });
});

// pj_messages of supabot in physical order (1, 2, 4, 3) with their channels 1, 2, 3, 3.
const details = ['Details for public channel', 'Details for random channel', null, null];
const channelIds = [1, 2, 3, 3];

describe('postgrest-js relationships: spread operations', () => {
  it('select with aggregate count and spread (single column)', async () => {
    const res = await db
      .from('pj_users')
      .select('username, pj_messages(pj_channels(count(), ...pj_channel_details(details)))')
      .limit(1)
      .single();
    expectResponse(res, {
      status: 200,
      data: { username: 'supabot', pj_messages: details.map((d) => ({ pj_channels: { count: 1, details: d } })) },
    });
  });

  it('spread resource with all columns in select query', async () => {
    const res = await db
      .from('pj_users')
      .select('username, pj_messages(pj_channels(count(), ...pj_channel_details(*)))')
      .limit(1)
      .single();
    const ids = [1, 2, null, null];
    expectResponse(res, {
      status: 200,
      data: {
        username: 'supabot',
        pj_messages: details.map((d, i) => ({ pj_channels: { count: 1, details: d, id: ids[i] } })),
      },
    });
  });

  it('select with aggregate sum and spread', async () => {
    const res = await db
      .from('pj_users')
      .select('username, pj_messages(pj_channels(id.sum(), ...pj_channel_details(details)))')
      .limit(1)
      .single();
    expectResponse(res, {
      status: 200,
      data: {
        username: 'supabot',
        pj_messages: details.map((d, i) => ({ pj_channels: { details: d, sum: channelIds[i] } })),
      },
    });
  });

  it('select with aggregate sum and spread on nested relation', async () => {
    const res = await db
      .from('pj_users')
      .select('username, pj_messages(pj_channels(id.sum(), ...pj_channel_details(details_sum:id.sum(), details)))')
      .limit(1)
      .single();
    const detailSums = [1, 2, null, null];
    expectResponse(res, {
      status: 200,
      data: {
        username: 'supabot',
        pj_messages: details.map((d, i) => ({
          pj_channels: { details: d, details_sum: detailSums[i], sum: channelIds[i] },
        })),
      },
    });
  });

  it('select with spread on nested relation', async () => {
    const res = await db
      .from('pj_messages')
      .select('id, pj_channels(id, ...pj_channel_details(details_id:id, details))')
      .limit(1)
      .single();
    expectResponse(res, {
      status: 200,
      data: { id: 1, pj_channels: { details: 'Details for public channel', details_id: 1, id: 1 } },
    });
  });

  it('select spread on many relation', async () => {
    const res = await db.from('pj_channels').select('channel_id:id, ...pj_messages(id, message)').limit(1).single();
    expectResponse(res, { status: 200, data: { channel_id: 1, id: [1], message: ['Hello World 👋'] } });
  });
});

describe('postgrest-js relationships: aggregate operations', () => {
  it('select with aggregate count function, on a column, and with alias', async () => {
    const plain = await db.from('pj_users').select('username, pj_messages(count)').limit(1).single();
    expectResponse(plain, { status: 200, data: { username: 'supabot', pj_messages: [{ count: 4 }] } });
    const column = await db.from('pj_users').select('username, pj_messages(id.count())').limit(1).single();
    expectResponse(column, { status: 200, data: { username: 'supabot', pj_messages: [{ count: 4 }] } });
    const aliased = await db.from('pj_users').select('username, pj_messages(message_count:count())').limit(1).single();
    expectResponse(aliased, { status: 200, data: { username: 'supabot', pj_messages: [{ message_count: 4 }] } });
  });

  it('select with aggregate nested count function, with and without alias', async () => {
    const plain = await db.from('pj_users').select('username, pj_messages(pj_channels(count))').limit(1).single();
    expectResponse(plain, {
      status: 200,
      data: { username: 'supabot', pj_messages: channelIds.map(() => ({ pj_channels: { count: 1 } })) },
    });
    const aliased = await db
      .from('pj_users')
      .select('username, pj_messages(pj_channels(channel_count:count()))')
      .limit(1)
      .single();
    expectResponse(aliased, {
      status: 200,
      data: { username: 'supabot', pj_messages: channelIds.map(() => ({ pj_channels: { channel_count: 1 } })) },
    });
  });

  it('select with aggregate sum function, aliased, and on a nested relation', async () => {
    const plain = await db.from('pj_users').select('username, pj_messages(id.sum())').limit(1).single();
    expectResponse(plain, { status: 200, data: { username: 'supabot', pj_messages: [{ sum: 10 }] } });
    const aliased = await db.from('pj_users').select('username, pj_messages(sum_id:id.sum())').limit(1).single();
    expectResponse(aliased, { status: 200, data: { username: 'supabot', pj_messages: [{ sum_id: 10 }] } });
    const nested = await db.from('pj_users').select('username, pj_messages(pj_channels(id.sum()))').limit(1).single();
    expectResponse(nested, {
      status: 200,
      data: { username: 'supabot', pj_messages: channelIds.map((id) => ({ pj_channels: { sum: id } })) },
    });
  });
});
