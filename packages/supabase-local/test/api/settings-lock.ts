import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { stackInfo } from '../../src/testing/clients';

// Some PostgREST settings are one value for the whole conformance stack (the authenticator role's).
// A file that changes one takes an advisory lock exclusively; files relying on its usual value hold it
// shared for each test, so parallel test files never see it changed. One lock key per group of settings.

export interface SettingsLock {
  /** Each test of the calling file runs with the settings at their usual values. */
  holdShared(): void;
  /** Takes the lock exclusively until the returned release is called. */
  holdExclusive(): Promise<() => Promise<void>>;
  /** Runs `fn` while no test relying on the usual values runs (the lock ends with the connection). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export function settingsLock(key: number): SettingsLock {
  async function lock(shared: boolean): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: stackInfo().adminDbUrl });
    await client.connect();
    await client.query(shared ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [key]);
    return client;
  }
  async function holdExclusive() {
    const client = await lock(false);
    return async () => {
      await client.end();
    };
  }
  return {
    holdShared() {
      let client: pg.Client | undefined;
      beforeEach(async () => {
        client = await lock(true);
      });
      afterEach(async () => {
        await client?.end();
        client = undefined;
      });
    },
    holdExclusive,
    async exclusive(fn) {
      const release = await holdExclusive();
      try {
        return await fn();
      } finally {
        await release();
      }
    },
  };
}
