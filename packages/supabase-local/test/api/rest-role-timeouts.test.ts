import { describe, expect, it } from 'vitest';
import { adminQuery, anonClient, serviceClient, signUpUser } from '../../src/testing/clients';
import { familyCycle } from './rest-limits-helpers';

// Long statements are cut by the role's statement_timeout (bootstrap 00_roles.sql, as on hosted: anon
// 3 s, authenticated 8 s, and authenticator's 8 s for service_role, which has none of its own), and
// the pooled connection goes back to the pool, so a burst of expensive requests leaves cheap ones
// answered. Behavioural bounds, generous on purpose: this machine is shared.

const db = anonClient();
const timedOut = { code: '57014', message: 'canceling statement due to statement timeout' };
// PostgREST answers 57014 with 500 (Error.hs: SQLSTATE class 57); the gateway owner may map it to 504.
const TIMEOUT_STATUSES = [500, 504];

async function timed<T>(run: () => PromiseLike<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/** Statements of the API roles still running `rl_sleep` (the pooled connections of REST). */
async function sleepingStatements(): Promise<number> {
  const rows = await adminQuery<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where usename = 'authenticator' and state = 'active' and query like '%rl_sleep%'",
  );
  return rows[0].n;
}

describe('statement_timeout per role', () => {
  it('cuts anon at 3 s, lets authenticated run past it and cuts service_role at 8 s', async () => {
    const user = await signUpUser();
    const [anon, authed, service] = await Promise.all([
      timed(() => db.rpc('rl_sleep', { seconds: 12 })),
      timed(() => user.client.rpc('rl_sleep', { seconds: 4 })),
      timed(() => serviceClient().rpc('rl_sleep', { seconds: 12 })),
    ]);
    expect(anon.result.error).toMatchObject(timedOut);
    expect(TIMEOUT_STATUSES).toContain(anon.result.status);
    expect(anon.ms).toBeGreaterThan(2800);
    expect(anon.ms).toBeLessThan(6000);
    expect(authed.result.error).toBeNull();
    expect(authed.result.data).toBe(4);
    expect(service.result.error).toMatchObject(timedOut);
    expect(TIMEOUT_STATUSES).toContain(service.result.status);
    expect(service.ms).toBeGreaterThan(7800);
    expect(service.ms).toBeLessThan(11000);
  });
});

describe('a burst of expensive requests', () => {
  it('6 slow requests in parallel leave a cheap GET answered, and are cut with their connections returned', async () => {
    const slow = Array.from({ length: 6 }, () => timed(() => db.rpc('rl_sleep', { seconds: 30 })));
    // Let the six reach Postgres first.
    for (let i = 0; i < 50 && (await sleepingStatements()) < 6; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await sleepingStatements()).toBeGreaterThanOrEqual(6);
    const cheap = await timed(() => db.from('rl_families').select('id').eq('id', 1));
    expect(cheap.result.data).toEqual([{ id: 1 }]);
    expect(cheap.ms).toBeLessThan(2500);
    for (const { result, ms } of await Promise.all(slow)) {
      expect(result.error).toMatchObject(timedOut);
      expect(ms).toBeLessThan(6000);
    }
    expect(await sleepingStatements()).toBe(0);
    // Twenty at once (the pool's size) still find a connection each.
    const again = await Promise.all(Array.from({ length: 20 }, () => db.rpc('rl_sleep', { seconds: 0.2 })));
    expect(again.map((r) => r.data)).toEqual(Array(20).fill(0.2));
  });

  it('30 of the report’s deep embed cycles at once are refused without holding the pool', async () => {
    const deep = Array.from({ length: 30 }, () => timed(() => db.from('rl_families').select(familyCycle(20))));
    const cheap = await timed(() => db.from('rl_families').select('id').eq('id', 2));
    expect(cheap.result.data).toEqual([{ id: 2 }]);
    // Before the cap, 30 such requests held all 20 connections for anon's 3 s.
    expect(cheap.ms).toBeLessThan(2500);
    for (const { result, ms } of await Promise.all(deep)) {
      expect(result.status).toBe(400);
      expect(result.error?.code).toBe('PGRST190');
      expect(ms).toBeLessThan(2500);
    }
  });
});
