import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import ws from 'ws';
import { signJwt } from '../../src/jwt';
import { readJson, stackInfo } from '../../src/testing/clients';

// Timeouts answered as PostgREST answers them: a statement_timeout (57014) is PostgREST's 500 with
// the Postgres error as the body (a starved pool's 504 PGRST003 is in rest-pool.test.ts).

const TIMEOUT_BODY = {
  code: '57014',
  details: null,
  hint: null,
  message: 'canceling statement due to statement timeout',
};

const hurried = () => signJwt({ role: 'rt_hurried', exp: Math.floor(Date.now() / 1000) + 600 });

describe('REST: statement timeouts', () => {
  it("answers 500 with Postgres' error and Proxy-Status, like PostgREST", async () => {
    const token = await hurried();
    const res = await fetch(`${stackInfo().url}/rest/v1/rpc/rt_sleep?seconds=2`, {
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('proxy-status')).toBe('PostgREST; error=57014');
    expect(await readJson(res)).toEqual(TIMEOUT_BODY);
    const head = await fetch(`${stackInfo().url}/rest/v1/rpc/rt_sleep?seconds=2`, {
      method: 'HEAD',
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(500);
    expect(head.headers.get('proxy-status')).toBe('PostgREST; error=57014');
  });

  it('reaches supabase-js as a PostgrestError', async () => {
    const client = createClient(stackInfo().url, stackInfo().anonKey, {
      realtime: { transport: ws as never },
      auth: { persistSession: false, autoRefreshToken: false },
      accessToken: hurried,
    });
    const { data, error, status } = await client.rpc('rt_sleep', { seconds: 2 });
    expect(status).toBe(500);
    expect(data).toBeNull();
    expect(error).toMatchObject(TIMEOUT_BODY);
  });
});
