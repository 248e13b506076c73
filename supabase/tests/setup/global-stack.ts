import path from 'node:path';
import { stackGlobalSetup, type TestStackInfo } from 'supabase-local/testing';
import type { TestProject } from 'vitest/node';

// The product's database tests run on one fresh stack with this repository's migrations and seed.
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
  if (!given) return freshStack(project);
  project.provide('stack', JSON.parse(given) as TestStackInfo);
}
