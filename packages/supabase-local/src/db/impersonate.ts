import type { PoolClient } from 'pg';
import type { JwtClaims } from '../jwt';

/** Whom a transaction acts for: the database role and the verified JWT claims RLS policies read. */
export interface Impersonated {
  role: string;
  claims: JwtClaims;
}

/**
 * Makes the rest of the current transaction run as `who`, the way PostgREST / Storage / Realtime do
 * on hosted Supabase: `role` (the `authenticator` login may switch to any API role) and
 * `request.jwt.claims`, which `auth.uid()` / `auth.jwt()` read. The legacy per-claim settings
 * `request.jwt.claim.sub` / `.role` are set too because older policies and functions still read them.
 * `extra` holds the caller's own settings (e.g. `request.method`, `realtime.topic`).
 *
 * Everything is one `set_config(…, true)` statement: one round trip, and transaction-local, so
 * nothing leaks to the next user of the pooled connection. Must run inside a transaction.
 */
export async function impersonate(
  client: Pick<PoolClient, 'query'>,
  who: Impersonated,
  extra: Record<string, string> = {},
): Promise<void> {
  const sub = typeof who.claims.sub === 'string' ? who.claims.sub : '';
  const values = [who.role, JSON.stringify(who.claims), sub];
  // Extra names travel as parameters too, so no setting name is ever spliced into SQL.
  let extraSql = '';
  for (const [name, value] of Object.entries(extra)) {
    values.push(name, value);
    extraSql += `, set_config($${values.length - 1}, $${values.length}, true)`;
  }
  await client.query(
    `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
            set_config('request.jwt.claim.sub', $3, true), set_config('request.jwt.claim.role', $1, true)${extraSql}`,
    values,
  );
}
