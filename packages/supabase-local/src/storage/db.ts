import type { QueryResultRow } from 'pg';
import { impersonate } from '../db/impersonate';
import { withTransaction } from '../db/transaction';
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
  const role = requester.role;
  const settings: Record<string, string> = { 'request.method': options.method ?? '' };
  if (options.allowDelete) settings['storage.allow_delete_query'] = 'true';
  // `rollback`: storage-api's testPermission — ask the policies, keep nothing.
  return withTransaction(
    ctx.apiPool,
    async (client) => {
      await impersonate(client, requester, settings);
      return work({
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
      });
    },
    { rollback: options.rollback },
  );
}
