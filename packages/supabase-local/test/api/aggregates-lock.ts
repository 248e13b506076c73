import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { stackInfo } from '../../src/testing/clients';

// db-aggregates-enabled is one setting for the whole stack (the authenticator role's), on for the
// conformance stack (test/fixtures/rs_select.sql). The test that turns it off takes this advisory lock
// exclusively; tests relying on aggregates hold it shared, so parallel test files never see it off.

const LOCK_KEY = 74_201_123;

async function lock(shared: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  await client.query(shared ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [LOCK_KEY]);
  return client;
}

/** Each test of the calling file runs with aggregates guaranteed on. */
export function holdAggregatesShared(): void {
  let client: pg.Client | undefined;
  beforeEach(async () => {
    client = await lock(true);
  });
  afterEach(async () => {
    await client?.end();
    client = undefined;
  });
}

/** Runs `fn` while no test relying on aggregates runs (the lock ends with the connection). */
export async function withAggregatesExclusive<T>(fn: () => Promise<T>): Promise<T> {
  const client = await lock(false);
  try {
    return await fn();
  } finally {
    await client.end();
  }
}
