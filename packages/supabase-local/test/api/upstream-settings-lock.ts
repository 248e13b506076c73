import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { stackInfo } from '../../src/testing/clients';
import { setAuthenticatorSetting, waitFor } from './config-helpers';
import { rest } from './rest-helpers';

// db-plan-enabled and db-tx-end keep PostgREST's defaults (off, `commit`) on the conformance stack, as
// on hosted Supabase, and rest-tx-prefs tests those defaults. Upstream postgrest-js's test database
// turns them on (`pgrst.db_plan_enabled = 'true'`, `pgrst.db_tx_end = 'commit-allow-override'` in its
// schema migration), so the ported cases that need them switch them on under this advisory lock, held
// exclusively, and back before releasing it; tests relying on the defaults hold it shared. Same scheme
// as aggregates-lock.ts, another key.

const LOCK_KEY = 74_201_124;

async function lock(shared: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
  await client.connect();
  await client.query(shared ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [LOCK_KEY]);
  return client;
}

/** Each test of the calling file runs with plans off and db-tx-end `commit`. */
export function holdDefaultSettingsShared(): void {
  let client: pg.Client | undefined;
  beforeEach(async () => {
    client = await lock(true);
  });
  afterEach(async () => {
    await client?.end();
    client = undefined;
  });
}

/** Takes the lock exclusively until the returned release is called (for a file that toggles them). */
export async function holdSettingsExclusive(): Promise<() => Promise<void>> {
  const client = await lock(false);
  return async () => {
    await client.end();
  };
}

/** Whether plans are served and tx=rollback is honoured (both are echoed on a plain read). */
async function upstreamInForce(): Promise<[boolean, boolean]> {
  const plan = await rest('/tx_items?limit=0', { headers: { accept: 'application/vnd.pgrst.plan' } });
  const tx = await rest('/tx_items?limit=0', { headers: { prefer: 'tx=rollback' } });
  return [plan.status === 200, tx.headers.get('preference-applied') === 'tx=rollback'];
}

/** Waits until both settings are in force (`on`) or both back to their defaults. */
export async function waitForUpstreamSettings(on: boolean): Promise<void> {
  await waitFor(async () => (await upstreamInForce()).every((v) => v === on));
}

/** Runs `fn` with upstream's settings, restoring PostgREST's defaults before anyone else runs. */
export async function withUpstreamSettings<T>(fn: () => Promise<T>): Promise<T> {
  const release = await holdSettingsExclusive();
  try {
    await setAuthenticatorSetting('db_plan_enabled', 'true');
    await setAuthenticatorSetting('db_tx_end', 'commit-allow-override');
    await waitForUpstreamSettings(true);
    return await fn();
  } finally {
    await setAuthenticatorSetting('db_plan_enabled', null);
    await setAuthenticatorSetting('db_tx_end', null);
    await waitForUpstreamSettings(false);
    await release();
  }
}
