// `npm run bench:ledger`: spends per second and latency through the spend RPC (public.spend_credits,
// called as a signed-in parent exactly as /rest/v1/rpc runs it: role authenticated, JWT claims, one
// transaction) on ONE hot wallet and on 1,000 wallets, with 8 clients, beside a bare single-row
// UPDATE + INSERT measured in the same run on the same database, two ways:
// * on the ledger's own tables (public.wallets and public.credit_ledger, with their constraints,
//   indexes and trigger): exactly the two writes every spend makes, by hand. The goal's ratio is taken
//   against this one: it is what the RPC's own work (membership, amount, idempotency key, row lock,
//   granted-first split) costs on top of the writes;
// * on two minimal tables (a balance column; a ledger with only a primary key): the least any ledger
//   can do, printed beside it so the cost of our schema itself is visible too.
// Beside them, the own tables' two writes plus the idempotency key row (the third write every spend
// must make): the RPC against it shows what its logic costs apart from the writes.
// Prints figures and ratios; asserts nothing. BENCH_DURATION_MS sets the measured time per case
// (default 10 s, in 5 turns taken with the other cases of its group); BENCH_LEDGER_PARTS=1 adds the
// RPC with its idempotency key replaced by no-ops.
//
// Fairness: every side sends ONE round trip per spend (a multi-statement simple query: begin; …;
// commit), so a ratio compares database work only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, percentile, startStack } from 'supabase-local';

const CLIENTS = 8;
const WALLETS = 1000;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = 1500;
const ROUNDS = 5;

type Result = { spends: number; seconds: number; latencies: number[]; refused: number };

