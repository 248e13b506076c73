import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { adminQuery, anonClient, stackInfo } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, type Child, type Parent } from '../rls/family-helpers';
import { expectInvariants, giveCredits, ledgerOf, signUpEmptyParent, walletOf } from './credit-helpers';

// The wallet and its insert-only ledger: who reads them, that nobody rewrites them, granted credits
// first and expiring, reserve → capture/release for generation jobs, and a connection dying mid-debit.
let parentA: Parent;
let parentB: Parent;
let childA: Child;

beforeAll(async () => {
  [parentA, parentB] = await Promise.all([signUpEmptyParent(), signUpEmptyParent()]);
  childA = await addChild(parentA);
  await giveCredits(parentA.familyId, { paid: 50 });
  await giveCredits(parentB.familyId, { paid: 30 });
});

async function debit(familyId: string, amount: number) {
  try {
    const [row] = await adminQuery<{ paid_delta: number; granted_delta: number; balance_after: number }>(
      `select (d.entry).paid_delta, (d.entry).granted_delta, (d.entry).balance_after
         from private.debit_wallet($1, 'spend', $2) d`,
      [familyId, amount],
    );
    return row;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('wallets and ledger access', () => {
  it('every family has a wallet; parents read their own, nobody else does', async () => {
    const own = await parentA.client.from('wallets').select('family_id, balance, paid_balance, granted_balance');
    expect(own.data).toEqual([{ family_id: parentA.familyId, balance: 50, paid_balance: 50, granted_balance: 0 }]);
    const ledger = await parentA.client.from('credit_ledger').select('family_id, reason, delta').order('seq');
    expect(ledger.data).toEqual([
      { family_id: parentA.familyId, reason: 'plan_grant', delta: 10 },
      { family_id: parentA.familyId, reason: 'spend', delta: -10 },
      { family_id: parentA.familyId, reason: 'purchase', delta: 50 },
    ]);

    // Another family's parent, the child and anon see nothing.
    expect((await parentB.client.from('wallets').select('id').eq('family_id', parentA.familyId)).data).toEqual([]);
    expect((await parentB.client.from('credit_ledger').select('id').eq('family_id', parentA.familyId)).data).toEqual(
      [],
    );
    expect((await childA.client.from('wallets').select('id')).data).toEqual([]);
    expect((await childA.client.from('credit_ledger').select('id')).data).toEqual([]);
    const anon = anonClient();
    expect((await anon.from('wallets').select('id')).error?.message).toMatch(/permission denied/);
    expect((await anon.from('credit_ledger').select('id')).error?.message).toMatch(/permission denied/);
  });

  it('no API role can write wallets, ledger rows, lots or holds', async () => {
    const { data: wallet } = await parentA.client.from('wallets').select('id').single();
    const update = await parentA.client
      .from('wallets')
      .update({ paid_balance: 1_000_000 })
      .eq('id', wallet?.id ?? '');
    expect(update.error?.message).toMatch(/permission denied/);
    const insert = await parentA.client.from('credit_ledger').insert({
      wallet_id: wallet?.id,
      family_id: parentA.familyId,
      seq: 99,
      reason: 'purchase',
      paid_delta: 1000,
      granted_delta: 0,
      balance_after: 1050,
    });
    expect(insert.error?.message).toMatch(/permission denied/);
    expect(
      (await parentA.client.from('credit_ledger').delete().eq('family_id', parentA.familyId)).error?.message,
    ).toMatch(/permission denied/);
    expect((await parentA.client.from('credit_grants').insert({})).error?.message).toMatch(/permission denied/);
    expect((await parentA.client.from('credit_holds').delete().neq('id', randomUUID())).error?.message).toMatch(
      /permission denied/,
    );
    expect((await walletOf(parentA.familyId)).balance).toBe(50);
  });

  it('the ledger refuses UPDATE, DELETE and TRUNCATE even for the owner and the superuser', async () => {
    const owner = new pg.Client({ connectionString: stackInfo().dbUrl }); // postgres, the tables' owner
    await owner.connect();
    try {
      await expect(owner.query('update public.credit_ledger set paid_delta = 1000')).rejects.toThrow(
        /ledger_insert_only/,
      );
      await expect(owner.query('delete from public.credit_ledger')).rejects.toThrow(/ledger_insert_only/);
      await expect(owner.query('truncate public.credit_ledger')).rejects.toThrow(/ledger_insert_only/);
    } finally {
      await owner.end();
    }
    await expect(adminQuery('update public.credit_ledger set memo = $1', ['rewritten'])).rejects.toThrow(
      /ledger_insert_only/,
    );
    await expect(
      adminQuery('delete from public.credit_ledger where family_id = $1', [parentA.familyId]),
    ).rejects.toThrow(/ledger_insert_only/);
    expect(await ledgerOf(parentA.familyId)).toHaveLength(1);
  });
});

describe('debits', () => {
  it('refuses overdrafts and bad amounts, changing nothing', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 10 });
    expect(await debit(family.familyId, 11)).toBe('insufficient_credits');
    expect(await debit(family.familyId, 0)).toBe('credit_amount_range');
    expect(await debit(family.familyId, -5)).toBe('credit_amount_range');
    expect(await debit(family.familyId, 2_000_000)).toBe('credit_amount_range');
    expect(await debit(randomUUID(), 1)).toBe('wallet_not_found');
    expect(await debit(family.familyId, 10)).toMatchObject({ balance_after: 0 });
    expect(await debit(family.familyId, 1)).toBe('insufficient_credits');
    expect(await walletOf(family.familyId)).toMatchObject({ balance: 0, paid_balance: 0 });
    await expectInvariants([family.familyId]);
  });

  it('spends granted credits first, soonest-expiring lot first, then paid ones', async () => {
    const family = await signUpEmptyParent();
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const sooner = new Date(Date.now() + 86_400_000).toISOString();
    await giveCredits(family.familyId, { paid: 20 });
    await giveCredits(family.familyId, { granted: 5, expiresAt: later });
    await giveCredits(family.familyId, { granted: 5, expiresAt: sooner });
    expect(await debit(family.familyId, 7)).toMatchObject({ paid_delta: 0, granted_delta: -7, balance_after: 23 });
    const lots = await adminQuery<{ remaining: number; expires_at: Date }>(
      `select remaining, expires_at from public.credit_grants where family_id = $1 and ledger_id not in (select id from public.credit_ledger where external_tx_id like 'free:%') order by expires_at`,
      [family.familyId],
    );
    expect(lots.map((l) => l.remaining)).toEqual([0, 3]);
    expect(await debit(family.familyId, 5)).toMatchObject({ paid_delta: -2, granted_delta: -3, balance_after: 18 });
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 18, granted_balance: 0 });
    await expectInvariants([family.familyId]);
  });

  it('expired granted credits cannot be spent, and the expiry books them out once', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 3 });
    await giveCredits(family.familyId, { granted: 10, expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await debit(family.familyId, 5)).toBe('insufficient_credits');
    // The refused debit still booked the expiry (its transaction was rolled back with the refusal, so it
    // is the scheduled expiry that books it).
    const [{ expired }] = await adminQuery<{ expired: number }>('select private.expire_granted_credits() as expired');
    expect(expired).toBeGreaterThanOrEqual(1);
    const ledger = await ledgerOf(family.familyId);
    expect(ledger.filter((r) => r.reason === 'expiry').map((r) => r.granted_delta)).toEqual([-10]);
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 3, granted_balance: 0 });
    // A debit meeting an expired lot books the expiry itself before spending.
    await giveCredits(family.familyId, { granted: 4, expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect(await debit(family.familyId, 2)).toMatchObject({ paid_delta: -2, granted_delta: 0, balance_after: 1 });
    expect((await ledgerOf(family.familyId)).map((r) => r.reason)).toEqual([
      'purchase',
      'plan_grant',
      'expiry',
      'plan_grant',
      'expiry',
      'spend',
    ]);
    await expectInvariants([family.familyId]);
  });

  it('a connection killed between debit and commit leaves the balance unchanged', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 40 });
    const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
    await client.connect();
    client.on('error', () => {});
    await client.query('begin');
    await client.query(`select private.debit_wallet($1, 'spend', 25)`, [family.familyId]);
    const [{ pid }] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
    await adminQuery('select pg_terminate_backend($1)', [pid]);
    await expect(client.query('commit')).rejects.toThrow();
    await client.end().catch(() => {});
    expect(await walletOf(family.familyId)).toMatchObject({ balance: 40 });
    expect((await ledgerOf(family.familyId)).map((r) => r.reason)).toEqual(['purchase']);
    await expectInvariants([family.familyId]);
  });
});

