import { describe, expect, it } from 'vitest';
import { authForwardingFetch } from './auth-forwarding';

const SUPABASE_URL = 'http://127.0.0.1:54321';

/** The wrapped fetch and the requests it passed on. */
function recorder(clientAddress: string | null) {
  const seen: { url: string; headers: Headers }[] = [];
  const base = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response('{}');
  }) as typeof fetch;
  return {
    fetch: authForwardingFetch({ supabaseUrl: SUPABASE_URL, serverKey: 'sb_secret_x', clientAddress }, base),
    seen,
  };
}

const anonHeaders = { apikey: 'anon-jwt', authorization: 'Bearer anon-jwt', 'content-type': 'application/json' };

describe('authForwardingFetch', () => {
  it("gives Auth requests the server key and the browser's address, keeping Authorization", async () => {
    const { fetch, seen } = recorder('203.0.113.9');
    await fetch(`${SUPABASE_URL}/auth/v1/token?grant_type=password`, { method: 'POST', headers: anonHeaders });
    await fetch(`${SUPABASE_URL}/auth/v1/user`, { headers: { apikey: 'anon-jwt', authorization: 'Bearer user-jwt' } });
    expect(seen.map((r) => r.headers.get('apikey'))).toEqual(['sb_secret_x', 'sb_secret_x']);
    expect(seen.map((r) => r.headers.get('sb-forwarded-for'))).toEqual(['203.0.113.9', '203.0.113.9']);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer anon-jwt', 'Bearer user-jwt']);
    expect(seen[0].headers.get('content-type')).toBe('application/json');
  });

  it('leaves REST, Storage, other hosts and look-alike paths alone', async () => {
    const { fetch, seen } = recorder('203.0.113.9');
    for (const url of [
      `${SUPABASE_URL}/rest/v1/profiles`,
      `${SUPABASE_URL}/storage/v1/object/x`,
      'http://evil.example/auth/v1/token',
      `${SUPABASE_URL}/auth/v1x/token`,
    ]) {
      await fetch(url, { headers: anonHeaders });
    }
    expect(seen.every((r) => r.headers.get('apikey') === 'anon-jwt' && !r.headers.has('sb-forwarded-for'))).toBe(true);
  });

  it('never puts the server key beside an opaque bearer, which the gateway would turn into its role', async () => {
    const { fetch, seen } = recorder('203.0.113.9');
    await fetch(`${SUPABASE_URL}/auth/v1/user`, {
      headers: { apikey: 'sb_publishable_x', authorization: 'Bearer sb_publishable_x' },
    });
    await fetch(`${SUPABASE_URL}/auth/v1/settings`, { headers: { apikey: 'anon-jwt' } });
    expect(seen.map((r) => r.headers.get('apikey'))).toEqual(['sb_publishable_x', 'anon-jwt']);
  });

  it('forwards no address it does not know, dropping one a caller set', async () => {
    const { fetch, seen } = recorder(null);
    await fetch(`${SUPABASE_URL}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { ...anonHeaders, 'sb-forwarded-for': '198.51.100.1' },
    });
    expect(seen[0].headers.get('apikey')).toBe('sb_secret_x');
    expect(seen[0].headers.has('sb-forwarded-for')).toBe(false);
  });
});
