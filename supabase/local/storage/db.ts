import type { PoolClient, QueryResultRow } from 'pg';
import type { StackContext } from '../http';
import type { Requester } from './requester';

/** One statement inside a request's transaction. */
export interface Tx {
  query<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Rows affected, for writes whose RETURNING would wrongly demand a SELECT policy as well. */
  exec(sql: string, params?: unknown[]): Promise<number>;
  /**
   * Runs one statement as `service_role` (RLS bypassed) and switches back to the requester. For the
   * bookkeeping hosted Storage does as its superuser inside the same transaction (reading the old
   * version of an object an upsert replaces), never for the operation the policies must judge.
   */
  privileged<T extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

const setLocal = `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
  set_config('request.jwt.claim.sub', $3, true), set_config('request.jwt.claim.role', $1, true),
  set_config('request.method', $4, true)`;

/**
 * Runs `work` in one transaction on the `authenticator` pool as the requesting role with its claims,
 * as hosted Storage does, so RLS policies on storage.objects / storage.buckets decide. Deletes opt in
 * to `storage.allow_delete_query` for this transaction only.
 */
export async function asRequester<T>(
  ctx: StackContext,
  requester: Requester,
  work: (tx: Tx) => Promise<T>,
  options: { allowDelete?: boolean; method?: string; rollback?: boolean } = {},
): Promise<T> {
  const client: PoolClient = await ctx.apiPool.connect();
  const role = requester.role;
  const claims = JSON.stringify(requester.claims);
  const sub = typeof requester.claims.sub === 'string' ? requester.claims.sub : '';
  try {
    await client.query('begin');
    await client.query(setLocal, [role, claims, sub, options.method ?? '']);
    if (options.allowDelete) await client.query(`select set_config('storage.allow_delete_query', 'true', true)`);
    const tx: Tx = {
      query: async (sql, params) => (await client.query(sql, params)).rows,
      exec: async (sql, params) => (await client.query(sql, params)).rowCount ?? 0,
      privileged: async (sql, params) => {
        await client.query(`select set_config('role', 'service_role', true)`);
        try {
          return (await client.query(sql, params)).rows;
        } finally {
          await client.query(`select set_config('role', $1, true)`, [role]);
        }
      },
    };
    const result = await work(tx);
    // `rollback`: storage-api's testPermission — ask the policies, keep nothing.
    await client.query(options.rollback ? 'rollback' : 'commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
