import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import ws from 'ws';
import { signJwt } from '../../src/jwt';
import { adminQuery, anonClient, readJson, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';

// Authentication, negotiation and error shapes of /rest/v1. Raw fetch only where postgrest-js cannot
// produce the request (malformed query strings, invalid JSON, forged tokens, odd methods).

const db = anonClient();
const rest = (path: string) => `${stackInfo().url}/rest/v1${path}`;
const now = () => Math.floor(Date.now() / 1000);

function clientWithToken(token: string) {
  return createClient(stackInfo().url, stackInfo().anonKey, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { Authorization: `Bearer ${token}` } },
  });
}

describe('JWT and roles', () => {
  it('the anon key without Authorization is anonymous; no key at all is refused by the gateway', async () => {
    const res = await fetch(rest('/rt_users?select=username&username=eq.supabot'), {
      headers: { apikey: stackInfo().anonKey },
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual([{ username: 'supabot' }]);
    const keyless = await fetch(rest('/rt_users?select=username&username=eq.supabot'));
    expect(keyless.status).toBe(401);
    expect(await readJson(keyless)).toEqual({
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  });

  it('a token signed with another secret answers 401 PGRST301', async () => {
    const [h, p] = (await signJwt({ role: 'service_role', exp: now() + 60 })).split('.');
    const forged = `${h}.${p}.${Buffer.from('not the signature').toString('base64url')}`;
    const { error, status } = await clientWithToken(forged).from('rt_users').select('username');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
    const garbage = await fetch(rest('/rt_users'), {
      headers: { apikey: stackInfo().anonKey, authorization: 'Bearer abc' },
    });
    expect(garbage.status).toBe(401);
    expect(await garbage.json()).toMatchObject({ code: 'PGRST301', message: 'Expected 3 parts in JWT; got 1' });
    expect(garbage.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('an expired token answers 401 PGRST303 JWT expired', async () => {
    const token = await signJwt({ role: 'authenticated', sub: crypto.randomUUID(), exp: now() - 120 });
    const { error, status } = await clientWithToken(token).from('rt_users').select('username');
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
  });

  it('a token without role acts as anon; an unknown role answers 401', async () => {
    const noRole = await signJwt({ sub: crypto.randomUUID(), exp: now() + 60 });
    const who = await clientWithToken(noRole).rpc('rt_whoami');
    expect(who.data).toMatchObject({ role: 'anon' });
    const ghost = await signJwt({ role: 'ghost_role', exp: now() + 60 });
    const res = await clientWithToken(ghost).from('rt_users').select('username');
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('22023');
  });

  it('missing privileges: 401 for anon, 403 for a signed-in user, data for service_role', async () => {
    const anon = await db.from('rt_secret').select('*');
    expect(anon.status).toBe(401);
    expect(anon.error).toMatchObject({ code: '42501', message: 'permission denied for table rt_secret' });
    const user = await signUpUser();
    const authed = await user.client.from('rt_secret').select('*');
    expect(authed.status).toBe(403);
    const service = await serviceClient().from('rt_secret').select('*');
    expect(service.status).toBe(200);
    expect(service.data).toEqual([]);
  });
});

describe('isolation between requests on pooled connections', () => {
  it("concurrent requests from different users never see another user's role or claims", async () => {
    const alice = await signUpUser();
    const bob = await signUpUser();
    const callers = [
      { client: alice.client, sub: alice.id, role: 'authenticated' },
      { client: bob.client, sub: bob.id, role: 'authenticated' },
      { client: db, sub: null, role: 'anon' },
    ];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const caller = callers[i % callers.length];
        // Mix successes and failures: an error must not leave a role behind on the connection.
        const failing = i % 7 === 0 ? caller.client.from('rt_secret').select('*') : Promise.resolve(null);
        return Promise.all([caller.client.rpc('rt_whoami'), failing]).then(([who]) => ({ who: who.data, caller }));
      }),
    );
    for (const { who, caller } of results) expect(who).toMatchObject({ sub: caller.sub, role: caller.role });
  });
});

describe('resources, schemas and media types', () => {
  it('unknown tables answer 404 PGRST205 with a suggestion', async () => {
    const { error, status } = await db.from('rt_user').select('*');
    expect(status).toBe(404);
    expect(error).toEqual({
      code: 'PGRST205',
      message: "Could not find the table 'public.rt_user' in the schema cache",
      details: null,
      hint: "Perhaps you meant the table 'public.rt_users'",
    });
  });

  it('unknown columns answer 400 42703', async () => {
    const { error, status } = await db.from('rt_users').select('nope');
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '42703', message: 'column rt_users.nope does not exist' });
  });

  it('Accept-Profile must name an exposed schema (406 PGRST106)', async () => {
    const { error, status } = await db.schema('auth').from('users').select('*');
    expect(status).toBe(406);
    expect(error).toEqual({
      code: 'PGRST106',
      message: 'Invalid schema: auth',
      details: null,
      hint: 'Only the following schemas are exposed: public, graphql_public, pj_personal',
    });
    const write = await db.schema('auth').from('users').insert({});
    expect(write.status).toBe(406);
    const other = await db.schema('graphql_public').from('rt_users').select('*');
    expect(other.status).toBe(404);
    expect(other.error?.message).toBe("Could not find the table 'graphql_public.rt_users' in the schema cache");
  });

  // Aggregates being refused (PGRST123) is tested in rest-aggregates.test.ts, which turns them off.
  it('unsupported media types answer 406 PGRST107', async () => {
    const geo = await db.from('rt_users').select('username').geojson();
    expect(geo.status).toBe(406);
    expect(geo.error?.code).toBe('PGRST107');
  });

  it('PUT is not supported (405)', async () => {
    const res = await fetch(rest('/rt_items?id=eq.1'), {
      method: 'PUT',
      body: '{}',
      headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(405);
  });
});

describe('bad input is a 4xx, never a 500, and changes nothing', () => {
  const malformed = [
    '/rt_users?select=username,',
    '/rt_users?select=rt_channels(slug',
    '/rt_users?username=eq',
    '/rt_users?username=foo.bar',
    '/rt_users?or=(username.eq.a',
    '/rt_users?or=username.eq.a',
    '/rt_users?order=username.sideways',
    '/rt_users?limit=ten',
    '/rt_users?offset=-1',
    '/rt_users?age=is.maybe',
    '/rt_users?select=%E0%A4%A',
    '/rt_users?select=age::int;drop',
  ];
  it.each(malformed)('%s → 400 PGRST100', async (path) => {
    const res = await fetch(rest(path), { headers: { apikey: stackInfo().anonKey } });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.code).toBe('PGRST100');
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message']);
  });

  it('invalid JSON bodies answer 400 PGRST102 and insert nothing', async () => {
    const before = await adminQuery('select count(*)::int as n from public.rt_guarded');
    for (const body of ['{"name":', '', 'nope', '[1,2]', '"str"']) {
      const res = await fetch(rest('/rt_guarded'), {
        method: 'POST',
        body,
        headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect((await readJson(res)).code).toBe('PGRST102');
    }
    const patch = await fetch(rest('/rt_guarded?id=gt.0'), {
      method: 'PATCH',
      body: '[',
      headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json' },
    });
    expect(patch.status).toBe(400);
    expect(await adminQuery('select count(*)::int as n from public.rt_guarded')).toEqual(before);
  });

  it('bodies over 1 MiB are refused with 413', async () => {
    const res = await fetch(rest('/rt_items'), {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { apikey: stackInfo().anonKey, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('errors carry exactly code, message, details, hint and JSON content type', async () => {
    const res = await fetch(rest('/rt_nope'), { headers: { apikey: stackInfo().anonKey } });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(await readJson(res)).sort()).toEqual(['code', 'details', 'hint', 'message']);
  });
});

describe('schema cache', () => {
  it('NOTIFY pgrst reloads: a table created later becomes queryable', async () => {
    await adminQuery(
      'create table if not exists public.rt_late (id int primary key); grant select on public.rt_late to anon;',
    );
    await adminQuery("notify pgrst, 'reload schema'");
    await new Promise((r) => setTimeout(r, 300));
    const { data, status } = await db.from('rt_late').select('*');
    expect(status).toBe(200);
    expect(data).toEqual([]);
  });
});
