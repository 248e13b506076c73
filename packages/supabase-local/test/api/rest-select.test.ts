import { describe, expect, it } from 'vitest';
import { anonClient, stackInfo } from '../../src/testing/clients';

// Reads through supabase-js against the seeded rt_* fixture (test/fixtures/rest.sql).

const db = anonClient();

describe('select: columns, aliases, casts, JSON paths', () => {
  it('returns chosen columns in order', async () => {
    const { data, error, status } = await db.from('rt_users').select('username, status').order('username');
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([
      { username: 'awailas', status: 'ONLINE' },
      { username: 'dragarcia', status: 'ONLINE' },
      { username: 'kiwicopple', status: 'OFFLINE' },
      { username: 'supabot', status: 'ONLINE' },
    ]);
  });

  it('supports aliases, casts and json paths (-> and ->>, array index)', async () => {
    const { data, error } = await db
      .from('rt_users')
      .select('name:username, age::text, bar:data->foo->>bar, foo:data->foo, first:data->phones->0->>number')
      .eq('username', 'supabot')
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ name: 'supabot', age: '30', bar: 'baz', foo: { bar: 'baz' }, first: '111' });
  });

  it('names a json path by its last key when not aliased', async () => {
    const { data } = await db.from('rt_users').select('data->>age').eq('username', 'kiwicopple');
    expect(data).toEqual([{ age: '25' }]);
  });

  it('computed fields (functions of the row) work in select, filters and order', async () => {
    const { data, error } = await db
      .from('rt_users')
      .select('username, rt_label')
      .like('rt_label', '%(online)')
      .order('rt_label', { ascending: false });
    expect(error).toBeNull();
    expect(data).toEqual([
      { username: 'supabot', rt_label: 'supabot (online)' },
      { username: 'dragarcia', rt_label: 'dragarcia (online)' },
      { username: 'awailas', rt_label: 'awailas (online)' },
    ]);
  });

  it('* returns every column with native JSON types', async () => {
    const { data } = await db.from('rt_users').select('*').eq('username', 'dragarcia').single();
    expect(data).toMatchObject({ username: 'dragarcia', age: 40, tags: ['cat', 'bird'], data: { age: 40 }, bio: null });
  });
});

describe('select: order, limit, range, count', () => {
  it('orders by several columns with nulls first/last', async () => {
    const { data } = await db
      .from('rt_users')
      .select('username, age')
      .order('age', { ascending: false, nullsFirst: true })
      .order('username');
    expect(data?.map((r) => r.username)).toEqual(['awailas', 'dragarcia', 'supabot', 'kiwicopple']);
    const last = await db.from('rt_users').select('username').order('age', { ascending: true, nullsFirst: false });
    expect(last.data?.map((r) => r.username)).toEqual(['kiwicopple', 'supabot', 'dragarcia', 'awailas']);
  });

  it('orders by a json path', async () => {
    const { data } = await db
      .from('rt_users')
      .select('username')
      .not('data', 'is', null)
      .order('data->>age', { ascending: false });
    expect(data?.map((r) => r.username)).toEqual(['dragarcia', 'supabot', 'kiwicopple']);
  });

  it('limit and range page through rows', async () => {
    const limited = await db.from('rt_users').select('username').order('username').limit(2);
    expect(limited.data).toEqual([{ username: 'awailas' }, { username: 'dragarcia' }]);
    const ranged = await db.from('rt_users').select('username').order('username').range(1, 2);
    expect(ranged.data).toEqual([{ username: 'dragarcia' }, { username: 'kiwicopple' }]);
  });

  it('count=exact gives the total; partial pages answer 206 with Content-Range', async () => {
    const all = await db.from('rt_users').select('username', { count: 'exact' });
    expect(all.status).toBe(200);
    expect(all.count).toBe(4);
    const page = await db.from('rt_users').select('username', { count: 'exact' }).order('username').range(0, 1);
    expect(page.status).toBe(206);
    expect(page.count).toBe(4);
    const res = await fetch(`${stackInfo().url}/rest/v1/rt_users?select=username&limit=2&offset=1`, {
      headers: { apikey: stackInfo().anonKey, prefer: 'count=exact' },
    });
    expect(res.headers.get('content-range')).toBe('1-2/4');
    const none = await fetch(`${stackInfo().url}/rest/v1/rt_users?username=eq.nobody`, {
      headers: { apikey: stackInfo().anonKey, prefer: 'count=exact' },
    });
    expect(none.status).toBe(200);
    expect(none.headers.get('content-range')).toBe('*/0');
  });

  it('planned counts come from the planner; estimated is exact below db-max-rows', async () => {
    const planned = await db.from('rt_users').select('username', { count: 'planned' }).eq('status', 'ONLINE');
    expect(planned.error).toBeNull();
    expect(Number.isInteger(planned.count)).toBe(true);
    expect(planned.count).toBeGreaterThanOrEqual(0);
    const estimated = await db.from('rt_users').select('username', { count: 'estimated' }).eq('status', 'ONLINE');
    expect(estimated.count).toBe(3);
  });

  it('an offset past the total answers 416 PGRST103', async () => {
    const { error, status } = await db.from('rt_users').select('username', { count: 'exact' }).range(10, 12);
    expect(status).toBe(416);
    expect(error?.code).toBe('PGRST103');
    expect(error?.details).toBe('An offset of 10 was requested, but there are only 4 rows.');
  });

  it('head requests return the count and no body', async () => {
    const { data, count, status } = await db.from('rt_users').select('*', { count: 'exact', head: true });
    expect(status).toBe(200);
    expect(data).toBeNull();
    expect(count).toBe(4);
  });

  it('without a count Content-Range has * as total', async () => {
    const res = await fetch(`${stackInfo().url}/rest/v1/rt_users?select=username&order=username`, {
      headers: { apikey: stackInfo().anonKey },
    });
    expect(res.headers.get('content-range')).toBe('0-3/*');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('select: single, maybeSingle, csv', () => {
  it('single returns one object, and 406 PGRST116 for zero or many rows', async () => {
    const one = await db.from('rt_users').select('username').eq('username', 'supabot').single();
    expect(one.data).toEqual({ username: 'supabot' });
    const zero = await db.from('rt_users').select('username').eq('username', 'nobody').single();
    expect(zero.status).toBe(406);
    expect(zero.error).toMatchObject({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 0 rows',
    });
    const many = await db.from('rt_users').select('username').single();
    expect(many.error?.details).toBe('The result contains 4 rows');
  });

  it('maybeSingle gives null for no row', async () => {
    const { data, error } = await db.from('rt_users').select('username').eq('username', 'nobody').maybeSingle();
    expect(error).toBeNull();
    expect(data).toBeNull();
  });

  it('csv returns a header row and values', async () => {
    const { data } = await db
      .from('rt_users')
      .select('username,age')
      .in('username', ['supabot', 'awailas'])
      .order('username')
      .csv();
    expect(data).toBe('username,age\nawailas,\nsupabot,30');
  });

  it('stripNulls drops null fields', async () => {
    const { data } = await db.from('rt_users').select('username,age').eq('username', 'awailas').stripNulls();
    expect(data).toEqual([{ username: 'awailas' }]);
  });
});
