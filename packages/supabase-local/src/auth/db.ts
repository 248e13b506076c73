import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../db/transaction';

/** Anything that runs a parameterised query: the pool for reads, a transaction's client for writes. */
export type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * Runs `work` in a transaction as `supabase_auth_admin`, the role GoTrue connects as on hosted
 * Supabase. App triggers on auth.users (e.g. `handle_new_user`) therefore run with the same
 * privileges and search_path (`auth`) as in production: a trigger that forgets `security definer`
 * or schema-qualified names fails here too instead of only after deploying.
 */
export async function withAuthTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query('set local role supabase_auth_admin');
    await client.query("set local search_path = 'auth'");
    return work(client);
  });
}

/** The SQLSTATE of a pg error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
