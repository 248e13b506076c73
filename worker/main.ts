// The worker process: `npm run worker` (started by `npm run dev` beside `next dev`, by the database
// tests' global setup and by Playwright). Connects to the database as its owner, as the migrations do:
// WORKER_DATABASE_URL, else DATABASE_URL, else the local stack's postgres role. On hosted Supabase it
// runs beside the app with the project's direct (session) connection string.
import pg from 'pg';
import { startRoundCloser } from './live-round-closer';
import { startWorker } from './run-worker';

const connectionString =
  process.env.WORKER_DATABASE_URL ??
  process.env.DATABASE_URL ??
  `postgresql://postgres:postgres@127.0.0.1:${process.env.SUPABASE_DB_PORT ?? 54322}/postgres`;

// Started beside the database (npm run dev, Playwright), it may come up first: wait for Postgres.
async function waitForDatabase(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

await waitForDatabase();
const schedule = process.env.WORKER_SCHEDULE !== 'off';
const runner = await startWorker({ connectionString, schedule });
// Periodic like the crontab (the database tests switch both off and drive them themselves).
const roundCloser = schedule ? startRoundCloser(connectionString) : null;
// Stories written without a worker (the seed's library) get their pictures right away, not at the
// next crontab tick. job_key: several workers starting together queue it once.
await runner.addJob('queue_missing_illustrations', {}, { jobKey: 'queue_missing_illustrations' });
console.log('worker ready');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish running jobs, release their locks, then exit.
    void Promise.all([runner.stop(), roundCloser?.stop()]).then(() => process.exit(0));
  });
}
await runner.promise;
