import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery } from '../../src/testing/clients';
import { withUpstreamSettings } from '../api/upstream-settings-lock';
import { db, expectResponse, pgrstError, sortedBy, TEXT, USERS } from './pj';

// Port of postgrest-js test/basic.test.ts (see pj.ts for the upstream commit). Its writes go to the
// pj_w_* copies, which start as upstream's tables do, and the cases run in upstream's order, so ids
// and physical row order follow the same history. Client-only cases (custom headers and fetch,
// connection errors, URL building) are left out.

const W = {
  supabot: USERS.supabot,
  kiwicopple: USERS.kiwicopple,
  awailas: USERS.awailas,
  dragarcia: USERS.dragarcia,
  jsonuser: USERS.jsonuser,
};
const SEED_ORDER = [W.supabot, W.kiwicopple, W.awailas, W.dragarcia, W.jsonuser];
const AFTER_UPSERT = [W.supabot, W.kiwicopple, W.awailas, W.jsonuser, W.dragarcia];
const msg = (id: number, message: string, channel_id: number) => ({
  channel_id,
  data: null,
  id,
  message,
  username: 'supabot',
});
const M1 = msg(1, 'Hello World 👋', 1);
const M2 = msg(2, TEXT.PERFECTION, 2);
const M3 = msg(3, TEXT.NO_DETAILS, 3);
const M4 = msg(4, TEXT.NO_DETAILS, 3);
const foo = (id: number, channel = 1) => msg(id, 'foo', channel);

afterAll(async () => {
  // Back to the seed for reruns against a kept stack.
  await adminQuery(
    `delete from public.pj_w_messages where message = 'foo'; delete from public.pj_w_users where username = 'bar'`,
  );
});

describe('postgrest-js basic reads', () => {
  it('basic select table, with returns/overrideTypes and single', async () => {
    expectResponse(await db.from('pj_w_users').select(), { status: 200, data: SEED_ORDER });
    expectResponse(await db.from('pj_w_users').select().eq('username', 'supabot').single(), {
      status: 200,
      data: W.supabot,
    });
  });

  it('maybeSingle and single yielding more than one result', async () => {
    expectResponse(await db.from('pj_w_users').select().maybeSingle(), {
      status: 406,
      error: pgrstError(
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
        'Results contain 5 rows, application/vnd.pgrst.object+json requires 1 row',
      ),
    });
    expectResponse(await db.from('pj_w_users').select().single(), {
      status: 406,
      error: pgrstError('PGRST116', 'Cannot coerce the result to a single JSON object', 'The result contains 5 rows'),
    });
  });

  it('basic select view', async () => {
    const res = await db.from('pj_updatable_view').select();
    expect(res.status).toBe(200);
    const expected = SEED_ORDER.map(({ username }) => ({ non_updatable_column: 1, username }));
    expect(sortedBy(res.data as typeof expected, 'username')).toEqual(sortedBy(expected, 'username'));
  });

  it('rpc, and rpc returning void', async () => {
    expectResponse(await db.rpc('pj_get_status', { name_param: 'supabot' }), { status: 200, data: 'ONLINE' });
    expectResponse(await db.rpc('pj_void_func'), { status: 204 });
  });

  it('switch schema and dynamic schema', async () => {
    const personal = [
      { age_range: '[1,2)', data: null, status: 'ONLINE', username: 'supabot' },
      { age_range: '[25,35)', data: null, status: 'OFFLINE', username: 'kiwicopple' },
      { age_range: '[25,35)', data: null, status: 'ONLINE', username: 'awailas' },
      { age_range: '[20,30)', data: null, status: 'ONLINE', username: 'dragarcia' },
      { age_range: '[20,40)', data: null, status: 'ONLINE', username: 'leroyjenkins' },
    ];
    expectResponse(await db.schema('pj_personal').from('pj_users').select(), { status: 200, data: personal });
  });
});

