import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY } from '../../src/keys';
import { readJson, serviceClient, signUpUser, stackInfo } from '../../src/testing/clients';

// Hosted Supabase's gateway (Kong's key-auth, as supabase/docker's kong.yml configures it) refuses a
// request that carries no API key before any API sees it, except on the routes a browser reaches by
// following a link; and since March 2026 only the service_role and secret keys may read the REST root.

const NO_KEY = { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' };
const SCHEMA_FORBIDDEN = {
  message: 'Access to schema is forbidden',
  hint: 'Accessing the schema via the Data API is only allowed using a secret API key.',
};

const url = (path: string) => `${stackInfo().url}${path}`;

describe('gateway: requests without an API key', () => {
  it.each([
    ['GET', '/rest/v1/rt_users?select=username'],
    ['POST', '/rest/v1/rpc/rt_whoami'],
    ['GET', '/rest/v1/'],
    ['GET', '/auth/v1/settings'],
    ['GET', '/auth/v1/health'],
    ['GET', '/auth/v1/user'],
    ['POST', '/auth/v1/token?grant_type=password'],
    ['POST', '/realtime/v1/api/broadcast'],
  ])('%s %s answers 401 with key-auth body and CORS headers', async (method, path) => {
    const res = await fetch(url(path), {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await readJson(res)).toEqual(NO_KEY);
  });

  it('refuses an Authorization header alone, even a valid user token', async () => {
    const user = await signUpUser();
    const res = await fetch(url('/rest/v1/rt_users?select=username'), {
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(res.status).toBe(401);
    expect(await readJson(res)).toEqual(NO_KEY);
  });

  it('takes the key from the apikey query parameter too, and answers preflights without one', async () => {
    const res = await fetch(url(`/auth/v1/settings?apikey=${stackInfo().anonKey}`));
    expect(res.status).toBe(200);
    expect((await readJson(res)).external).toMatchObject({ email: true });
    const preflight = await fetch(url('/rest/v1/rt_users'), {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('passes mail links, OAuth redirects and the JWKS through to Auth', async () => {
    const verify = await fetch(url('/auth/v1/verify?token=nope&type=magiclink&redirect_to=http://localhost:3000'), {
      redirect: 'manual',
    });
    expect(verify.status).toBe(303);
    expect(verify.headers.get('location')).toMatch(/^http:\/\/localhost:3000\/?#error=access_denied/);
    const jwks = await fetch(url('/auth/v1/.well-known/jwks.json'));
    expect(jwks.status).toBe(200);
    expect(await readJson(jwks)).toEqual({ keys: [] });
    // /callback and /authorize (OAuth) are not implemented: Auth itself answers, not the gateway.
    const callback = await fetch(url('/auth/v1/callback'), { headers: { 'x-supabase-api-version': '2024-01-01' } });
    expect(callback.status).toBe(404);
    expect(await readJson(callback)).toEqual({ code: 'not_found', message: 'Not Found' });
  });

  it('lets Storage judge keyless requests itself: public objects need no key', async () => {
    const name = `gateway/${randomUUID()}.png`;
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const { error } = await serviceClient().storage.from('avatars').upload(name, png, { contentType: 'image/png' });
    expect(error).toBeNull();
    const object = await fetch(url(`/storage/v1/object/public/avatars/${name}`));
    expect(object.status).toBe(200);
    expect(Buffer.from(await object.arrayBuffer())).toEqual(png);
    const buckets = await fetch(url('/storage/v1/bucket'));
    expect(buckets.status).not.toBe(200);
    expect(await readJson(buckets)).not.toEqual(NO_KEY);
  });
});

describe('gateway: the REST root (OpenAPI description)', () => {
  it.each([
    ['the anon key', () => ({ apikey: stackInfo().anonKey })],
    ['the publishable key', () => ({ apikey: PUBLISHABLE_KEY })],
  ])('refuses %s with 403', async (_name, headers) => {
    for (const path of ['/rest/v1/', '/rest/v1']) {
      const res = await fetch(url(path), { headers: headers() });
      expect(res.status).toBe(403);
      expect(await readJson(res)).toEqual(SCHEMA_FORBIDDEN);
    }
  });

  it('refuses a signed-in user whose apikey is the anon key', async () => {
    const user = await signUpUser();
    const res = await fetch(url('/rest/v1/'), {
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${user.accessToken}` },
    });
    expect(res.status).toBe(403);
    expect(await readJson(res)).toEqual(SCHEMA_FORBIDDEN);
  });

  it.each([
    ['the service_role key', () => stackInfo().serviceRoleKey],
    ['the secret key', () => stackInfo().secretKey],
  ])('serves the description to %s', async (_name, key) => {
    const res = await fetch(url('/rest/v1/'), { headers: { apikey: key() } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/openapi+json; charset=utf-8');
    const spec = await readJson(res);
    expect(spec.swagger).toBe('2.0');
    expect(Object.keys(spec.paths as object)).toContain('/rt_users');
  });

  it('leaves tables and functions below the root to the anon key', async () => {
    const res = await fetch(url('/rest/v1/rt_users?select=username&username=eq.supabot'), {
      headers: { apikey: stackInfo().anonKey },
    });
    expect(res.status).toBe(200);
  });
});
