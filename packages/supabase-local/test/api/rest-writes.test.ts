import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient, readJson, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';

// Inserts, upserts, updates and deletes on rt_items (scratch table) and the RLS tables rt_notes/rt_inbox.
// Every test works on rows tagged with its own random names, so files can run in parallel.

const db = anonClient();
const tag = () => `t-${randomUUID().slice(0, 8)}`;

async function itemsNamed(prefix: string) {
  return adminQuery<{ name: string; qty: number; note: string | null; sku: string | null }>(
    'select name, qty, note, sku from public.rt_items where name like $1 order by name',
    [`${prefix}%`],
  );
}

describe('insert', () => {
  it('answers 201 with no body by default and the rows with .select()', async () => {
    const t = tag();
    const minimal = await db.from('rt_items').insert({ name: `${t}-a` });
    expect(minimal.status).toBe(201);
    expect(minimal.data).toBeNull();
    expect(minimal.error).toBeNull();
    const rep = await db
      .from('rt_items')
      .insert({ name: `${t}-b`, qty: 3 })
      .select('name, qty, note');
    expect(rep.status).toBe(201);
    expect(rep.data).toEqual([{ name: `${t}-b`, qty: 3, note: 'none' }]);
    expect(await itemsNamed(t)).toHaveLength(2);
  });

  it('bulk insert with columns: missing keys are NULL, or DEFAULT with defaultToNull:false', async () => {
    const t = tag();
    const nulls = await db
      .from('rt_items')
      .insert([{ name: `${t}-1`, note: 'x' }, { name: `${t}-2` }], { count: 'exact' })
      .select('name, note');
    expect(nulls.count).toBe(2);
    expect(nulls.data).toEqual([
      { name: `${t}-1`, note: 'x' },
      { name: `${t}-2`, note: null },
    ]);
    const defaults = await db
      .from('rt_items')
      .insert([{ name: `${t}-3`, note: 'y' }, { name: `${t}-4` }], { defaultToNull: false })
      .select('name, note, qty');
    expect(defaults.data).toEqual([
      { name: `${t}-3`, note: 'y', qty: 1 },
      { name: `${t}-4`, note: 'none', qty: 1 },
    ]);
  });

  it('missing=default evaluates each default once per row, also for rows that give the value (PostgREST)', async () => {
    const first = await db.from('rt_draws').insert({}).select('id').single<{ id: number }>();
    const d = Number(first.data?.id);
    const bulk = await db
      .from('rt_draws')
      .insert([{ id: -d, label: null }, { label: 'b' }, {}], { defaultToNull: false })
      .select('id, label');
    expect(bulk.error).toBeNull();
    // The first row's own id still consumed d + 1; an explicit null stays null rather than the default.
    expect(bulk.data).toEqual([
      { id: -d, label: null },
      { id: d + 2, label: 'b' },
      { id: d + 3, label: 'unnamed' },
    ]);
    const bad = await db.from('rt_draws').insert([{ label: 'x' }, { id: 'abc' }], { defaultToNull: false });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: '22P02', message: 'invalid input syntax for type bigint: "abc"' });
    expect(await adminQuery('select 1 from public.rt_draws where label = $1', ['x'])).toEqual([]);
  });

  it('.single() on an insert of two rows answers 406 and rolls back', async () => {
    const t = tag();
    const { error, status } = await db
      .from('rt_items')
      .insert([{ name: `${t}-1` }, { name: `${t}-2` }])
      .select()
      .single();
    expect(status).toBe(406);
    expect(error?.code).toBe('PGRST116');
    expect(error?.details).toBe('The result contains 2 rows');
    expect(await itemsNamed(t)).toEqual([]);
  });

  it('constraint violations map to 409/400 and change nothing', async () => {
    const t = tag();
    await db.from('rt_items').insert({ name: `${t}-a`, sku: t });
    const dup = await db.from('rt_items').insert({ name: `${t}-b`, sku: t });
    expect(dup.status).toBe(409);
    expect(dup.error?.code).toBe('23505');
    const fk = await db.from('rt_items').insert({ name: `${t}-c`, channel_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const check = await db.from('rt_items').insert({ name: `${t}-d`, qty: -1 });
    expect(check.status).toBe(400);
    expect(check.error?.code).toBe('23514');
    const notNull = await db.from('rt_items').insert({ name: null, sku: `${t}-nn` });
    expect(notNull.status).toBe(400);
    expect(notNull.error?.code).toBe('23502');
    const badType = await db.from('rt_items').insert({ name: `${t}-e`, qty: 'many' });
    expect(badType.status).toBe(400);
    expect(badType.error?.code).toBe('22P02');
    expect((await itemsNamed(t)).map((r) => r.name)).toEqual([`${t}-a`]);
  });

  it('jsonb objects, arrays and ranges round-trip through insert and update', async () => {
    const t = tag();
    const meta = { nested: { list: [1, 'two', null], ok: true }, quote: 'it\'s "quoted"' };
    const ins = await db
      .from('rt_items')
      .insert({ name: t, meta, labels: ['a', 'b,c', 'd"e'], period: '[2026-01-01,2026-02-01)' })
      .select('meta, labels, period')
      .single();
    expect(ins.error).toBeNull();
    expect(ins.data).toEqual({ meta, labels: ['a', 'b,c', 'd"e'], period: '[2026-01-01,2026-02-01)' });
    const upd = await db
      .from('rt_items')
      .update({ meta: [1, 2], labels: [] })
      .eq('name', t)
      .select('meta, labels')
      .single();
    expect(upd.data).toEqual({ meta: [1, 2], labels: [] });
    const cleared = await db.from('rt_items').update({ meta: null }).eq('name', t).select('meta').single();
    expect(cleared.data).toEqual({ meta: null });
  });

  it('an empty object inserts a row of defaults; an empty array inserts nothing', async () => {
    const defaults = await db.from('rt_items').insert({});
    // rt_items.name has no default, so reaching the NOT NULL check proves the defaults row was built.
    expect(defaults.status).toBe(400);
    expect(defaults.error?.code).toBe('23502');
    const none = await db.from('rt_items').insert([]).select();
    expect(none.status).toBe(201);
    expect(none.data).toEqual([]);
  });

  it('unknown columns answer 400 PGRST204', async () => {
    const { error, status } = await db.from('rt_items').insert({ name: 'x', nope: 1 });
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 'PGRST204',
      message: "Could not find the 'nope' column of 'rt_items' in the schema cache",
    });
  });
});

