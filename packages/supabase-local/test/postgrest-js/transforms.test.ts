import { afterEach, describe, expect, it } from 'vitest';
import { adminQuery } from '../../src/testing/clients';
import { withUpstreamSettings } from '../api/upstream-settings-lock';
import { ALL_USERS, db, expectResponse, MESSAGES, pgrstError, USERS } from './pj';

// Port of postgrest-js test/transforms.test.ts (see pj.ts for the upstream commit). Inserts go to
// pj_x_users (a scratch copy of pj_users); geojson needs PostGIS, which embedded Postgres lacks.

const NEW_USER = { age_range: null, catchphrase: null, data: null, status: 'ONLINE', username: 'foo' };

describe('postgrest-js transforms', () => {
  afterEach(async () => {
    await adminQuery("delete from public.pj_x_users where username in ('foo', 'a', 'b')");
  });

  it('order on one and multiple columns', async () => {
    const byName = await db.from('pj_users').select().order('username', { ascending: false });
    expectResponse(byName, {
      status: 200,
      data: [USERS.supabot, USERS.kiwicopple, USERS.jsonuser, USERS.dragarcia, USERS.awailas],
    });
    const two = await db
      .from('pj_messages')
      .select()
      .order('channel_id', { ascending: false })
      .order('username', { ascending: false });
    expectResponse(two, { status: 200, data: [MESSAGES[4], MESSAGES[3], MESSAGES[2], MESSAGES[1]] });
  });

  it('limit, range, single', async () => {
    expectResponse(await db.from('pj_users').select().limit(1), { status: 200, data: [USERS.supabot] });
    expectResponse(await db.from('pj_users').select().range(1, 3), { status: 200, data: ALL_USERS.slice(1, 4) });
    expectResponse(await db.from('pj_users').select().limit(1).single(), { status: 200, data: USERS.supabot });
  });

  it('single on insert; select on insert', async () => {
    const single = await db.from('pj_x_users').insert({ username: 'foo' }).select().single();
    expectResponse(single, { status: 201, data: NEW_USER });
    await adminQuery("delete from public.pj_x_users where username = 'foo'");
    const status = await db.from('pj_x_users').insert({ username: 'foo' }).select('status');
    expectResponse(status, { status: 201, data: [{ status: 'ONLINE' }] });
  });

  it('maybeSingle: no row gives null; two inserted rows give the client-side PGRST116', async () => {
    expectResponse(await db.from('pj_users').select().eq('username', 'goldstein').maybeSingle(), { status: 200 });
    const two = await db
      .from('pj_x_users')
      .insert([{ username: 'a' }, { username: 'b' }])
      .select()
      .maybeSingle();
    expectResponse(two, {
      status: 406,
      error: pgrstError(
        'PGRST116',
        'JSON object requested, multiple (or no) rows returned',
        'Results contain 2 rows, application/vnd.pgrst.object+json requires 1 row',
      ),
    });
  });

  it('select on rpc', async () => {
    const res = await db.rpc('pj_get_username_and_status', { name_param: 'supabot' }).select('status');
    expectResponse(res, { status: 200, data: [{ status: 'ONLINE' }] });
  });

  it('stripNulls, also with single', async () => {
    const res = await db.from('pj_users').select().stripNulls();
    expect(res.error).toBeNull();
    expect(res.status).toBe(200);
    const rows = res.data as Record<string, unknown>[];
    const supabot = rows.find((u) => u.username === 'supabot');
    expect(supabot).not.toHaveProperty('data');
    expect(supabot).toHaveProperty('username');
    expect(rows.find((u) => u.username === 'jsonuser')).toHaveProperty('data');
    const single = await db.from('pj_users').select().eq('username', 'supabot').limit(1).single().stripNulls();
    expect(single.error).toBeNull();
    expect(single.data).not.toHaveProperty('data');
    expect((single.data as Record<string, unknown>).username).toBe('supabot');
  });

  // CSV formatting is the CSV/RPC engineer's area; listed in the handover report.
  it('csv', async () => {
    const res = await db.from('pj_users').select().csv();
    expectResponse(res, {
      status: 200,
      data: `username,data,age_range,status,catchphrase
supabot,,"[1,2)",ONLINE,"'cat' 'fat'"
kiwicopple,,"[25,35)",OFFLINE,"'bat' 'cat'"
awailas,,"[25,35)",ONLINE,"'bat' 'rat'"
jsonuser,"{""foo"": {""bar"": {""nested"": ""value""}, ""baz"": ""string value""}}","[20,30)",ONLINE,"'json' 'test'"
dragarcia,,"[20,30)",ONLINE,"'fat' 'rat'"`,
    });
  });

  // Upstream's test database enables plans and db-tx-end = commit-allow-override; this shared stack
  // keeps PostgREST's defaults, so these cases switch upstream's settings on under the settings lock.
  it('explain with json/text format and options', async () => {
    await withUpstreamSettings(async () => {
      const json = await db.from('pj_users').select().explain({ format: 'json' });
      expectResponse(json, { status: 200, data: [{ Plan: expect.any(Object) }] });
      const text = await db.from('pj_users').select().explain();
      expect(text.data).toMatch(/Aggregate {2}\(cost=.*/);
      const options = await db.from('pj_users').select().explain({ verbose: true, settings: true, format: 'json' });
      expectResponse(options, {
        status: 200,
        data: [
          {
            Plan: expect.any(Object),
            'Query Identifier': expect.any(Number),
            // Upstream's snapshot also lists effective_cache_size: '128MB', a postgresql.conf value of the
            // Supabase CLI's database, not of PostgREST; embedded Postgres keeps the default (unlisted).
            Settings: { search_path: '"public", "public", "extensions"' },
          },
        ],
      });
    });
  });

  it('rollback insert/upsert, update/rpc and delete', async () => {
    await withUpstreamSettings(async () => {
      expect((await db.from('pj_x_users').select().eq('username', 'soedirgo')).data).toEqual([]);
      const soedirgo = {
        age_range: '[20,25)',
        catchphrase: "'cat' 'fat'",
        data: null,
        status: 'ONLINE',
        username: 'soedirgo',
      };
      const inserted = await db.from('pj_x_users').insert(soedirgo).select().rollback().single();
      expect(inserted.data).toEqual(soedirgo);
      const upserted = await db.from('pj_x_users').upsert(soedirgo).select().rollback().single();
      expect(upserted.data).toEqual(soedirgo);
      expect((await db.from('pj_x_users').select().eq('username', 'soedirgo')).data).toEqual([]);
      const status = async () =>
        (await db.from('pj_x_users').select('status').eq('username', 'dragarcia').single()).data;
      expect(await status()).toEqual({ status: 'ONLINE' });
      const updated = await db
        .from('pj_x_users')
        .update({ status: 'OFFLINE' })
        .eq('username', 'dragarcia')
        .select('status')
        .rollback()
        .single();
      expect(updated.data).toEqual({ status: 'OFFLINE' });
      expect((await db.rpc('pj_offline_user', { name_param: 'dragarcia' }).rollback()).data).toBe('OFFLINE');
      expect(await status()).toEqual({ status: 'ONLINE' });
      const deleted = await db
        .from('pj_x_users')
        .delete()
        .eq('username', 'dragarcia')
        .select('username')
        .rollback()
        .single();
      expect(deleted.data).toEqual({ username: 'dragarcia' });
      expect((await db.from('pj_x_users').select('username').eq('username', 'dragarcia').single()).data).toEqual({
        username: 'dragarcia',
      });
    });
  });
});
