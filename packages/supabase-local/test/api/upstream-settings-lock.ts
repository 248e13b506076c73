import { setAuthenticatorSetting, waitFor } from './config-helpers';
import { rest } from './rest-helpers';
import { settingsLock } from './settings-lock';

// db-plan-enabled and db-tx-end keep PostgREST's defaults (off, `commit`) on the conformance stack, as
// on hosted Supabase, and rest-tx-prefs tests those defaults. Upstream postgrest-js's test database
// turns them on (`pgrst.db_plan_enabled = 'true'`, `pgrst.db_tx_end = 'commit-allow-override'` in its
// schema migration), so the ported cases that need them switch them on under this advisory lock, held
// exclusively, and back before releasing it; tests relying on the defaults hold it shared. Same scheme
// as aggregates-lock.ts (settings-lock.ts), another key.

const upstream = settingsLock(74_201_124);

/** Each test of the calling file runs with plans off and db-tx-end `commit`. */
export const holdDefaultSettingsShared = upstream.holdShared;

/** Takes the lock exclusively until the returned release is called (for a file that toggles them). */
export const holdSettingsExclusive = upstream.holdExclusive;

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
