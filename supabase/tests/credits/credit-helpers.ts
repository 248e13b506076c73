import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { adminQuery, makeClient, stackInfo } from 'supabase-local/testing';
import { expect } from 'vitest';
import { type Parent, signUpParent } from '../rls/family-helpers';

/** Runs SQL as the superuser: on the shared test database (adminQuery) or a scratch one (FreshDatabase.query). */
export type Query = <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;

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

/**
 * The ledger's invariants over every wallet (or the given families'): Σ deltas = balance (paid and
 * granted separately), never negative, seq 1..n with balance_after a running sum, each external
 * transaction applied once, each job reserved once and captured or released at most once (and only
 * after its reserve), and the lots' remaining credits = the granted balance. Returns the violations.
 */
export async function invariantViolations(familyIds?: string[], query: Query = adminQuery): Promise<string[]> {
  const scope = familyIds ? 'where w.family_id = any($1)' : '';
  const params = familyIds ? [familyIds] : [];
  const rows = await query<{ problem: string }>(
    `with w as (select * from public.wallets w ${scope}),
     l as (
       select l.*, sum(l.delta) over (partition by l.wallet_id order by l.seq) as running,
              row_number() over (partition by l.wallet_id order by l.seq) as n
         from public.credit_ledger l where l.wallet_id in (select id from w)
     )
     select 'wallet ' || w.id || ': sums ' || coalesce(s.paid, 0) || '/' || coalesce(s.granted, 0) || ' vs balances ' || w.paid_balance || '/' || w.granted_balance as problem
       from w left join (select wallet_id, sum(paid_delta) paid, sum(granted_delta) granted from l group by wallet_id) s on s.wallet_id = w.id
      where coalesce(s.paid, 0) <> w.paid_balance or coalesce(s.granted, 0) <> w.granted_balance
     union all
     select 'wallet ' || w.id || ': negative balance' from w where w.paid_balance < 0 or w.granted_balance < 0
     union all
     select 'wallet ' || w.id || ': last_seq ' || w.last_seq || ' vs ' || coalesce(max(l.seq), 0)
       from w left join l on l.wallet_id = w.id group by w.id, w.last_seq having w.last_seq <> coalesce(max(l.seq), 0)
     union all
     select 'row ' || l.id || ': seq ' || l.seq || ' at position ' || l.n || ', balance_after ' || l.balance_after || ' vs running ' || l.running
       from l where l.seq <> l.n or l.balance_after <> l.running or l.balance_after < 0
     union all
     select 'external tx ' || l.external_tx_id || ' applied ' || count(*) || ' times'
       from l where l.external_tx_id is not null group by l.external_tx_id having count(*) > 1
     union all
     select 'job ' || l.job_id || ': ' || count(*) filter (where l.reason = 'generation_reserve') || ' reserves, '
            || count(*) filter (where l.reason in ('generation_capture', 'generation_release')) || ' settlements'
       from l where l.job_id is not null group by l.job_id
     having count(*) filter (where l.reason = 'generation_reserve') <> 1
         or count(*) filter (where l.reason in ('generation_capture', 'generation_release')) > 1
     union all
     select 'wallet ' || w.id || ': lots hold ' || coalesce(sum(g.remaining), 0) || ', granted balance ' || w.granted_balance
       from w left join public.credit_grants g on g.wallet_id = w.id
      group by w.id, w.granted_balance having coalesce(sum(g.remaining), 0) <> w.granted_balance
     union all
     select 'hold of job ' || h.job_id || ' is ' || h.status || ' but the ledger says otherwise'
       from public.credit_holds h join w on w.id = h.wallet_id
      where (h.status = 'held') <> not exists (
              select 1 from public.credit_ledger x where x.job_id = h.job_id and x.reason in ('generation_capture', 'generation_release'))`,
    params,
  );
  return rows.map((r) => r.problem);
}

export async function expectInvariants(familyIds?: string[], query: Query = adminQuery) {
  expect(await invariantViolations(familyIds, query)).toEqual([]);
}

export type CallOutcome<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; detail?: string };

let pool: pg.Pool | undefined;

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
  pool ??= new pg.Pool({ connectionString: stackInfo().adminDbUrl, max: 40 });
  const client = await (on ?? pool).connect();
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
    await client.query('rollback').catch(() => {});
    const e = error as { code: string; message: string; detail?: string };
    return { ok: false, code: e.code, message: e.message, detail: e.detail };
  } finally {
    client.release();
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
