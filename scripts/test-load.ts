// `npm run test:load [-- --quick]`: issue 9's load check. 64 concurrent clients (16 with --quick) run
// 10,000 mixed operations (1,500 with --quick) through the stack's HTTP API with supabase-js, as
// browsers and the webhook route would: password sign-ins, spends with idempotency keys (and their
// replays), purchases completed by provider events (some delivered twice), wallet and ledger reads,
// plan reads, overdrafts, votes (changed at will) and chat in one live session everyone joined, and
// bad input. Passes when no request answers 5xx, every answer is one the operation allows, the
// ledger's invariants hold over every wallet afterwards, and the live session holds exactly what was
// acknowledged: one vote per voter (their last choice) and every accepted chat message once. Prints figures per
// operation; the timings are for reading, not asserted.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { freeStackPorts, percentile, startStack } from 'supabase-local';
import { TEST_RUNNER_IS_PROXY } from 'supabase-local/testing';
import ws from 'ws';
import { ledgerInvariantViolations } from '../supabase/tests/credits/ledger-invariants';
import { LIFT_RATE_LIMITS_SQL } from '../supabase/tests/setup/rate-limits';

const quick = process.argv.includes('--quick');
const CLIENTS = quick ? 16 : 64;
const OPERATIONS = quick ? 1500 : 10_000;
const PASSWORD = `load-${randomUUID()}`;
const SUPABASE_DIR = path.resolve(import.meta.dirname, '../supabase');
const PUBLIC_STORY = '5eed0000-0000-4000-8000-000000000001'; // the seed's public 4-6 story

type Outcome = { status: number; code?: string };
type Parent = { email: string; client: SupabaseClient; address: string; id?: string };
type Operation = {
  name: string;
  weight: number;
  run: (p: Parent) => Promise<Outcome>;
  allowed: (o: Outcome) => boolean;
};

const dataDir = await mkdtemp(path.join(tmpdir(), 'tf-load-'));
const stack = await startStack({
  supabaseDir: SUPABASE_DIR,
  // Each virtual client names its own address (X-Forwarded-For), as the browsers behind a proxy would,
  // so Auth's per-address limits count per client rather than for the whole run.
  overrides: { dataDir, ...(await freeStackPorts()), databaseUrl: undefined, trustedProxies: TEST_RUNNER_IS_PROXY },
  reset: true,
  // The seed's public story is what the live session reads.
  seed: true,
  ephemeral: true,
});
const admin = new pg.Pool({ connectionString: stack.adminDbUrl, max: 4 });
const query = async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
  (await admin.query<T>(sql, params)).rows;

function client(key: string, address: string): SupabaseClient {
  return createClient(stack.url, key, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'x-forwarded-for': address } },
  });
}
const service = client(stack.keys.serviceRole, '198.19.255.1');

/** supabase-js answers carry the HTTP status; Auth's and PostgREST's errors a code. */
function outcome(r: { status?: number; error: { code?: string; status?: number } | null }): Outcome {
  return { status: r.status ?? r.error?.status ?? 200, code: r.error?.code };
}

async function spendWithAnswer(p: Parent, amount: number, key = `load-${randomUUID()}`) {
  const r = await p.client.rpc('spend_credits', { p_amount: amount, p_memo: 'load', p_idempotency_key: key });
  return { ...outcome(r), answer: JSON.stringify(r.data) };
}
const spend = async (p: Parent, amount: number, key?: string): Promise<Outcome> => {
  const { status, code } = await spendWithAnswer(p, amount, key);
  return { status, code };
};

async function purchase(p: Parent, twice: boolean): Promise<Outcome> {
  const created = await p.client.rpc('create_purchase', {
    p_kind: 'credits',
    p_code: 'starter',
    p_provider: 'sandbox',
    p_idempotency_key: `load-${randomUUID()}`,
  });
  if (created.error) return outcome(created);
  const made = created.data as { purchase_id: string; price_cents: number; currency: string };
  const event = {
    p_provider: 'sandbox',
    p_event_id: `evt_${randomUUID()}`,
    p_type: 'purchase_paid',
    p_occurred_at: new Date().toISOString(),
    p_data: {
      purchase_id: made.purchase_id,
      external_tx_id: `pi_${randomUUID()}`,
      amount_cents: made.price_cents,
      currency: made.currency,
    },
  };
  const first = await service.rpc('apply_payment_event', event);
  if (first.error || !twice) return outcome(first);
  return outcome(await service.rpc('apply_payment_event', event));
}

/** A parent whose wallet holds only the Free plan's month (10 credits): every overdraft goes here. */
let broke: Parent;

/** The live session every client joined, with its round open for the whole run. */
let live: { sessionId: string; roundId: string; choiceIds: string[] };
/** What the live session was told and acknowledged: each voter's last choice, each chat message. */
const lastVote = new Map<string, string>();
const chatAccepted = new Set<string>();