async function run(pool: pg.Pool, once: (i: number) => string, durationMs: number): Promise<Result> {
  const latencies: number[] = [];
  let refused = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const sql = once(n++);
          const t0 = performance.now();
          try {
            await client.query(sql);
          } catch (error) {
            refused++;
            await client.query('rollback').catch(() => {});
            if (refused === 1) console.error(`  first refusal: ${(error as Error).message}`);
          }
          latencies.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  return {
    spends: latencies.length - refused,
    seconds: (performance.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    refused,
  };
}

function merge(a: Result | undefined, b: Result): Result {
  if (!a) return b;
  return {
    spends: a.spends + b.spends,
    seconds: a.seconds + b.seconds,
    latencies: [...a.latencies, ...b.latencies].sort((x, y) => x - y),
    refused: a.refused + b.refused,
  };
}

const rate = (r: Result) => r.spends / r.seconds;

function line(label: string, r: Result): string {
  return `${label.padEnd(34)} ${rate(r).toFixed(0).padStart(7)} spends/s   p50 ${percentile(r.latencies, 50).toFixed(2)} ms   p99 ${percentile(r.latencies, 99).toFixed(2)} ms   (${r.spends} spends${r.refused ? `, ${r.refused} refused` : ''})`;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tale-forge-bench-ledger-'));
  const stack = await startStack({
    supabaseDir: path.resolve(import.meta.dirname, '../supabase'),
    overrides: { dataDir, apiPort: await freePort(), dbPort: await freePort(), databaseUrl: undefined },
    reset: true,
    seed: false,
    ephemeral: true,
  });
  const owner = new pg.Pool({ connectionString: stack.dbUrl, max: CLIENTS });
  const authUrl = new URL(stack.dbUrl);
  authUrl.username = 'authenticator';
  const api = new pg.Pool({ connectionString: authUrl.toString(), max: CLIENTS });
  // Stopping the stack ends idle pooled connections from the server side; that is expected here.
  for (const pool of [owner, api]) pool.on('error', () => {});
  try {
    console.log(
      `bench:ledger — ${CLIENTS} clients, ${DURATION_MS / 1000} s per case, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    );
    // Parents (each with their family and wallet, by the sign-up triggers), each wallet filled with
    // paid credits after its free month is spent, so every measured spend takes the same path.
    const { rows: users } = await owner.query<{ id: string }>(
      `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                               confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
              'bench-' || g || '@example.test', '{}', '{}', now(), now(), '', '', '', '', false, false
         from generate_series(1, $1) g
       returning id`,
      [WALLETS + 1],
    );
    const { rows: members } = await owner.query<{ user_id: string; family_id: string }>(
      'select user_id, family_id from public.family_members where user_id = any($1)',
      [users.map((u) => u.id)],
    );
    await owner.query(
      `select private.debit_wallet(f, 'spend', 10), private.credit_wallet(f, 'purchase', 1000000, 0), private.credit_wallet(f, 'purchase', 1000000, 0)
         from unnest($1::uuid[]) f`,
      [members.map((m) => m.family_id)],
    );
    const hot = members[0];
    const many = members.slice(1);

    await owner.query(`
      create table public.bench_wallets (id uuid primary key default gen_random_uuid(), balance int not null check (balance >= 0));
      create table public.bench_ledger (id uuid primary key default gen_random_uuid(), wallet_id uuid not null, delta int not null,
                                        balance_after int not null, created_at timestamptz not null default now());
    `);
    const { rows: bareWallets } = await owner.query<{ id: string }>(
      'insert into public.bench_wallets (balance) select 2000000 from generate_series(1, $1) returning id',
      [WALLETS + 1],
    );
    const bareHot = bareWallets[0].id;
    const bareMany = bareWallets.slice(1).map((w) => w.id);
    await owner.query('vacuum analyze');

    const bare = (walletId: string) =>
      `begin; update public.bench_wallets set balance = balance - 1 where id = ${literal(walletId)} and balance >= 1;
       insert into public.bench_ledger (wallet_id, delta, balance_after)
       select id, -1, balance from public.bench_wallets where id = ${literal(walletId)}; commit;`;
    const { rows: ownWallets } = await owner.query<{ id: string }>(
      `select w.id from public.wallets w join unnest($1::uuid[]) with ordinality f(id, n) on w.family_id = f.id
        order by f.n`,
      [members.map((m) => m.family_id)],
    );
    // The spend's two writes by hand on the ledger's own tables (paid credits: the bench wallets hold no granted ones).
    const own = (walletId: string, alsoSql = '') =>
      `begin; update public.wallets set paid_balance = paid_balance - 1, last_seq = last_seq + 1
               where id = ${literal(walletId)} and paid_balance >= 1;
       insert into public.credit_ledger (wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after)
       select id, family_id, last_seq, 'spend', -1, 0, balance from public.wallets where id = ${literal(walletId)};
       ${alsoSql} commit;`;
    // The same two writes plus the third every spend must make: its idempotency key row, as
    // idempotency_finish writes it (the key is what makes a retried request harmless).
    const ownWithKey = (walletId: string, userId: string) =>
      own(
        walletId,
        `insert into private.idempotency_keys (user_id, key, operation, request_hash, response)
         values (${literal(userId)}, ${literal(`bench-${randomUUID()}`)}, 'spend_credits', md5(${literal(randomUUID())}),
                 '{"status":"spent"}');`,
      );
    const rpc = (userId: string) =>
      `begin; select set_config('request.jwt.claims', ${literal(JSON.stringify({ sub: userId, role: 'authenticated' }))}, true),
                     set_config('role', 'authenticated', true);
       select public.spend_credits(1, 'bench', ${literal(`bench-${randomUUID()}`)}); commit;`;

    const cases: [string, pg.Pool, (i: number) => string][] = [
      ['hot wallet, minimal tables UPDATE + INSERT', owner, () => bare(bareHot)],
      ['hot wallet, own tables UPDATE + INSERT', owner, () => own(ownWallets[0].id)],
      ['hot wallet, own tables + key row', owner, () => ownWithKey(ownWallets[0].id, hot.user_id)],
      ['hot wallet, spend_credits RPC', api, () => rpc(hot.user_id)],
      [`${WALLETS} wallets, minimal tables UPDATE + INSERT`, owner, (i) => bare(bareMany[i % WALLETS])],
      [`${WALLETS} wallets, own tables UPDATE + INSERT`, owner, (i) => own(ownWallets[1 + (i % WALLETS)].id)],
      [
        `${WALLETS} wallets, own tables + key row`,
        owner,
        (i) => ownWithKey(ownWallets[1 + (i % WALLETS)].id, many[i % WALLETS].user_id),
      ],
      [`${WALLETS} wallets, spend_credits RPC`, api, (i) => rpc(many[i % WALLETS].user_id)],
    ];
    // The cases of a group take turns, ROUNDS times each, so a drift of the machine's speed (a noisy
    // neighbour, autovacuum, the tables growing) falls on every side of a ratio alike.
    const results = new Map<string, Result>();
    for (const group of [cases.slice(0, 4), cases.slice(4)]) {
      for (const [, pool, once] of group) await run(pool, once, WARMUP_MS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [label, pool, once] of group) {
          results.set(label, merge(results.get(label), await run(pool, once, DURATION_MS / ROUNDS)));
        }
      }
      for (const [label] of group) {
        const result = results.get(label);
        if (result) console.log(line(label, result));
      }
    }
    // BENCH_LEDGER_PARTS=1: the RPC again with one part at a time replaced by a no-op (on this
    // throw-away database), to see what each part costs against the same run's figures.
    if (process.env.BENCH_LEDGER_PARTS === '1') {
      const parts: [string, string][] = [
        [
          'without the idempotency key',
          `create or replace function private.idempotency_begin(p_key text, p_operation text, p_request jsonb) returns jsonb
             language sql security definer set search_path = '' as $f$ select null::jsonb $f$;
           create or replace function private.idempotency_finish(p_key text, p_response jsonb) returns jsonb
             language sql security definer set search_path = '' as $f$ select p_response $f$;`,
        ],
      ];
      for (const [label, sql] of parts) {
        await owner.query(sql);
        for (const [prefix, user] of [
          ['hot wallet', () => hot.user_id],
          [`${WALLETS} wallets`, (i: number) => many[i % WALLETS].user_id],
        ] as const) {
          const name = `${prefix}, RPC ${label}`;
          await run(api, (i) => rpc(user(i)), WARMUP_MS);
          const result = await run(api, (i) => rpc(user(i)), DURATION_MS);
          results.set(name, result);
          console.log(line(name, result));
        }
      }
    }
    const ratio = (a: string, b: string) => {
      const x = results.get(a);
      const y = results.get(b);
      return x && y ? `${((rate(x) / rate(y)) * 100).toFixed(0)} %` : 'n/a';
    };
    console.log('');
    for (const [prefix, goal] of [
      ['hot wallet', 60],
      [`${WALLETS} wallets`, 80],
    ] as const) {
      const rpcLabel = `${prefix}, spend_credits RPC`;
      console.log(
        `${`${prefix}:`.padEnd(13)} RPC at ${ratio(rpcLabel, `${prefix}, own tables UPDATE + INSERT`)} of the bare writes on the ledger's own tables (goal ≥ ${goal} %), ${ratio(rpcLabel, `${prefix}, minimal tables UPDATE + INSERT`)} of the minimal tables', ${ratio(rpcLabel, `${prefix}, own tables + key row`)} of the three writes with the key row`,
      );
    }

    // The invariants still hold after the load: Σ deltas = balance, and balance_after follows seq.
    const {
      rows: [check],
    } = await owner.query<{ bad_sums: number; bad_rows: number }>(`
      select (select count(*) from public.wallets w
               where w.paid_balance + w.granted_balance <> (select coalesce(sum(delta), 0) from public.credit_ledger l where l.wallet_id = w.id))::int as bad_sums,
             (select count(*) from (
               select balance_after - sum(delta) over (partition by wallet_id order by seq) as drift from public.credit_ledger) d
               where drift <> 0)::int as bad_rows`);
    console.log(
      `invariants after the run: ${check.bad_sums} wallets whose deltas do not sum to the balance, ${check.bad_rows} rows off the balance_after sequence`,
    );
  } finally {
    await api.end();
    await owner.end();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
