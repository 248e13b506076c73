import type { Pool } from 'pg';
import { impersonate } from '../db/impersonate';
import { withTransaction } from '../db/transaction';
import type { Identity } from './auth';

export interface Policies {
  broadcast: { read: boolean; write: boolean };
  presence: { read: boolean; write: boolean };
}

export const ALL_ALLOWED: Policies = { broadcast: { read: true, write: true }, presence: { read: true, write: true } };

/**
 * Realtime's Authorization module (lib/realtime/tenants/authorization.ex): RLS on realtime.messages decides
 * what a subscriber may do on a private channel. In a transaction that is always rolled back, probe rows are
 * inserted with a privileged role, then, as the subscriber (role, claims, realtime.topic), read permission is
 * "the probe row is visible" and write permission is "an insert succeeds".
 */
export async function authorizeTopic(
  pool: Pool,
  topic: string,
  identity: Identity,
  headers: Record<string, string> = {},
): Promise<Policies> {
  return withTransaction(
    pool,
    async (client) => {
      try {
        // authenticator may SET ROLE to any of its member roles; service_role writes the probes past RLS.
        await client.query("select set_config('role', 'service_role', true)");
        const probes = await client.query<{ id: string; extension: string }>(
          `insert into realtime.messages (topic, extension, private)
           values ($1, 'broadcast', true), ($1, 'presence', true) returning id, extension`,
          [topic],
        );
        await impersonate(client, identity, { 'realtime.topic': topic, 'request.headers': JSON.stringify(headers) });
        const visible = await client.query<{ extension: string }>(
          'select extension from realtime.messages where id = any($1::uuid[])',
          [probes.rows.map((r) => r.id)],
        );
        const readable = new Set(visible.rows.map((r) => r.extension));
        const canWrite = async (extension: string) => {
          await client.query('savepoint write_check');
          try {
            await client.query('insert into realtime.messages (topic, extension) values ($1, $2)', [topic, extension]);
            await client.query('release savepoint write_check');
            return true;
          } catch {
            await client.query('rollback to savepoint write_check');
            return false;
          }
        };
        return {
          broadcast: { read: readable.has('broadcast'), write: await canWrite('broadcast') },
          presence: { read: readable.has('presence'), write: await canWrite('presence') },
        };
      } catch (error) {
        // A policy that errors (or a role the authenticator cannot assume) denies, as RlsPolicyError does
        // upstream; the aborted transaction is still rolled back by withTransaction.
        if (isConnectionError(error)) throw error;
        return { broadcast: { read: false, write: false }, presence: { read: false, write: false } };
      }
    },
    // Probe rows and write checks are never kept.
    { rollback: true },
  );
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return !code || code.startsWith('08') || code === '57P01';
}
