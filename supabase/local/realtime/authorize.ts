import type { Pool, PoolClient } from 'pg';
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
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    // authenticator may SET ROLE to any of its member roles; service_role writes the probes past RLS.
    await client.query("select set_config('role', 'service_role', true)");
    const probes = await client.query<{ id: string; extension: string }>(
      `insert into realtime.messages (topic, extension, private)
       values ($1, 'broadcast', true), ($1, 'presence', true) returning id, extension`,
      [topic],
    );
    await client.query(
      `select set_config('role', $1, true), set_config('realtime.topic', $2, true),
              set_config('request.jwt.claims', $3, true), set_config('request.jwt.claim.sub', $4, true),
              set_config('request.jwt.claim.role', $1, true), set_config('request.headers', $5, true)`,
      [
        identity.role,
        topic,
        JSON.stringify(identity.claims),
        typeof identity.claims.sub === 'string' ? identity.claims.sub : '',
        JSON.stringify(headers),
      ],
    );
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
    // A policy that errors (or a role the authenticator cannot assume) denies, as RlsPolicyError does upstream.
    broken = !(await rollback(client));
    if (isConnectionError(error)) throw error;
    return { broadcast: { read: false, write: false }, presence: { read: false, write: false } };
  } finally {
    if (!broken) await rollback(client);
    client.release(broken);
  }
}

async function rollback(client: PoolClient): Promise<boolean> {
  try {
    await client.query('rollback');
    return true;
  } catch {
    return false;
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return !code || code.startsWith('08') || code === '57P01';
}
