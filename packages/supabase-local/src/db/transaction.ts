import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a connection of its own from `pool`, then commits — or, with
 * `rollback`, always rolls back: the "ask the database, keep nothing" probes (Storage's
 * testPermission, Realtime's RLS checks).
 *
 * If `work` (or the commit) throws, the transaction is rolled back and the original error rethrown.
 * A rollback that itself fails means the connection is gone: its error is swallowed (the caller
 * wants the first error, and the server aborts an orphaned transaction anyway) and the client is
 * released as broken so the pool discards it instead of handing it to the next request. The same
 * goes for the closing rollback of a `rollback` transaction, whose answer is already complete.
 */
export async function withTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  options: { rollback?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    const result = await work(client);
    if (options.rollback) broken = !(await rollback(client));
    else await client.query('commit');
    return result;
  } catch (error) {
    broken = !(await rollback(client));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Rolls back; false if even that failed (the connection is unusable). */
async function rollback(client: PoolClient): Promise<boolean> {
  try {
    await client.query('rollback');
    return true;
  } catch {
    return false;
  }
}