describe('postgrest-js basic writes', () => {
  it('on_conflict insert and ignoreDuplicates upsert', async () => {
    const merged = await db.from('pj_w_users').upsert({ username: 'dragarcia' }, { onConflict: 'username' }).select();
    expectResponse(merged, { status: 200, data: [W.dragarcia] });
    const ignored = await db
      .from('pj_w_users')
      .upsert({ username: 'dragarcia' }, { onConflict: 'username', ignoreDuplicates: true })
      .select();
    expectResponse(ignored, { status: 201, data: [] });
  });

  it('basic insert, upsert, bulk insert, update and delete', async () => {
    expectResponse(
      await db.from('pj_w_messages').insert({ message: 'foo', username: 'supabot', channel_id: 1 }).select(),
      {
        status: 201,
        data: [foo(5)],
      },
    );
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M3, M4, foo(5)] });
    expectResponse(
      await db.from('pj_w_messages').upsert({ id: 3, message: 'foo', username: 'supabot', channel_id: 2 }).select(),
      {
        status: 200,
        data: [foo(3, 2)],
      },
    );
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M4, foo(5), foo(3, 2)] });
    const bulk = await db
      .from('pj_w_messages')
      .insert([
        { message: 'foo', username: 'supabot', channel_id: 1 },
        { message: 'foo', username: 'supabot', channel_id: 1 },
      ])
      .select();
    expectResponse(bulk, { status: 201, data: [foo(6), foo(7)] });
    expectResponse(await db.from('pj_w_messages').select(), {
      status: 200,
      data: [M1, M2, M4, foo(5), foo(3, 2), foo(6), foo(7)],
    });
    const updated = await db.from('pj_w_messages').update({ channel_id: 2 }).eq('message', 'foo').select();
    expectResponse(updated, { status: 200, data: [foo(5, 2), foo(3, 2), foo(6, 2), foo(7, 2)] });
    expectResponse(await db.from('pj_w_messages').select(), {
      status: 200,
      data: [M1, M2, M4, foo(5, 2), foo(3, 2), foo(6, 2), foo(7, 2)],
    });
    const deleted = await db.from('pj_w_messages').delete().eq('message', 'foo').select();
    expectResponse(deleted, { status: 200, data: [foo(5, 2), foo(3, 2), foo(6, 2), foo(7, 2)] });
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M4] });
    // Upstream's afterAll puts message 3 back.
    await db.from('pj_w_messages').upsert({ id: 3, message: TEXT.NO_DETAILS, username: 'supabot', channel_id: 3 });
  });

  it('insert quoted column: a duplicate key answers 409 23505', async () => {
    const res = await db
      .from('pj_w_cornercase')
      .insert([{ 'column whitespace': 'foo', id: 1 }])
      .select('"column whitespace", id ');
    expectResponse(res, {
      status: 409,
      error: pgrstError(
        '23505',
        'duplicate key value violates unique constraint "pj_w_cornercase_pkey"',
        'Key (id)=(1) already exists.',
      ),
    });
  });

  it('throwOnError throws; maybeSingle with throwOnError does not for no rows', async () => {
    await expect(db.from('missing_table').select().throwOnError()).rejects.toThrow(
      "Could not find the table 'public.missing_table' in the schema cache",
    );
    const none = await db.from('pj_w_messages').select().eq('message', 'i do not exist').throwOnError().maybeSingle();
    expect(none.data).toBeNull();
  });

  it('single does not change later requests; ordering on a JSON column', async () => {
    await db.from('pj_w_users').select().limit(1).single();
    expect((await db.from('pj_w_users').select()).error).toBeNull();
    const res = await db.from('pj_w_users').select().order('data->something');
    expectResponse(res, { status: 200, data: AFTER_UPSERT });
  });

  it('Prefer: return=minimal', async () => {
    const res = await db.from('pj_w_users').insert({ username: 'bar' });
    expect(res.data).toBeNull();
    await db.from('pj_w_users').delete().eq('username', 'bar');
  });

  it('head and counts: exact, planned, estimated', async () => {
    expectResponse(await db.from('pj_w_users').select('*', { head: true }), { status: 200 });
    expectResponse(await db.from('pj_w_users').select('*', { head: true, count: 'exact' }), { status: 200, count: 5 });
    const planned = await db.from('pj_w_users').select('*', { head: true, count: 'planned' });
    expect(planned.error).toBeNull();
    expect(planned.count).toEqual(expect.any(Number));
    const estimated = await db.from('pj_w_users').select('*', { head: true, count: 'estimated' });
    expect(estimated.status).toBe(200);
    expect(estimated.count).toEqual(expect.any(Number));
    expectResponse(await db.from('pj_w_users').select('*', { count: 'exact' }), {
      status: 200,
      data: AFTER_UPSERT,
      count: 5,
    });
  });

  it('rpc counts, GET calls with optional and array params, dynamic schema', async () => {
    const args = { name_param: 'supabot' };
    expectResponse(await db.rpc('pj_get_status', args, { count: 'exact' }), { status: 200, data: 'ONLINE', count: 1 });
    expectResponse(await db.rpc('pj_get_status', args, { head: true, count: 'exact' }), { status: 200, count: 1 });
    expectResponse(await db.rpc('pj_get_status', args, { get: true, count: 'exact' }), {
      status: 200,
      data: 'ONLINE',
      count: 1,
    });
    expectResponse(await db.rpc('pj_function_with_optional_param', { param: undefined }, { get: true }), {
      status: 200,
      data: '',
    });
    expectResponse(
      await db.rpc('pj_function_with_array_param', { param: ['00000000-0000-0000-0000-000000000000'] }, { get: true }),
      { status: 204 },
    );
    expectResponse(await db.schema('pj_personal').rpc('pj_get_status', { name_param: 'kiwicopple' }), {
      status: 200,
      data: 'OFFLINE',
    });
  });

  it("insert, upsert, bulk insert, update and delete with count: 'exact'", async () => {
    const insert = await db
      .from('pj_w_messages')
      .insert({ message: 'foo', username: 'supabot', channel_id: 1 }, { count: 'exact' })
      .select();
    expectResponse(insert, { status: 201, data: [foo(8)], count: 1 });
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M4, M3, foo(8)] });
    const upsert = await db
      .from('pj_w_messages')
      .upsert({ id: 3, message: 'foo', username: 'supabot', channel_id: 2 }, { count: 'exact' })
      .select();
    expectResponse(upsert, { status: 200, data: [foo(3, 2)], count: 1 });
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M4, foo(8), foo(3, 2)] });
    const bulk = await db
      .from('pj_w_messages')
      .insert(
        [
          { message: 'foo', username: 'supabot', channel_id: 1 },
          { message: 'foo', username: 'supabot', channel_id: 1 },
        ],
        { count: 'exact' },
      )
      .select();
    expectResponse(bulk, { status: 201, data: [foo(9), foo(10)], count: 2 });
    const update = await db
      .from('pj_w_messages')
      .update({ channel_id: 2 }, { count: 'exact' })
      .eq('message', 'foo')
      .select();
    expectResponse(update, { status: 200, data: [foo(8, 2), foo(3, 2), foo(9, 2), foo(10, 2)], count: 4 });
    const del = await db.from('pj_w_messages').delete({ count: 'exact' }).eq('message', 'foo').select();
    expectResponse(del, { status: 200, data: [foo(8, 2), foo(3, 2), foo(9, 2), foo(10, 2)], count: 4 });
    expectResponse(await db.from('pj_w_messages').select(), { status: 200, data: [M1, M2, M4] });
    await db.from('pj_w_messages').upsert({ id: 3, message: TEXT.NO_DETAILS, username: 'supabot', channel_id: 3 });
  });

  it('select, update with no match (minimal and representation)', async () => {
    expectResponse(await db.from('pj_w_users').select().eq('username', 'missing'), { status: 200, data: [] });
    expectResponse(await db.from('pj_w_users').update({ data: '' }).eq('username', 'missing'), { status: 204 });
    expectResponse(await db.from('pj_w_users').update({ data: '' }).eq('username', 'missing').select(), {
      status: 200,
      data: [],
    });
  });

  // With Prefer: missing=default PostgREST draws one sequence value per row, also for the rows giving
  // the key themselves (hence id 5 after the rolled-back draw of 4); rollback needs upstream's settings.
  it('bulk insert and upsert with column defaults, rolled back', async () => {
    await withUpstreamSettings(async () => {
      const insert = await db
        .from('pj_w_channels')
        .insert([{ id: 100 }, { slug: 'test-slug' }], { defaultToNull: false })
        .select()
        .rollback();
      expectResponse(insert, {
        status: 201,
        data: [
          { data: null, id: 100, slug: null },
          { data: null, id: 5, slug: 'test-slug' },
        ],
      });
      const upsert = await db
        .from('pj_w_channels')
        .upsert([{ id: 1 }, { slug: 'test-slug' }], { defaultToNull: false })
        .select()
        .rollback();
      expectResponse(upsert, {
        status: 201,
        data: [
          { data: null, id: 1, slug: null },
          { data: null, id: 7, slug: 'test-slug' },
        ],
      });
    });
  });
});
