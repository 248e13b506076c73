import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { acquire } from '../../src/rest/acquire';
import { RestError } from '../../src/rest/errors';
import { stackInfo } from '../../src/testing/clients';

// REST's wait for a pooled connection (src/rest/acquire.ts), as PostgREST's db-pool-acquisition-timeout:
// past it the request answers 504 PGRST003, and the connection it was queued for goes back to the
// pool. A pool of one, held, stands in for a pool starved by slow requests (REST's has 20 and waits
// 10 s, too long for a test).

const pool = new pg.Pool({ connectionString: stackInfo().dbUrl, max: 1 });
afterAll(() => pool.end());

describe('waiting for a pooled connection', () => {
  it('gives up with 504 PGRST003 after the timeout, then returns the late connection', async () => {
    const held = await pool.connect();
    const started = performance.now();
    const refused = await acquire(pool, 300).catch((err: unknown) => err);
    const waited = performance.now() - started;
    expect(refused).toBeInstanceOf(RestError);
    expect(refused).toMatchObject({
      status: 504,
      body: {
        code: 'PGRST003',
        message: 'Timed out acquiring connection from connection pool.',
        details: null,
        hint: null,
      },
    });
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(2000);
    held.release();
    // The queued wait receives the connection and releases it at once: the pool is whole again.
    const next = await acquire(pool, 2000);
    expect((await next.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    next.release();
    expect(pool.totalCount).toBe(1);
    expect(pool.waitingCount).toBe(0);
  });

  it('hands out a free connection at once', async () => {
    const started = performance.now();
    const client = await acquire(pool, 5000);
    client.release();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
