import path from 'node:path';
import { stackGlobalSetup, type TestStackInfo } from 'supabase-local/testing';
import type { TestProject } from 'vitest/node';
import { spawnWorker } from './worker-process';

// The product's database tests run on one fresh stack with this repository's migrations and seed, and
// with the worker process beside it (as in production), which installs graphile-worker's schema and
// runs the jobs the database enqueues. Its crontab is off: tests enqueue periodic jobs when they need them.
const freshStack = stackGlobalSetup({
  supabaseDir: path.resolve(import.meta.dirname, '../..'),
  name: 'tale-forge-db',
});

/**
 * TF_TEST_STACK (the TestStackInfo of a stack someone else runs, as JSON) makes the tests use that stack
 * instead: `npm run test:mutants` runs the tests against scratch stacks whose schema it weakened.
 */
export default async function setup(project: TestProject) {
  const given = process.env.TF_TEST_STACK;
  let stopStack: () => Promise<void> = async () => {};
  if (given) project.provide('stack', JSON.parse(given) as TestStackInfo);
  else stopStack = await freshStack(project);
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