async function vote(p: Parent, i: number): Promise<Outcome> {
  const choice = live.choiceIds[i % live.choiceIds.length];
  const r = await p.client.rpc('cast_vote', { p_round_id: live.roundId, p_choice_id: choice });
  if (!r.error && p.id) lastVote.set(p.id, choice);
  return outcome(r);
}

async function chat(p: Parent): Promise<Outcome> {
  const body = `load ${randomUUID()}`;
  const r = await p.client.rpc('send_chat_message', { p_session_id: live.sessionId, p_body: body });
  if (!r.error) chatAccepted.add(body);
  return outcome(r);
}

const ok = (o: Outcome) => o.status >= 200 && o.status < 300;
const OPERATIONS_MIX: Operation[] = [
  { name: 'spend', weight: 40, run: (p) => spend(p, 1), allowed: ok },
  {
    name: 'spend replayed (same key)',
    weight: 5,
    run: async (p) => {
      const key = `load-${randomUUID()}`;
      const first = await spendWithAnswer(p, 2, key);
      if (!ok(first)) return first;
      const again = await spendWithAnswer(p, 2, key);
      // A replay answers exactly what the first request answered (and spends nothing more).
      return again.answer === first.answer ? again : { status: 0, code: 'replay answered differently' };
    },
    allowed: ok,
  },
  {
    name: 'key reused for another amount',
    weight: 3,
    run: async (p) => {
      const key = `load-${randomUUID()}`;
      const first = await spend(p, 1, key);
      return ok(first) ? spend(p, 3, key) : first;
    },
    // Our error classes (TF400/TF409…) reach PostgREST as custom SQLSTATEs, which it answers with 400.
    allowed: (o) => o.code === 'TF409',
  },
  { name: 'spend of 0 (bad input)', weight: 4, run: (p) => spend(p, 0), allowed: (o) => o.code === 'TF400' },
  { name: 'overdraft', weight: 4, run: () => spend(broke, 50), allowed: (o) => o.code === 'TF409' },
  { name: 'purchase', weight: 7, run: (p) => purchase(p, false), allowed: ok },
  { name: 'purchase, event delivered twice', weight: 3, run: (p) => purchase(p, true), allowed: ok },
  {
    name: 'wallet and ledger read',
    weight: 16,
    run: async (p) => {
      const wallet = await p.client.from('wallets').select('balance, paid_balance, granted_balance').single();
      if (wallet.error) return outcome(wallet);
      return outcome(
        await p.client.from('credit_ledger').select('seq, reason, delta, balance_after').order('seq').limit(20),
      );
    },
    allowed: ok,
  },
  { name: 'vote (or change it)', weight: 8, run: (p) => vote(p, Math.floor(Math.random() * 1000)), allowed: ok },
  {
    name: 'vote for a choice not in the round',
    weight: 2,
    run: async (p) => outcome(await p.client.rpc('cast_vote', { p_round_id: live.roundId, p_choice_id: randomUUID() })),
    allowed: (o) => o.code === 'TF400' || o.code === 'TF409',
  },
  {
    name: 'chat message',
    weight: 6,
    run: (p) => chat(p),
    // Slow mode refuses a second message within its seconds with 429 + Retry-After, by design.
    allowed: (o) => ok(o) || o.code === 'TF429',
  },
  {
    name: 'chat message over 500 characters',
    weight: 1,
    run: async (p) =>
      outcome(await p.client.rpc('send_chat_message', { p_session_id: live.sessionId, p_body: 'x'.repeat(501) })),
    allowed: (o) => o.code === 'TF400',
  },
  { name: 'plan read', weight: 8, run: async (p) => outcome(await p.client.rpc('get_my_plan')), allowed: ok },
  {
    name: 'password sign-in',
    weight: 10,
    run: async (p) =>
      outcome(await client(stack.keys.anon, p.address).auth.signInWithPassword({ email: p.email, password: PASSWORD })),
    allowed: ok,
  },
];
const totalWeight = OPERATIONS_MIX.reduce((sum, o) => sum + o.weight, 0);
function pick(i: number): Operation {
  // A fixed interleaving (a multiplicative hash of the index), so runs are comparable.
  let at = (i * 2654435761) % totalWeight;
  for (const op of OPERATIONS_MIX) {
    if (at < op.weight) return op;
    at -= op.weight;
  }
  return OPERATIONS_MIX[0];
}

