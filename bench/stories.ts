// `npm run bench:stories`: on a fresh stack with the seed and the real worker beside it (as in
// production), with the built-in writer:
//   1. submit-to-completed of a new short story (6 pages), ordered one after the other through
//      /rest/v1/rpc/create_story as a signed-in parent, without and with illustrations (p50/p95);
//   2. worker throughput: 20 stories submitted at once, until the last is completed;
//   3. the reader's request (the story with its cast, pages and choices: lib/stories/queries.ts
//      getStoryForReading) through /rest/v1 as a child of the demo family, p50/p95.
// Prints the figures beside the goals (6-page story < 2 s p95, reader < 25 ms p95); asserts nothing.
// BENCH_STORIES sets how many stories each sequential case orders (default 20); `-- --reader-only` runs
// case 3 alone (the reader's request, for policy work: a minute instead of several).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { freeStackPorts, percentile, signAccessToken, startStack } from 'supabase-local';
import ws from 'ws';
import type { Database } from '@/lib/database.types';
import { getStoryForReading } from '@/lib/stories/queries';
import { LIFT_RATE_LIMITS_SQL } from '../supabase/tests/setup/rate-limits';
import { spawnWorker } from '../supabase/tests/setup/worker-process';

const STORIES = Number(process.env.BENCH_STORIES ?? 20);
const READER_ONLY = process.argv.includes('--reader-only');
const AT_ONCE = 20;
const READS = 300;
const DEMO_PARENT = 'd0d0d0d0-0000-4000-8000-000000000001';
const MIA = 'd0d0d0d0-0000-4000-8000-0000000000c1';
const PUBLIC_46 = '5eed0000-0000-4000-8000-000000000001';

