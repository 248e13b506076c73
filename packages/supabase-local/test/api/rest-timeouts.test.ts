import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { loadConfig } from '../../src/config';
import { type Gateway, startGateway } from '../../src/gateway';
import type { StackContext } from '../../src/http';
import { signJwt } from '../../src/jwt';
import { createRestService, type RestApi } from '../../src/rest/index';
import { readJson, stackInfo } from '../../src/testing/clients';

// Timeouts answered as PostgREST answers them: a statement_timeout (57014) is PostgREST's 500 with
// the Postgres error as the body, and a request that waits too long for a pooled connection is 504
// PGRST003 (db-pool-acquisition-timeout), never a hang or a generic 500.

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

describe('REST: a starved connection pool', () => {
  let pool: pg.Pool;
  let adminPool: pg.Pool;
  let rest: RestApi;
  let gateway: Gateway;

  beforeAll(async () => {
    const url = new URL(stackInfo().adminDbUrl);
    url.username = 'authenticator';
    url.password = 'postgres';
    // One connection, and 300 ms to wait for it instead of the stack's 10 s.
    pool = new pg.Pool({ connectionString: url.toString(), max: 1, connectionTimeoutMillis: 300 });
    adminPool = new pg.Pool({ connectionString: stackInfo().adminDbUrl, max: 2 });
    const ctx: StackContext = { config: loadConfig(stackInfo().supabaseDir), adminPool, apiPool: pool };
    rest = createRestService(ctx);
    gateway = await startGateway([rest], 0);
  });

  afterAll(async () => {
    await rest?.close?.();
    await gateway?.close();
    await pool?.end();
    await adminPool?.end();
  });

  it('answers 504 PGRST003 to a request that cannot get a connection in time', async () => {
    const call = (seconds: number) =>
      fetch(`http://127.0.0.1:${gateway.port}/rest/v1/rpc/rt_sleep?seconds=${seconds}`, {
        headers: { apikey: stackInfo().anonKey },
      });
    expect((await call(0)).status).toBe(200);
    const slow = call(1.5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const starved = await call(0);
    expect(starved.status).toBe(504);
    expect(starved.headers.get('proxy-status')).toBe('PostgREST; error=PGRST003');
    expect(await readJson(starved)).toEqual({
      code: 'PGRST003',
      details: null,
      hint: null,
      message: 'Timed out acquiring connection from connection pool.',
    });
    expect((await slow).status).toBe(200);
  });
});
