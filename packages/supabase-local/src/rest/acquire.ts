import type { Pool, PoolClient } from 'pg';
import { restError } from './errors';

// Taking a connection from the pool, as PostgREST does with db-pool-acquisition-timeout (default 10 s):
// when every connection is busy for that long, the request answers 504 PGRST003 instead of waiting
// indefinitely in pg-pool's queue. The timeout is REST's own, not the pool's: Realtime shares the pool.

export const POOL_ACQUISITION_TIMEOUT_MS = 10_000;

export const acquisitionTimeout = () =>
  restError(504, 'PGRST003', 'Timed out acquiring connection from connection pool.');

export async function acquire(pool: Pool, timeoutMs = POOL_ACQUISITION_TIMEOUT_MS): Promise<PoolClient> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const pending = pool.connect();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(acquisitionTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
    // The wait stays queued in pg-pool; whatever it gets later goes straight back.
    if (timedOut)
      pending.then(
        (client) => client.release(),
        () => {},
      );
  }
}
