import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient, signUpUser } from '../../src/testing/clients';

// /rpc/fn through supabase-js: POST with named JSON args, GET with query args, return shapes,
// filters/select/order on set results, overload resolution and errors.

const db = anonClient();

describe('rpc return shapes', () => {
  it('scalar via POST, GET and HEAD, with count', async () => {
    const post = await db.rpc('rt_get_status', { name_param: 'supabot' }, { count: 'exact' });
    expect(post).toMatchObject({ data: 'ONLINE', count: 1, status: 200, error: null });
    const get = await db.rpc('rt_get_status', { name_param: 'kiwicopple' }, { get: true });
    expect(get.data).toBe('OFFLINE');
    const head = await db.rpc('rt_get_status', { name_param: 'supabot' }, { head: true, count: 'exact' });
    expect(head).toMatchObject({ data: null, count: 1, status: 200 });
  });

  it('default arguments and arrays (JSON body and {a,b} query literal)', async () => {
    expect((await db.rpc('rt_add', { a: 2 })).data).toBe(3);
    expect((await db.rpc('rt_add', { a: 2, b: 5 }, { get: true })).data).toBe(7);
    expect((await db.rpc('rt_array_sum', { xs: [1, 2, 3] })).data).toBe(6);
    expect((await db.rpc('rt_array_sum', { xs: [4, 5] }, { get: true })).data).toBe(9);
  });

  it('void functions answer 204 with null data', async () => {
    const res = await db.rpc('rt_noop');
    expect(res.status).toBe(204);
    expect(res.data).toBeNull();
    expect(res.error).toBeNull();
  });

  it('setof table rows with select, filters, order, limit and embedding', async () => {
    const { data, error } = await db
      .rpc('rt_users_by_status', { s: 'ONLINE' })
      .select('username, age, rt_messages!rt_messages_username_fkey(id)')
      .neq('username', 'awailas')
      .order('age', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { username: 'dragarcia', age: 40, rt_messages: [] },
      { username: 'supabot', age: 30, rt_messages: [{ id: 1 }, { id: 2 }] },
    ]);
    const limited = await db.rpc('rt_users_by_status', { s: 'ONLINE' }, { count: 'exact' }).select('username').limit(1);
    expect(limited.status).toBe(206);
    expect(limited.count).toBe(3);
    expect(limited.data).toEqual([{ username: 'awailas' }]);
  });

  it('returns table (...) and setof scalars', async () => {
    const stats = await db.rpc('rt_user_stats').gt('message_count', 0).order('message_count', { ascending: false });
    expect(stats.data).toEqual([
      { username: 'supabot', message_count: 2 },
      { username: 'kiwicopple', message_count: 1 },
    ]);
    const numbers = await db.rpc('rt_numbers', { n: 4 }, { get: true });
    expect(numbers.data).toEqual([1, 2, 3, 4]);
  });

  it('a single composite comes back as an object; .single() also works', async () => {
    const name = `rpc-${randomUUID().slice(0, 8)}`;
    const { data, status } = await db.rpc('rt_new_item', { item_name: name, item_qty: 4 }).select('name, qty').single();
    expect(status).toBe(200);
    expect(data).toEqual({ name, qty: 4 });
    expect(await adminQuery('select qty from public.rt_items where name = $1', [name])).toEqual([{ qty: 4 }]);
  });

  it('a single unnamed jsonb parameter receives the whole body', async () => {
    const body = { any: [1, { b: 2 }], s: 'x' };
    expect((await db.rpc('rt_echo', body)).data).toEqual(body);
  });

  it('head with object arguments arrives as POST + return=minimal, which PostgREST ignores for functions', async () => {
    // postgrest-js cannot put objects in a query string; PostgREST answers a call with its result
    // whatever `return=` says (Response.hs never consults it for functions), so the body comes back.
    const res = await db.rpc('rt_echo', { nested: { a: 1 } }, { head: true, count: 'exact' });
    expect(res).toMatchObject({ data: { nested: { a: 1 } }, count: 1, status: 200, error: null });
  });

  it('runs as the caller with request GUCs set', async () => {
    const anon = await db.rpc('rt_whoami');
    expect(anon.data).toEqual({
      role: 'anon',
      sub: null,
      timeout: '3s',
      method: 'POST',
      path: '/rpc/rt_whoami',
      has_headers: true,
    });
    const user = await signUpUser();
    const me = await user.client.rpc('rt_whoami', {}, { get: true });
    // The role's ALTER ROLE … SET statement_timeout applies per request, as in PostgREST.
    expect(me.data).toMatchObject({ role: 'authenticated', sub: user.id, method: 'GET', timeout: '8s' });
  });
});

describe('rpc errors', () => {
  it('volatile functions called with GET run read-only: 405 25006 and nothing written', async () => {
    const name = `ro-${randomUUID().slice(0, 8)}`;
    const { error, status } = await db.rpc('rt_new_item', { item_name: name }, { get: true });
    expect(status).toBe(405);
    expect(error?.code).toBe('25006');
    expect(await adminQuery('select 1 from public.rt_items where name = $1', [name])).toEqual([]);
  });

  it('unknown functions answer 404 PGRST202 with a hint', async () => {
    const { error, status } = await db.rpc('rt_ad', { a: 1 });
    expect(status).toBe(404);
    expect(error).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.rt_ad(a) in the schema cache',
      details:
        // PostgREST says "parameter" for one argument and "parameters" for several.
        'Searched for the function public.rt_ad with parameter a or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function public.rt_add',
    });
    const wrongArgs = await db.rpc('rt_add', { zzz: 1 });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error?.code).toBe('PGRST202');
  });

  it('overloads resolve by argument names; ambiguity answers 300 PGRST203', async () => {
    expect((await db.rpc('rt_over', { a: 1, b: 2 })).data).toBe('two');
    const { error, status } = await db.rpc('rt_over', { a: 1 });
    expect(status).toBe(300);
    expect(error?.code).toBe('PGRST203');
  });

  it('raise exception answers 400 P0001 with detail and hint; PTxyz sets the status', async () => {
    const { error, status } = await db.rpc('rt_raise', { msg: 'boom' });
    expect(status).toBe(400);
    expect(error).toEqual({ code: 'P0001', message: 'boom', details: 'raised on purpose', hint: 'do not do that' });
    const pt = await db.rpc('rt_payment_required');
    expect(pt.status).toBe(402);
    expect(pt.error?.code).toBe('PT402');
  });

  it('bad argument values answer 400 22P02', async () => {
    const { error, status } = await db.rpc('rt_add', { a: 'x' });
    expect(status).toBe(400);
    expect(error?.code).toBe('22P02');
  });
});
