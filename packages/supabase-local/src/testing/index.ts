// Test helpers for projects that run on the local stack: a Vitest global setup that starts a fresh
// stack per test project, and supabase-js clients pointed at it.
export * from './clients';
export { type FreshDatabase, type FreshDatabaseOptions, withFreshDatabase } from './fresh-database';
export {
  applySqlFiles,
  stackGlobalSetup,
  TEST_RUNNER_IS_PROXY,
  type TestStackInfo,
  type TestStackOptions,
  testStackInfo,
} from './global-setup';
