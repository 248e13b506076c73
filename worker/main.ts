// The worker process: `npm run worker` (started by `npm run dev` beside `next dev`, by the database
// tests' global setup and by Playwright). Connects to the database as its owner, as the migrations do:
// WORKER_DATABASE_URL, else DATABASE_URL, else the local stack's postgres role. On hosted Supabase it
// runs beside the app with the project's direct (session) connection string.
import { startWorker } from './run-worker';

const connectionString =
  process.env.WORKER_DATABASE_URL ??
  process.env.DATABASE_URL ??
  `postgresql://postgres:postgres@127.0.0.1:${process.env.SUPABASE_DB_PORT ?? 54322}/postgres`;

const runner = await startWorker({ connectionString, schedule: process.env.WORKER_SCHEDULE !== 'off' });
console.log('worker ready');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Finish running jobs, release their locks, then exit.
    void runner.stop().then(() => process.exit(0));
  });
}
await runner.promise;
