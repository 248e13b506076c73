import type pg from 'pg';

// The credit ledger's invariants as one query, shared by the database tests (credit-helpers.ts) and the
// load script (scripts/test-load.ts), which runs outside Vitest.

/** Runs SQL as the superuser and returns the rows. */
export type Query = <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * The ledger's invariants over every wallet (or the given families'): Σ deltas = balance (paid and
 * granted separately), never negative, seq 1..n with balance_after a running sum, each external
 * transaction applied once, each job reserved once and captured or released at most once (and only
 * after its reserve), and the lots' remaining credits = the granted balance. Returns the violations.
 */
export async function ledgerInvariantViolations(query: Query, familyIds?: string[]): Promise<string[]> {
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
