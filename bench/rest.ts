// `npm run bench:rest`: throughput and latency of a single-row, RLS-protected GET through /rest/v1
// with 10 concurrent clients, beside the same query sent straight to Postgres over `pg` (same role
// switch and JWT claims, so the difference is what our REST layer costs). Prints figures; asserts
// nothing. The stack runs in its own process so the load generator does not share its event loop.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../supabase/local/free-port';
import { ANON_KEY } from '../supabase/local/keys';

const CONCURRENCY = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = 2_000;

interface Result {
  requests: number;
  seconds: number;
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(once: () => Promise<void>, durationMs: number): Promise<Result> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await once();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b) };
}

function formatResult(label: string, r: Result): string {
  const rps = r.requests / r.seconds;
  return `${label.padEnd(22)} ${rps.toFixed(0).padStart(7)} req/s   p50 ${percentile(r.latencies, 50).toFixed(2)} ms   p99 ${percentile(r.latencies, 99).toFixed(2)} ms   (${r.requests} requests)`;
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${url}/auth/v1/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('stack did not start');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tale-forge-bench-'));
  const apiPort = await freePort();
  const dbPort = await freePort();
  const url = `http://127.0.0.1:${apiPort}`;
  const stack = spawn(process.execPath, [...process.execArgv, 'supabase/local/cli.ts', 'serve', '--reset'], {
    env: {
      ...process.env,
      SUPABASE_API_PORT: String(apiPort),
      SUPABASE_DB_PORT: String(dbPort),
      SUPABASE_LOCAL_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const admin = new pg.Pool({
    connectionString: `postgresql://supabase_admin:postgres@127.0.0.1:${dbPort}/postgres`,
    max: 1,
  });
  try {
    await waitForHealth(url);
    await admin.query(`
      create table public.bench_notes (
        id bigint generated always as identity primary key,
        owner_id uuid not null default auth.uid(),
        body text not null
      );
      alter table public.bench_notes enable row level security;
      grant select on public.bench_notes to authenticated;
      create policy "Owners read their notes" on public.bench_notes for select to authenticated
        using (owner_id = (select auth.uid()));
      notify pgrst, 'reload schema';
    `);
    const signUp = await fetch(`${url}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: ANON_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-${Date.now()}@example.test`, password: 'bench-password' }),
    });
    const session = (await signUp.json()) as { access_token: string; user: { id: string } };
    if (!session.access_token) throw new Error(`sign-up failed: ${JSON.stringify(session)}`);
    const { rows } = await admin.query<{ id: string }>(
      `insert into public.bench_notes (owner_id, body)
       select case when g % 10 = 0 then $1::uuid else gen_random_uuid() end, 'note ' || g from generate_series(1, 10000) g
       returning id`,
      [session.user.id],
    );
    const ownId = rows.find((_, i) => (i + 1) % 10 === 0)?.id;
    await new Promise((resolve) => setTimeout(resolve, 500));

    const headers = { apikey: ANON_KEY, authorization: `Bearer ${session.access_token}` };
    const restUrl = `${url}/rest/v1/bench_notes?select=id,body&id=eq.${ownId}`;
    const viaRest = async () => {
      const res = await fetch(restUrl, { headers });
      const body = (await res.json()) as unknown[];
      if (res.status !== 200 || body.length !== 1) throw new Error(`unexpected response ${res.status}`);
    };

    const direct = new pg.Pool({
      connectionString: `postgresql://authenticator:postgres@127.0.0.1:${dbPort}/postgres`,
      max: CONCURRENCY,
    });
    const claims = JSON.stringify({ sub: session.user.id, role: 'authenticated' });
    const viaPg = async () => {
      const client = await direct.connect();
      try {
        await client.query('begin');
        await client.query(
          `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
          [claims],
        );
        const r = await client.query('select id, body from public.bench_notes where id = $1', [ownId]);
        await client.query('commit');
        if (r.rowCount !== 1) throw new Error('RLS hid the row');
      } finally {
        client.release();
      }
    };

    await run(viaRest, WARMUP_MS);
    await run(viaPg, WARMUP_MS);
    const rest = await run(viaRest, DURATION_MS);
    const direct10 = await run(viaPg, DURATION_MS);
    await direct.end();

    const restRps = rest.requests / rest.seconds;
    const pgRps = direct10.requests / direct10.seconds;
    console.log(`Single-row RLS-protected read, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each`);
    console.log(formatResult('GET /rest/v1', rest));
    console.log(formatResult('direct pg (same SQL)', direct10));
    console.log(`cost ratio (rest / pg, per request): ${(pgRps / restRps).toFixed(2)}x`);
  } finally {
    await admin.end();
    stack.kill('SIGTERM');
    await new Promise((resolve) => stack.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
