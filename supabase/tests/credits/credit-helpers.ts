import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { adminQuery, makeClient, stackInfo } from 'supabase-local/testing';
import { expect } from 'vitest';
import { contractOf, type Parent, signUpParent } from '../rls/family-helpers';
import { ledgerInvariantViolations, type Query } from './ledger-invariants';

/** Runs SQL as the superuser: on the shared test database (adminQuery) or a scratch one (FreshDatabase.query). */
export type { Query };

/** A fresh idempotency key (36 characters, within Stripe's 16-255). */
export const newKey = () => `key-${randomUUID()}`;

export type Wallet = { id: string; family_id: string; paid_balance: number; granted_balance: number; balance: number };

export async function walletOf(familyId: string): Promise<Wallet> {
  const [wallet] = await adminQuery<Wallet>('select * from public.wallets where family_id = $1', [familyId]);
  return wallet;
}

const START_FROM_ZERO = 'Test: start from zero';

/**
 * A parent who signed up, with a wallet back at zero: every family starts with the Free plan's month
 * of credits (10, granted), which this spends so that tests can count from nothing.
 */
export async function signUpEmptyParent(): Promise<Parent> {
  const parent = await signUpParent();
  await adminQuery(`select private.debit_wallet($1, 'spend', 10, null, null, $2)`, [parent.familyId, START_FROM_ZERO]);
  return parent;
}

/** The family's ledger rows in order, without the sign-up's free month and the spend that emptied it. */
export async function ledgerOf(familyId: string, query: Query = adminQuery) {
  return query<{
    seq: number;
    reason: string;
    delta: number;
    paid_delta: number;
    granted_delta: number;
    balance_after: number;
    actor_id: string | null;
    external_tx_id: string | null;
    job_id: string | null;
    memo: string | null;
  }>(
    `select * from public.credit_ledger
      where family_id = $1 and coalesce(memo, '') <> $2 and coalesce(external_tx_id, '') not like 'free:%'
      order by seq`,
    [familyId, START_FROM_ZERO],
  );
}

/** Puts credits in a wallet the way the system does (private.credit_wallet), as the database owner. */
export async function giveCredits(
  familyId: string,
  { paid = 0, granted = 0, expiresAt = null }: { paid?: number; granted?: number; expiresAt?: string | null },
) {
  await adminQuery(`select private.credit_wallet($1, $2, $3, $4, null, null, 'test credits', $5)`, [
    familyId,
    paid > 0 ? 'purchase' : 'plan_grant',
    paid,
    granted,
    expiresAt,
  ]);
}

/** The ledger's invariants (ledger-invariants.ts) over every wallet or the given families'. */
export async function invariantViolations(familyIds?: string[], query: Query = adminQuery): Promise<string[]> {
  return ledgerInvariantViolations(query, familyIds);
}

export async function expectInvariants(familyIds?: string[], query: Query = adminQuery) {
  expect(await invariantViolations(familyIds, query)).toEqual([]);
}

export type CallOutcome<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; detail?: string };

let pool: pg.Pool | undefined;
const sharedPool = () => {
  pool ??= new pg.Pool({ connectionString: stackInfo().adminDbUrl, max: 40 });
  return pool;
};

/**
 * Calls SQL as a signed-in user the way /rest/v1 does (role authenticated, the user's JWT claims, one
 * transaction), straight to Postgres: concurrency tests use this so that the database's locks decide.
 * Connections come from a pool of 40 (Postgres allows 100 in all), so 200 calls fired at once run
 * 40 at a time, each its own transaction. `on` takes another pool (a scratch database's); `role`
 * service_role calls as the server does (userId null: no user).
 */
export async function callAs<T = unknown>(
  userId: string | null,
  sql: string,
  params: unknown[] = [],
  { on, role = 'authenticated' }: { on?: pg.Pool; role?: 'authenticated' | 'service_role' } = {},
): Promise<CallOutcome<T>> {
  const client = await (on ?? sharedPool()).connect();
  // A connection may die mid-request (the crash test kills Postgres): its late 'error' event is expected,
  // and a broken connection is destroyed rather than handed back to the pool.
  client.on('error', () => {});
  let broken = false;
  try {
    await client.query('begin');
    await client.query(`select set_config('request.jwt.claims', $1, true), set_config('role', $2, true)`, [
      JSON.stringify({ sub: userId, role }),
      role,
    ]);
    const { rows } = await client.query(sql, params);
    await client.query('commit');
    return { ok: true, value: Object.values(rows[0] ?? {})[0] as T };
  } catch (error) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    const e = contractOf(error as { code: string; message: string; detail?: string });
    return { ok: false, code: e.code, message: e.message, detail: e.detail };
  } finally {
    client.removeAllListeners('error');
    client.release(broken);
  }
}

/** Runs a graphile-worker job through the running worker and waits until it is done (or failed). */
export async function runJob(identifier: string, payload: Record<string, unknown> = {}, timeoutMs = 20_000) {
  const [{ id }] = await adminQuery<{ id: string }>('select (graphile_worker.add_job($1, $2::json)).id', [
    identifier,
    JSON.stringify(payload),
  ]);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [job] = await adminQuery<{ attempts: number; last_error: string | null }>(
      'select attempts, last_error from graphile_worker.jobs where id = $1',
      [id],
    );
    if (!job) return; // done: graphile-worker deletes completed jobs
    if (job.last_error) throw new Error(`job ${identifier} failed: ${job.last_error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${identifier} did not finish in ${timeoutMs} ms`);
}

/**
 * A guest: Auth's anonymous sign-in (supabase-js signInAnonymously), which stores an auth user with
 * is_anonymous = true and returns a session. The families trigger gives the guest a family of which
 * they are the parent, as for every grown-up.
 */
export async function createGuest(): Promise<{ id: string; familyId: string; client: SupabaseClient }> {
  const client = makeClient();
  const { data, error } = await client.auth.signInAnonymously();
  if (error || !data.user) throw error ?? new Error('no anonymous user');
  const [{ family_id: familyId }] = await adminQuery<{ family_id: string }>(
    'select family_id from public.family_members where user_id = $1',
    [data.user.id],
  );
  return { id: data.user.id, familyId, client };
}
