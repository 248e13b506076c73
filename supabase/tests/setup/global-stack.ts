import path from 'node:path';
import { stackGlobalSetup } from 'supabase-local/testing';
import type { TestProject } from 'vitest/node';
import { spawnWorker } from './worker-process';

// The product's database tests run on one fresh stack with this repository's migrations and seed, and
// with the worker process beside it (as in production), which installs graphile-worker's schema and
// runs the jobs the database enqueues. Its crontab is off: tests enqueue periodic jobs when they need them.
const stackSetup = stackGlobalSetup({
  supabaseDir: path.resolve(import.meta.dirname, '../..'),
  name: 'tale-forge-db',
});

export default async function setup(project: TestProject) {
  const stopStack = await stackSetup(project);
  try {
    const worker = await spawnWorker(project.getProvidedContext().stack.dbUrl);
    return async () => {
      await worker.stop();
      await stopStack();
    };
  } catch (error) {
    await stopStack();
    throw error;
  }
}
