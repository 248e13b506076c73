// `npm run bench:rest`: throughput and latency of a single-row, RLS-protected GET through /rest/v1
// with 10 concurrent clients, beside the same query sent straight to Postgres over `pg`. Prints
// figures (and the machine's load average, since the cores may be shared); asserts nothing.
//
// Fairness, so that the ratio is what our REST layer costs:
//  - The stack runs in its own process, so the load generator does not share its event loop.
//  - The HTTP client is plain `node:http` with a keep-alive Agent (one socket per concurrent client):
//    it costs far less CPU per request than global fetch (undici), leaving the cores to the server.
//  - The direct side does the best a direct client could: the same role switch and JWT claims as
//    PostgREST (`set_config('role')`, `set_config('request.jwt.claims')`) and the query, as two
//    prepared statements pipelined in ONE round trip (one Sync = one implicit transaction, so the
//    `set_config(…, true)` values stay local to it), through the same pipeline helper the REST
//    service uses. It skips what only an HTTP API needs (request.headers/path/method/cookies).
//  - A second direct side shows what an application typically sends instead: BEGIN, set_config,
//    the query and COMMIT, one round trip each. Both ratios are printed.
//
// Also printed: CPU time per REST request of the stack process (from /proc) and of the load generator,
// which are steadier than req/s on a shared machine.
//
// BENCH_DURATION_MS sets the measured time per side; BENCH_CPU_PROF_DIR=<dir> runs the stack under
// `node --cpu-prof` and leaves its .cpuprofile there when the stack exits.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ANON_KEY } from '../src/keys';
import { runPipeline, type Statement } from '../src/rest/pipeline';
import { percentile, startBenchStack } from './bench-stack';

const CONCURRENCY = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const WARMUP_MS = 2_000;

interface Result {
  requests: number;
  seconds: number;
  latencies: number[];
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

/** GET over a keep-alive socket; resolves with status and the whole body. */
function get(
  agent: http.Agent,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 100 ticks per second). */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
}

function formatResult(label: string, r: Result): string {
  const rps = r.requests / r.seconds;
  return `${label.padEnd(26)} ${rps.toFixed(0).padStart(7)} req/s   p50 ${percentile(r.latencies, 50).toFixed(2)} ms   p99 ${percentile(r.latencies, 99).toFixed(2)} ms   (${r.requests} requests)`;
}

async function main(): Promise<void> {
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const profArgs = profDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`] : [];
  const stack = await startBenchStack({ name: 'bench-rest', nodeArgs: profArgs });
  const { url, dbPort } = stack;
  const admin = new pg.Pool({
    connectionString: `postgresql://supabase_admin:postgres@127.0.0.1:${dbPort}/postgres`,
    max: 1,
  });
  try {
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
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const viaRest = async () => {
      const res = await get(agent, restUrl, headers);
      const body = JSON.parse(res.body) as unknown[];
      if (res.status !== 200 || body.length !== 1) throw new Error(`unexpected response ${res.status}`);
    };

    const direct = new pg.Pool({
      connectionString: `postgresql://authenticator:postgres@127.0.0.1:${dbPort}/postgres`,
      max: CONCURRENCY,
    });
    const claims = JSON.stringify({ sub: session.user.id, role: 'authenticated' });
    const statements: Statement[] = [
      {
        text: `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
        values: [claims],
        prepare: true,
      },
      { text: 'select id, body from public.bench_notes where id = $1', values: [String(ownId)], prepare: true },
    ];
    const viaPg = async () => {
      const client = await direct.connect();
      try {
        const results = await runPipeline(client, statements);
        if (results[1]?.rows.length !== 1) throw new Error('RLS hid the row');
      } finally {
        client.release();
      }
    };

    // What an application typically sends: an explicit transaction, one statement per round trip.
    const viaPgTransaction = async () => {
      const client = await direct.connect();
      try {
        await client.query('begin');
        await client.query(
          `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
          [claims],
        );
        const result = await client.query('select id, body from public.bench_notes where id = $1', [ownId]);
        await client.query('commit');
        if (result.rowCount !== 1) throw new Error('RLS hid the row');
      } finally {
        client.release();
      }
    };

    const loadBefore = load();
    await run(viaRest, WARMUP_MS);
    await run(viaPg, WARMUP_MS);
    await run(viaPgTransaction, WARMUP_MS);
    const cpuBefore = cpuSeconds(stack.pid);
    const clientCpu = process.cpuUsage();
    const rest = await run(viaRest, DURATION_MS);
    const { user, system } = process.cpuUsage(clientCpu);
    const cpuAfter = cpuSeconds(stack.pid);
    const direct10 = await run(viaPg, DURATION_MS);
    const directTx = await run(viaPgTransaction, DURATION_MS);
    await direct.end();
    agent.destroy();

    const restRps = rest.requests / rest.seconds;
    const pgRps = direct10.requests / direct10.seconds;
    console.log(`Single-row RLS-protected read, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s each`);
    console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
    console.log(formatResult('GET /rest/v1', rest));
    console.log(formatResult('direct pg, pipelined', direct10));
    console.log(formatResult('direct pg, BEGIN..COMMIT', directTx));
    // CPU per request is steadier than req/s when other work shares the cores.
    const clientUs = (user + system) / rest.requests;
    const stackUs = cpuBefore !== null && cpuAfter !== null ? ((cpuAfter - cpuBefore) / rest.requests) * 1e6 : NaN;
    console.log(
      `CPU per REST request: stack process ${stackUs.toFixed(0)} µs (Postgres excluded), load generator ${clientUs.toFixed(0)} µs`,
    );
    const txRps = directTx.requests / directTx.seconds;
    console.log(`cost ratio (rest / pipelined pg, per request): ${(pgRps / restRps).toFixed(2)}x`);
    console.log(`cost ratio (rest / BEGIN..COMMIT pg, per request): ${(txRps / restRps).toFixed(2)}x`);
  } finally {
    await admin.end();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
