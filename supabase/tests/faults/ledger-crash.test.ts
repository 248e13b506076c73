import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freeStackPorts, type RunningStack, startStack } from 'supabase-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, invariantViolations, type Query } from '../credits/credit-helpers';
import { LIFT_RATE_LIMITS_SQL } from '../setup/rate-limits';

// Issue 9's crash fault: PostgreSQL killed with SIGKILL (postmaster and every backend at once, as a
// power cut would leave it, minus the disk) in the middle of a mixed ledger load, then restarted on the
// same data folder. Every operation the database acknowledged must be there after crash recovery, the
// ledger's invariants must hold, and retrying every request with its idempotency key or event id
// (what a client or the payment provider does after an error) applies each exactly once.
// Its own stack with durable settings (not `ephemeral`, whose synchronous_commit=off may lose
// acknowledged commits on a crash), so killing it touches no other test.

const SUPABASE_DIR = path.resolve(import.meta.dirname, '../..');
const FAMILIES = 12;
const CLIENTS = 16;

type Request =
  | { kind: 'spend'; userId: string; familyId: string; key: string }
  | { kind: 'purchase'; userId: string; familyId: string; key: string; eventId: string; txId: string };
type Outcome = { request: Request; acked: boolean; response?: unknown };

let dataDir: string;
let stack: RunningStack | undefined;
let pool: pg.Pool | undefined;
const families: { userId: string; familyId: string }[] = [];

async function start(reset: boolean) {
  stack = await startStack({
    supabaseDir: SUPABASE_DIR,
    overrides: { dataDir, ...(await freeStackPorts()), databaseUrl: undefined },
    reset,
    seed: false,
  });
  pool = new pg.Pool({ connectionString: stack.adminDbUrl, max: CLIENTS + 2 });
  // The crash breaks idle connections too; the requests' own errors are what the test looks at.
  pool.on('error', () => {});
}

const step = (what: string) => console.log(`ledger crash: ${what} at ${new Date().toISOString()}`);

const query: Query = async (sql, params) => (await (pool as pg.Pool).query(sql, params)).rows;

