import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from 'supabase-local';
import { adminQuery, stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { spawnWorker } from '../setup/worker-process';
import { expectInvariants, giveCredits, ledgerOf, newKey, runJob, signUpEmptyParent, walletOf } from './credit-helpers';

// The worker process (worker/main.ts) runs the jobs the database enqueues and the periodic ones; the
// global setup runs one beside the test stack with its crontab off, so these tests enqueue periodic
// jobs themselves.
async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out waiting');
}

describe('worker tasks', () => {
  it('purge_idempotency_keys removes keys past their 24 hours', async () => {
    const parent = await signUpEmptyParent();
    await giveCredits(parent.familyId, { paid: 5 });
    const key = newKey();
    await parent.client.rpc('spend_credits', { p_amount: 1, p_memo: 'x', p_idempotency_key: key });
    await adminQuery(`update private.idempotency_keys set expires_at = now() - interval '1 minute' where key = $1`, [
      key,
    ]);
    await runJob('purge_idempotency_keys');
    expect(await adminQuery('select 1 from private.idempotency_keys where key = $1', [key])).toEqual([]);
  });

  it('expire_granted_credits books out expired lots once', async () => {
    const parent = await signUpEmptyParent();
    await giveCredits(parent.familyId, { granted: 7, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    await runJob('expire_granted_credits');
    await runJob('expire_granted_credits');
    expect((await ledgerOf(parent.familyId)).map((r) => [r.reason, r.granted_delta])).toEqual([
      ['plan_grant', 7],
      ['expiry', -7],
    ]);
    expect((await walletOf(parent.familyId)).balance).toBe(0);
  });

  it("a hold's timeout, enqueued with the reserve, releases it when due; a captured hold is left alone", async () => {
    const parent = await signUpEmptyParent();
    await giveCredits(parent.familyId, { paid: 20 });
    const [timedOut, completed] = [randomUUID(), randomUUID()];
    await adminQuery(`select private.reserve_credits($1, $2, 5, null, interval '1 second')`, [
      parent.familyId,
      timedOut,
    ]);
    await adminQuery(`select private.reserve_credits($1, $2, 6, null, interval '1 second')`, [
      parent.familyId,
      completed,
    ]);
    await adminQuery('select private.capture_credits($1)', [completed]);
    await waitFor(async () => {
      const jobs = await adminQuery('select 1 from graphile_worker.jobs where key = any($1)', [
        [`hold:${timedOut}`, `hold:${completed}`],
      ]);
      return jobs.length === 0;
    });
    const holds = await adminQuery<{ job_id: string; status: string; settle_reason: string }>(
      'select job_id, status, settle_reason from public.credit_holds where family_id = $1 order by amount',
      [parent.familyId],
    );
    expect(holds).toEqual([
      { job_id: timedOut, status: 'released', settle_reason: 'timed out' },
      { job_id: completed, status: 'captured', settle_reason: 'completed' },
    ]);
    expect((await walletOf(parent.familyId)).balance).toBe(14);
    await runJob('release_expired_holds');
    await expectInvariants([parent.familyId]);
  });

  it('monthly_plan_grants runs through the worker and is idempotent', async () => {
    await runJob('monthly_plan_grants');
    await runJob('monthly_plan_grants');
    const [{ doubled }] = await adminQuery<{ doubled: number }>(
      `select count(*)::int as doubled from (
         select family_id from public.credit_ledger where external_tx_id like 'free:%'
          group by family_id, substr(external_tx_id, length(external_tx_id) - 6) having count(*) > 1) d`,
    );
    expect(doubled).toBe(0);
  });

  it("graphile-worker's schema is not reachable by any API role", async () => {
    const [row] = await adminQuery<Record<string, boolean>>(
      `select has_schema_privilege('anon', 'graphile_worker', 'usage') as anon,
              has_schema_privilege('authenticated', 'graphile_worker', 'usage') as authenticated,
              has_schema_privilege('service_role', 'graphile_worker', 'usage') as service_role`,
    );
    expect(row).toEqual({ anon: false, authenticated: false, service_role: false });
  });
});

describe('the worker killed mid-job', () => {
  it('is harmless: the job runs again after the restart and its effect applies once', {
    timeout: 120_000,
  }, async () => {
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, stackInfo().supabaseDir);
      const first = await spawnWorker(db.postgresUrl);
      const [{ id: userId }] = await db.query<{ id: string }>(
        `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                                 confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
         values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
                 'killed@example.test', '{}', '{}', now(), now(), '', '', '', '', false, false)
         returning id`,
      );
      const [{ family_id: family }] = await db.query<{ family_id: string }>(
        'select family_id from public.family_members where user_id = $1',
        [userId],
      );
      await db.query(`select private.credit_wallet($1, 'purchase', 30, 0)`, [family]);
      const jobId = randomUUID();
      // Hold the wallet lock so that the timeout job blocks inside its transaction.
      const blocker = new pg.Client({ connectionString: db.adminUrl });
      await blocker.connect();
      await blocker.query('begin');
      await db.query(`select private.reserve_credits($1, $2, 12, null, interval '1 second')`, [family, jobId]);
      await blocker.query('select 1 from public.wallets where family_id = $1 for update', [family]);
      await waitFor(
        async () =>
          (
            await db.query('select 1 from graphile_worker.jobs where key = $1 and locked_at is not null', [
              `hold:${jobId}`,
            ])
          ).length === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [{ locked_by: deadWorker }] = await db.query<{ locked_by: string }>(
        'select locked_by from graphile_worker.jobs where key = $1',
        [`hold:${jobId}`],
      );
      await first.kill();
      await blocker.query('rollback');
      await blocker.end();

      // What an operator (or graphile-worker after its 4-hour lock timeout) does for a dead worker.
      await db.query('select graphile_worker.force_unlock_workers($1)', [[deadWorker]]);
      const second = await spawnWorker(db.postgresUrl);
      try {
        await waitFor(
          async () =>
            (await db.query('select 1 from graphile_worker.jobs where key = $1', [`hold:${jobId}`])).length === 0,
        );
      } finally {
        await second.stop();
      }
      const ledger = await db.query<{ reason: string; delta: number }>(
        'select reason, delta from public.credit_ledger where family_id = $1 order by seq',
        [family],
      );
      expect(ledger.filter((r) => r.reason === 'generation_release')).toEqual([
        { reason: 'generation_release', delta: 12 },
      ]);
      const [wallet] = await db.query<{ paid_balance: number }>(
        'select paid_balance from public.wallets where family_id = $1',
        [family],
      );
      expect(wallet.paid_balance).toBe(30);
      await first.stop();
    });
  });
});
