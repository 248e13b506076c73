import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../local/free-port';
import { type RunningStack, startStack } from '../../local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      url: string;
      dbUrl: string;
      adminDbUrl: string;
      anonKey: string;
      serviceRoleKey: string;
      dataDir: string;
    };
  }
}

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

/** Applies every supabase/tests/fixtures/*.sql as the superuser, then reloads the REST schema cache. */
async function applyFixtures(adminDbUrl: string): Promise<void> {
  const files = (await readdir(FIXTURES_DIR).catch(() => [])).filter((f) => f.endsWith('.sql')).sort();
  const client = new pg.Client({ connectionString: adminDbUrl });
  await client.connect();
  try {
    for (const file of files) await client.query(await readFile(path.join(FIXTURES_DIR, file), 'utf8'));
    await client.query("notify pgrst, 'reload schema'");
  } finally {
    await client.end();
  }
}

/** One fresh stack (own Postgres, own ports, temporary data) for the whole API test run. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tale-forge-api-'));
  let stack: RunningStack | undefined;
  try {
    stack = await startStack({
      overrides: { dataDir, apiPort: await freePort(), dbPort: await freePort(), databaseUrl: undefined },
      reset: true,
      ephemeral: true,
    });
    await applyFixtures(stack.adminDbUrl);
    // Give the schema cache a moment to pick up the reload notification.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } catch (error) {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('stack', {
    url: stack.url,
    dbUrl: stack.dbUrl,
    adminDbUrl: stack.adminDbUrl,
    anonKey: stack.keys.anon,
    serviceRoleKey: stack.keys.serviceRole,
    dataDir,
  });
  return async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