describe('upsert', () => {
  it('merge-duplicates updates on conflict (200) and inserts new rows (201)', async () => {
    const t = tag();
    const first = await db
      .from('rt_items')
      .upsert({ name: `${t}-a`, sku: t, qty: 1 }, { onConflict: 'sku' })
      .select('name, qty');
    expect(first.status).toBe(201);
    const again = await db
      .from('rt_items')
      .upsert({ name: `${t}-b`, sku: t, qty: 9 }, { onConflict: 'sku' })
      .select('name, qty');
    expect(again.status).toBe(200);
    expect(again.data).toEqual([{ name: `${t}-b`, qty: 9 }]);
    expect(await itemsNamed(t)).toEqual([{ name: `${t}-b`, qty: 9, note: 'none', sku: t }]);
  });

  it('ignore-duplicates keeps existing rows', async () => {
    const t = tag();
    await db.from('rt_items').insert({ name: `${t}-a`, sku: t });
    const res = await db
      .from('rt_items')
      .upsert(
        [
          { name: `${t}-b`, sku: t },
          { name: `${t}-c`, sku: `${t}-2` },
        ],
        { onConflict: 'sku', ignoreDuplicates: true },
      )
      .select('name');
    expect(res.status).toBe(201);
    expect(res.data).toEqual([{ name: `${t}-c` }]);
    expect((await itemsNamed(t)).map((r) => r.name)).toEqual([`${t}-a`, `${t}-c`]);
  });

  it('upsert on the primary key by default', async () => {
    const t = tag();
    const { data } = await db
      .from('rt_items')
      .insert({ name: `${t}-a` })
      .select('id')
      .single();
    const res = await db
      .from('rt_items')
      .upsert({ id: data?.id, name: `${t}-z` })
      .select('id, name')
      .single();
    expect(res.data).toEqual({ id: data?.id, name: `${t}-z` });
  });
});