/** The postmaster and all its children (backends, WAL writer, checkpointer…), killed at once. */
async function killPostgres() {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  const postmaster = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command (which may hold spaces, in parentheses): state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  for (const pid of [postmaster, ...children]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return children.length;
}

function spend(r: Extract<Request, { kind: 'spend' }>, on: pg.Pool) {
  return callAs(r.userId, 'select public.spend_credits(1, $1, $1)', [r.key], { on });
}

async function purchase(r: Extract<Request, { kind: 'purchase' }>, on: pg.Pool) {
  const created = await callAs<{ purchase_id: string; price_cents: number; currency: string }>(
    r.userId,
    `select public.create_purchase('credits', 'starter', 'sandbox', $1)`,
    [r.key],
    { on },
  );
  if (!created.ok) return created;
  const { purchase_id, price_cents, currency } = created.value;
  return callAs(
    null,
    `select public.apply_payment_event('sandbox', $1, 'purchase_paid', now(), $2)`,
    [r.eventId, { purchase_id, external_tx_id: r.txId, amount_cents: price_cents, currency }],
    { on, role: 'service_role' },
  );
}

/** One request; a connection the crash broke (or could not open) counts as not acknowledged. */
async function send(r: Request, on: pg.Pool) {
  try {
    return await (r.kind === 'spend' ? spend(r, on) : purchase(r, on));
  } catch (error) {
    return { ok: false as const, code: 'connection', message: (error as Error).message };
  }
}

function nextRequest(i: number): Request {
  // A third of the spends go to one hot wallet, so the crash also lands on a queue of row locks.
  const family = i % 3 === 0 ? families[0] : families[i % FAMILIES];
  const key = `crash-${randomUUID()}`;
  if (i % 7 === 0) return { kind: 'purchase', ...family, key, eventId: `evt_${key}`, txId: `pi_${key}` };
  // (the ledger row of a payment carries 'payment:' + the provider's transaction id)
  return { kind: 'spend', ...family, key };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tf-ledger-crash-'));
  await start(true);
  // Parents (their families and wallets come from the sign-up triggers), each wallet well stocked.
  const users = await query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at,
                             updated_at, confirmation_token, recovery_token, email_change_token_new, email_change,
                             is_sso_user, is_anonymous)
     select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
            'crash-' || g || '@example.test', '{}', '{}', now(), now(), '', '', '', '', false, false
       from generate_series(1, $1) g
     returning id`,
    [FAMILIES],
  );
  const members = await query<{ user_id: string; family_id: string }>(
    'select user_id, family_id from public.family_members where user_id = any($1)',
    [users.map((u) => u.id)],
  );
  for (const m of members) families.push({ userId: m.user_id, familyId: m.family_id });
  await query(LIFT_RATE_LIMITS_SQL);
  await query(`select private.credit_wallet(f, 'purchase', 100000, 0) from unnest($1::uuid[]) f`, [
    families.map((f) => f.familyId),
  ]);
}, 120_000);

afterAll(async () => {
  await pool?.end().catch(() => {});
  await stack?.stop().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL killed under a mixed ledger load', () => {
  it('keeps every acknowledged operation, the invariants hold, and retries apply each request once', async () => {
    const outcomes: Outcome[] = [];
    let n = 0;
    let killed = false;
    const load = pool as pg.Pool;
    const workers = Array.from({ length: CLIENTS }, async () => {
      while (!killed) {
        const request = nextRequest(n++);
        const result = await send(request, load);
        outcomes.push({ request, acked: result.ok, response: result.ok ? result.value : undefined });
        if (!result.ok && !killed) throw new Error(`refused before the crash: ${result.code} ${result.message}`);
      }
    });
    // Let the load build up, then pull the plug while requests are in flight.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const backends = await killPostgres();
    killed = true;
    await Promise.all(workers);
    const acked = outcomes.filter((o) => o.acked);
    const inFlight = outcomes.filter((o) => !o.acked);
    console.log(
      `ledger crash: ${acked.length} acknowledged, ${inFlight.length} cut off, ${backends} postgres processes killed with the postmaster`,
    );
    expect(acked.length).toBeGreaterThan(50);
    expect(inFlight.length).toBeGreaterThan(0);

    step('stopping the stack');
    await pool?.end().catch(() => {});
    await stack?.stop().catch(() => {});
    step('restarting');
    await start(false); // crash recovery replays the WAL
    step('restarted');

    // Every acknowledged spend is in the ledger under the id it was given; every acknowledged payment is paid.
    const spentIds = acked
      .filter((o) => o.request.kind === 'spend')
      .map((o) => (o.response as { ledger_id: string }).ledger_id);
    const found = await query<{ n: number }>('select count(*)::int as n from public.credit_ledger where id = any($1)', [
      spentIds,
    ]);
    expect(found[0].n).toBe(spentIds.length);
    const paidTx = acked
      .filter((o) => o.request.kind === 'purchase')
      .map((o) => `payment:${(o.request as { txId: string }).txId}`);
    const paid = await query<{ n: number }>(
      `select count(*)::int as n from public.credit_ledger where reason = 'purchase' and external_tx_id = any($1)`,
      [paidTx],
    );
    expect(paid[0].n).toBe(paidTx.length);
    const ids = families.map((f) => f.familyId);
    expect(await invariantViolations(ids, query)).toEqual([]);

    step('checked the acknowledged operations');
    // Every request again, with its key or event id: acknowledged spends answer what they answered.
    const retryPool = pool as pg.Pool;
    for (const o of outcomes) {
      const again = await send(o.request, retryPool);
      expect(again.ok, `${o.request.kind} ${o.request.key} after the crash`).toBe(true);
      if (o.acked && o.request.kind === 'spend') expect(again.ok && again.value).toEqual(o.response);
    }
    const perKey = await query<{ memo: string; n: number }>(
      `select memo, count(*)::int as n from public.credit_ledger where memo like 'crash-%' group by memo having count(*) <> 1`,
    );
    expect(perKey).toEqual([]);
    const spends = outcomes.filter((o) => o.request.kind === 'spend').length;
    const [{ n: spendRows }] = await query<{ n: number }>(
      `select count(*)::int as n from public.credit_ledger where memo like 'crash-%'`,
    );
    expect(spendRows).toBe(spends);
    const perTx = await query<{ n: number }>(
      `select count(*)::int as n from public.credit_ledger where reason = 'purchase' and external_tx_id = any($1)`,
      [
        outcomes
          .filter((o) => o.request.kind === 'purchase')
          .map((o) => `payment:${(o.request as { txId: string }).txId}`),
      ],
    );
    expect(perTx[0].n).toBe(outcomes.filter((o) => o.request.kind === 'purchase').length);
    expect(await invariantViolations(ids, query)).toEqual([]);
  }, 180_000);
});