let failed = false;
try {
  console.log(
    `test:load — ${CLIENTS} clients, ${OPERATIONS} operations${quick ? ' (quick)' : ''}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  // One parent per client, signed up through Auth from its own address (each gets a family and wallet),
  // with credits bought for the run.
  const parents: Parent[] = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      const address = `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}`;
      const email = `load-${i}-${randomUUID().slice(0, 8)}@example.test`;
      const c = client(stack.keys.anon, address);
      const { error } = await c.auth.signUp({ email, password: PASSWORD });
      if (error) throw new Error(`sign-up ${email}: ${error.message}`);
      return { email, client: c, address };
    }),
  );
  await query(`select private.credit_wallet(w.family_id, 'purchase', 1000000, 0) from public.wallets w`);
  await query(LIFT_RATE_LIMITS_SQL);
  broke = {
    email: `load-broke-${randomUUID().slice(0, 8)}@example.test`,
    address: '198.19.0.1',
    client: client(stack.keys.anon, '198.19.0.1'),
  };
  const signedUp = await broke.client.auth.signUp({ email: broke.email, password: PASSWORD });
  if (signedUp.error) throw new Error(`sign-up ${broke.email}: ${signedUp.error.message}`);

  // One live session: the first parent hosts, everyone joins by code, a round stays open all run.
  for (const p of parents) p.id = (await p.client.auth.getUser()).data.user?.id;
  const [host] = parents;
  const created = await host.client.rpc('create_live_session', { p_title: 'Load night' });
  if (created.error) throw created.error;
  const session = created.data as { id: string; join_code: string };
  for (const p of parents.slice(1)) {
    const joined = await p.client.rpc('join_live_session', { p_code: session.join_code });
    if (joined.error) throw joined.error;
  }
  const picked = await host.client.rpc('pick_lobby_story', { p_session_id: session.id, p_story_id: PUBLIC_STORY });
  if (picked.error) throw picked.error;
  const opened = await host.client.rpc('open_round', { p_session_id: session.id, p_seconds: 1800 });
  if (opened.error) throw opened.error;
  const round = opened.data as { id: string; choice_ids: string[] };
  live = { sessionId: session.id, roundId: round.id, choiceIds: round.choice_ids };

  const timings = new Map<string, number[]>();
  const unexpected = new Map<string, number>();
  let serverErrors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    parents.map(async (parent) => {
      while (next < OPERATIONS) {
        const op = pick(next++);
        const t0 = performance.now();
        const result = await op.run(parent).catch((error: Error) => ({ status: 0, code: error.message }));
        const ms = performance.now() - t0;
        timings.set(op.name, [...(timings.get(op.name) ?? []), ms]);
        if (result.status >= 500) serverErrors++;
        if (!op.allowed(result)) {
          const what = `${op.name}: ${result.status} ${result.code ?? ''}`.trim();
          unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${OPERATIONS} operations in ${seconds.toFixed(1)} s: ${(OPERATIONS / seconds).toFixed(0)} per second`);
  for (const [name, list] of timings) {
    const sorted = list.sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(32)} ${String(sorted.length).padStart(5)}   p50 ${percentile(sorted, 50).toFixed(1)} ms   p95 ${percentile(sorted, 95).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms`,
    );
  }
  const violations = await ledgerInvariantViolations(query);
  const [{ wallets, rows }] = await query<{ wallets: number; rows: number }>(
    'select (select count(*) from public.wallets)::int as wallets, (select count(*) from public.credit_ledger)::int as rows',
  );
  console.log(`5xx answers: ${serverErrors}`);
  console.log(`unexpected answers: ${[...unexpected.values()].reduce((a, b) => a + b, 0)}`);
  for (const [what, n] of unexpected) console.log(`  ${n} × ${what}`);
  console.log(`ledger invariants over ${wallets} wallets and ${rows} ledger rows: ${violations.length} violations`);
  for (const v of violations.slice(0, 20)) console.log(`  ${v}`);
  // The live session holds exactly what it acknowledged: nothing lost, nothing doubled.
  const votes = await query<{ user_id: string; choice_id: string }>(
    `select sp.user_id, v.choice_id from public.votes v
       join public.session_participants sp on sp.id = v.participant_id where v.round_id = $1`,
    [live.roundId],
  );
  const voteErrors = [
    ...(votes.length === lastVote.size ? [] : [`${votes.length} vote rows for ${lastVote.size} voters`]),
    ...votes
      .filter((v) => lastVote.get(v.user_id) !== v.choice_id)
      .map((v) => `vote of ${v.user_id} is not their last choice`),
  ];
  const messages = await query<{ body: string; n: number }>(
    `select body, count(*)::int as n from public.chat_messages where session_id = $1 and kind = 'text' group by body`,
    [live.sessionId],
  );
  const chatErrors = [
    ...(messages.length === chatAccepted.size
      ? []
      : [`${messages.length} chat messages stored, ${chatAccepted.size} accepted`]),
    ...messages
      .filter((m) => m.n !== 1 || !chatAccepted.has(m.body))
      .map((m) => `chat message stored ${m.n}× or never accepted`),
  ];
  console.log(
    `live session: ${votes.length} voters' votes, ${messages.length} chat messages; ${voteErrors.length + chatErrors.length} mismatches`,
  );
  for (const e of [...voteErrors, ...chatErrors].slice(0, 20)) console.log(`  ${e}`);
  failed =
    serverErrors > 0 || unexpected.size > 0 || violations.length > 0 || voteErrors.length > 0 || chatErrors.length > 0;
} finally {
  await admin.end();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
if (failed) {
  console.error('test:load: FAILED');
  process.exit(1);
}
console.log('test:load: passed');