describe('update and delete', () => {
  it('update answers 204, or 200 with rows and a count', async () => {
    const t = tag();
    await db.from('rt_items').insert([{ name: `${t}-a` }, { name: `${t}-b` }]);
    const minimal = await db.from('rt_items').update({ qty: 5 }).eq('name', `${t}-a`);
    expect(minimal.status).toBe(204);
    const rep = await db
      .from('rt_items')
      .update({ note: 'upd' }, { count: 'exact' })
      .like('name', `${t}%`)
      .select('name, note');
    expect(rep.status).toBe(200);
    expect(rep.count).toBe(2);
    expect(rep.data?.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: `${t}-a`, note: 'upd' },
      { name: `${t}-b`, note: 'upd' },
    ]);
    expect((await itemsNamed(t)).map((r) => r.qty)).toEqual([5, 1]);
  });

  it('update/delete without filters answer 400 21000 and change nothing', async () => {
    const snapshot = () => adminQuery('select id, name from public.rt_guarded order by id');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    const upd = await db.from('rt_guarded').update({ name: 'x' });
    expect(upd.status).toBe(400);
    expect(upd.error).toMatchObject({ code: '21000', message: 'UPDATE requires a WHERE clause' });
    const del = await serviceClient().from('rt_guarded').delete();
    expect(del.status).toBe(400);
    expect(del.error).toMatchObject({ code: '21000', message: 'DELETE requires a WHERE clause' });
    expect(await snapshot()).toEqual(before);
  });

  it('delete answers 204, or 200 with the deleted rows', async () => {
    const t = tag();
    await db.from('rt_items').insert([{ name: `${t}-a` }, { name: `${t}-b` }]);
    const one = await db.from('rt_items').delete({ count: 'exact' }).eq('name', `${t}-a`);
    expect(one.status).toBe(204);
    expect(one.count).toBe(1);
    const rep = await db.from('rt_items').delete().eq('name', `${t}-b`).select('name');
    expect(rep.status).toBe(200);
    expect(rep.data).toEqual([{ name: `${t}-b` }]);
    expect(await itemsNamed(t)).toEqual([]);
  });

  it('.single() on an update touching two rows answers 406 and rolls back', async () => {
    const t = tag();
    await db.from('rt_items').insert([{ name: `${t}-a` }, { name: `${t}-b` }]);
    const res = await db.from('rt_items').update({ qty: 42 }).like('name', `${t}%`).select().single();
    expect(res.status).toBe(406);
    expect((await itemsNamed(t)).map((r) => r.qty)).toEqual([1, 1]);
  });
});