describe('generation jobs: reserve → capture | release', () => {
  const reserve = (familyId: string, jobId: string, amount: number) =>
    adminQuery<{ status: string; paid_part: number; granted_part: number }>(
      'select * from private.reserve_credits($1, $2, $3)',
      [familyId, jobId, amount],
    );

  it('holds when a job starts and charges when it completes, once', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 30 });
    const jobId = randomUUID();
    expect((await reserve(family.familyId, jobId, 12))[0]).toMatchObject({ status: 'held', paid_part: 12 });
    // Reserving the same job again changes nothing; with another amount it is refused.
    await reserve(family.familyId, jobId, 12);
    await expect(reserve(family.familyId, jobId, 13)).rejects.toThrow(/job_already_reserved/);
    expect((await walletOf(family.familyId)).balance).toBe(18);
    // The timeout was enqueued in the reserving transaction.
    const jobs = await adminQuery('select 1 from graphile_worker.jobs where key = $1', [`hold:${jobId}`]);
    expect(jobs).toHaveLength(1);

    await adminQuery('select private.capture_credits($1)', [jobId]);
    await adminQuery('select private.capture_credits($1)', [jobId]);
    await expect(adminQuery('select private.release_credits($1)', [jobId])).rejects.toThrow(/hold_already_captured/);
    expect((await walletOf(family.familyId)).balance).toBe(18);
    expect((await ledgerOf(family.familyId)).map((r) => [r.reason, r.delta])).toEqual([
      ['purchase', 30],
      ['generation_reserve', -12],
      ['generation_capture', 0],
    ]);
    await expectInvariants([family.familyId]);
  });

  it('gives back what a failed job held, to the lots it came from, once; refuses unknown jobs and overdrafts', async () => {
    const family = await signUpEmptyParent();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    await giveCredits(family.familyId, { paid: 10 });
    await giveCredits(family.familyId, { granted: 6, expiresAt });
    const jobId = randomUUID();
    expect((await reserve(family.familyId, jobId, 9))[0]).toMatchObject({ paid_part: 3, granted_part: 6 });
    await expect(reserve(family.familyId, randomUUID(), 8)).rejects.toThrow(/insufficient_credits/);
    await adminQuery(`select private.release_credits($1, 'failed')`, [jobId]);
    await adminQuery(`select private.release_credits($1, 'failed')`, [jobId]);
    await expect(adminQuery('select private.capture_credits($1)', [jobId])).rejects.toThrow(/hold_already_released/);
    await expect(adminQuery('select private.capture_credits($1)', [randomUUID()])).rejects.toThrow(/hold_not_found/);
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 10, granted_balance: 6 });
    const [lot] = await adminQuery<{ remaining: number }>(
      `select remaining from public.credit_grants where family_id = $1 and ledger_id not in (select id from public.credit_ledger where external_tx_id like 'free:%')`,
      [family.familyId],
    );
    expect(lot.remaining).toBe(6);
    await expectInvariants([family.familyId]);
  });

  it('concurrent captures and releases of one job settle it exactly once', async () => {
    const family = await signUpEmptyParent();
    await giveCredits(family.familyId, { paid: 100 });
    const jobIds = Array.from({ length: 10 }, () => randomUUID());
    await Promise.all(jobIds.map((id) => reserve(family.familyId, id, 5)));
    const outcomes = await Promise.all(
      jobIds.flatMap((id) => [
        adminQuery('select private.capture_credits($1)', [id]).then(
          () => 'captured',
          (e: Error) => e.message,
        ),
        adminQuery(`select private.release_credits($1, 'failed')`, [id]).then(
          () => 'released',
          (e: Error) => e.message,
        ),
      ]),
    );
    expect(outcomes.filter((o) => o === 'captured' || o === 'released')).toHaveLength(10);
    const holds = await adminQuery<{ status: string }>('select status from public.credit_holds where family_id = $1', [
      family.familyId,
    ]);
    const captured = holds.filter((h) => h.status === 'captured').length;
    expect((await walletOf(family.familyId)).balance).toBe(100 - 5 * captured);
    await expectInvariants([family.familyId]);
  });
});