const figures = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms   p95 ${percentile(sorted, 95).toFixed(0)} ms   max ${sorted[sorted.length - 1].toFixed(0)} ms   (n = ${sorted.length})`;
};

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tale-forge-bench-stories-'));
  const stack = await startStack({
    supabaseDir: path.resolve(import.meta.dirname, '../supabase'),
    // Every port free (the mail catcher's too): another stack on the machine must not collide with this one.
    overrides: { dataDir, ...(await freeStackPorts()), databaseUrl: undefined },
    reset: true,
    seed: true,
    ephemeral: true,
  });
  const worker = await spawnWorker(stack.dbUrl, {
    env: { SUPABASE_URL: stack.url, SUPABASE_SERVICE_ROLE_KEY: stack.keys.serviceRole },
  });
  const db = new pg.Pool({ connectionString: stack.adminDbUrl, max: 4 });
  try {
    const session = async (userId: string, appMetadata: Record<string, unknown> = {}) => {
      const token = await signAccessToken(userId, appMetadata);
      return createClient<Database>(stack.url, stack.keys.anon, {
        accessToken: async () => token,
        auth: { persistSession: false },
        realtime: { transport: ws as never },
      });
    };
    console.log(
      `bench:stories — built-in writer, ${STORIES} stories per sequential case, load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    );
    // The demo parent orders, on the Family plan (no monthly story limit), with credits for every order.
    const {
      rows: [{ family_id: familyId }],
    } = await db.query<{ family_id: string }>('select family_id from public.family_members where user_id = $1', [
      DEMO_PARENT,
    ]);
    await db.query(`select private.credit_wallet($1, 'purchase', 100000, 0, null, null, 'Benchmark credits')`, [
      familyId,
    ]);
    // 20 stories at once from one parent is the benchmark, not a family's pace.
    await db.query(LIFT_RATE_LIMITS_SQL);
    await db.query(
      `insert into public.subscriptions (family_id, plan_id, provider, provider_subscription_id, current_period_start,
                                         current_period_end, last_event_at)
       select $1, id, 'sandbox', 'bench-' || gen_random_uuid(), now(), now() + interval '30 days', now()
         from public.plans where code = 'family'`,
      [familyId],
    );
    const parent = await session(DEMO_PARENT, { provider: 'email', providers: ['email'] });
    const {
      rows: [cast],
    } = await db.query<{ ids: string[] }>(
      `select array_agg(id order by slug) as ids from public.characters where slug in ('pip-fox', 'luna-rabbit')`,
    );

    /** Orders one story; resolves with the job id and the moment it was submitted. */
    async function order(illustrate: boolean, seed: number) {
      const submitted = performance.now();
      const { data, error } = await parent.rpc('create_story', {
        p_request: {
          templateId: 'lost-pet',
          prompt: null,
          characterIds: cast.ids,
          themeId: 'friendship',
          moralId: null,
          ageBand: '7-9',
          length: 'short',
          modelId: 'builtin',
          illustrate,
          seed,
        },
        p_idempotency_key: `bench-${randomUUID()}`,
      });
      if (error) throw error;
      return { jobId: (data as { job_id: string }).job_id, submitted };
    }

    /** Waits until the jobs are done (polled every 5 ms: the bench, not the app); their finish times. */
    async function finished(jobIds: string[]): Promise<Map<string, number>> {
      const done = new Map<string, number>();
      const deadline = performance.now() + 300_000;
      while (done.size < jobIds.length) {
        const { rows } = await db.query<{ id: string; status: string; error_code: string | null }>(
          `select id, status, error_code from public.generation_jobs where id = any($1) and status in ('completed', 'failed')`,
          [jobIds.filter((id) => !done.has(id))],
        );
        const now = performance.now();
        for (const row of rows) {
          if (row.status === 'failed') throw new Error(`job ${row.id} failed: ${row.error_code}`);
          done.set(row.id, now);
        }
        if (now > deadline) throw new Error('jobs still running after 5 minutes');
        if (done.size < jobIds.length) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return done;
    }

    async function sequential(illustrate: boolean): Promise<number[]> {
      const times: number[] = [];
      for (let i = 0; i < STORIES + 2; i++) {
        const { jobId, submitted } = await order(illustrate, 1000 + i);
        const end = (await finished([jobId])).get(jobId) as number;
        if (i >= 2) times.push(end - submitted); // the first two warm the worker and the caches
      }
      return times;
    }

    const plain = READER_ONLY ? [] : await sequential(false);
    const pictured = READER_ONLY ? [] : await sequential(true);
    if (!READER_ONLY) {
      console.log(`new story, 6 pages, no pictures      ${figures(plain)}`);
      console.log(`new story, 6 pages, with pictures    ${figures(pictured)}`);
      const start = performance.now();
      const batch = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => order(true, 5000 + i)));
      const ends = await finished(batch.map((b) => b.jobId));
      const wall = (Math.max(...ends.values()) - start) / 1000;
      const each = batch.map((b) => (ends.get(b.jobId) as number) - b.submitted);
      console.log(
        `${AT_ONCE} at once, with pictures           all done in ${wall.toFixed(2)} s = ${(AT_ONCE / wall).toFixed(1)} stories/s   each: ${figures(each)}`,
      );
    }

    // The reader: Mia (4-6) opens a public 4-6 story of the seed, the way the reader page loads it. Her
    // bedtime is lifted first: the seed's 19:30–07:00 would (rightly) hide every story at night.
    await db.query('update public.parental_controls set bedtime_start = null, bedtime_end = null where child_id = $1', [
      MIA,
    ]);
    const mia = await session(MIA, { account_type: 'child' });
    const reads: number[] = [];
    for (let i = 0; i < READS + 20; i++) {
      const t0 = performance.now();
      const story = await getStoryForReading(mia as SupabaseClient<Database>, { storyId: PUBLIC_46 });
      if (i >= 20) reads.push(performance.now() - t0);
      if (story.story_segments.length === 0) throw new Error('the reader got no pages');
    }
    console.log(`reader request as a child (/rest/v1) ${figures(reads)}`);

    const p95 = (ms: number[]) =>
      percentile(
        [...ms].sort((a, b) => a - b),
        95,
      );
    console.log('');
    if (!READER_ONLY) {
      console.log(
        `goal: 6-page story < 2000 ms p95 (built-in): ${p95(plain).toFixed(0)} ms without pictures, ${p95(pictured).toFixed(0)} ms with`,
      );
    }
    console.log(`goal: reader request < 25 ms p95: ${p95(reads).toFixed(1)} ms`);
  } finally {
    await db.end();
    await worker.stop();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