describe('limits, max-affected, headers-only, embeds in representations', () => {
  it('order + limit on update/delete touch only those rows', async () => {
    const t = tag();
    await db.from('rt_items').insert([{ name: `${t}-1` }, { name: `${t}-2` }, { name: `${t}-3` }]);
    const upd = await db
      .from('rt_items')
      .update({ qty: 9 })
      .like('name', `${t}%`)
      .order('name', { ascending: false })
      .limit(2);
    expect(upd.status).toBe(204);
    expect((await itemsNamed(t)).map((r) => r.qty)).toEqual([1, 9, 9]);
    await db.from('rt_items').delete().like('name', `${t}%`).order('name').limit(1);
    expect((await itemsNamed(t)).map((r) => r.name)).toEqual([`${t}-2`, `${t}-3`]);
  });

  it('handling=strict with max-affected rolls back when more rows are affected (400 PGRST124)', async () => {
    const t = tag();
    await db.from('rt_items').insert([{ name: `${t}-1` }, { name: `${t}-2` }]);
    const res = await fetch(`${stackInfo().url}/rest/v1/rt_items?name=like.${t}*`, {
      method: 'PATCH',
      body: JSON.stringify({ qty: 7 }),
      headers: {
        apikey: stackInfo().anonKey,
        'content-type': 'application/json',
        prefer: 'handling=strict, max-affected=1',
      },
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).code).toBe('PGRST124');
    expect((await itemsNamed(t)).map((r) => r.qty)).toEqual([1, 1]);
    const ok = await fetch(`${stackInfo().url}/rest/v1/rt_items?name=eq.${t}-1`, {
      method: 'PATCH',
      body: JSON.stringify({ qty: 7 }),
      headers: {
        apikey: stackInfo().anonKey,
        'content-type': 'application/json',
        prefer: 'handling=strict, max-affected=1',
      },
    });
    expect(ok.status).toBe(204);
  });

  it('return=headers-only answers 201 with a Location of the new row', async () => {
    const t = tag();
    const res = await fetch(`${stackInfo().url}/rest/v1/rt_items`, {
      method: 'POST',
      body: JSON.stringify({ name: t }),
      headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json', prefer: 'return=headers-only' },
    });
    expect(res.status).toBe(201);
    expect(await res.text()).toBe('');
    const [{ id }] = await adminQuery<{ id: string }>('select id::text from public.rt_items where name = $1', [t]);
    expect(res.headers.get('location')).toBe(`/rt_items?id=eq.${id}`);
  });

  it('representations can embed related rows', async () => {
    const t = tag();
    const { data, error } = await db
      .from('rt_items')
      .insert({ name: t, channel_id: 2 })
      .select('name, rt_channels(slug)')
      .single();
    expect(error).toBeNull();
    expect(data).toEqual({ name: t, rt_channels: { slug: 'random' } });
  });
});

describe('writes under RLS', () => {
  it('insert works without SELECT rights, insert+select answers 42501 (401 for anon)', async () => {
    const t = tag();
    const plain = await db.from('rt_inbox').insert({ msg: t });
    expect(plain.status).toBe(201);
    const withSelect = await db
      .from('rt_inbox')
      .insert({ msg: `${t}-2` })
      .select();
    expect(withSelect.status).toBe(401);
    expect(withSelect.error?.code).toBe('42501');
    expect(await adminQuery('select msg from public.rt_inbox where msg like $1', [`${t}%`])).toEqual([{ msg: t }]);
  });

  it('owners write their notes; others get 403 or no rows; anon gets 401', async () => {
    const alice = await signUpUser();
    const bob = await signUpUser();
    const t = tag();
    const created = await alice.client.from('rt_notes').insert({ body: t }).select('body, owner_id').single();
    expect(created.status).toBe(201);
    expect(created.data).toEqual({ body: t, owner_id: alice.id });

    const forged = await bob.client.from('rt_notes').insert({ body: t, owner_id: alice.id });
    expect(forged.status).toBe(403);
    expect(forged.error?.code).toBe('42501');

    const anonInsert = await db.from('rt_notes').insert({ body: t });
    expect(anonInsert.status).toBe(401);

    const bobUpdate = await bob.client.from('rt_notes').update({ body: 'hacked' }).eq('body', t).select();
    expect(bobUpdate.data).toEqual([]);
    const bobRead = await bob.client.from('rt_notes').select('body').eq('body', t);
    expect(bobRead.data).toEqual([]);
    const aliceRead = await alice.client.from('rt_notes').select('body').eq('body', t);
    expect(aliceRead.data).toEqual([{ body: t }]);
    const aliceDelete = await alice.client.from('rt_notes').delete().eq('body', t).select('body');
    expect(aliceDelete.data).toEqual([{ body: t }]);
  });
});
