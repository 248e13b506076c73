import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { TrustedProxies } from '../client-address';
import { freeStackPorts } from '../free-port';
import { type RunningStack, startStack } from '../stack';

/** What a test file learns about the stack its project's global setup started (`inject('stack')`). */
export interface TestStackInfo {
  url: string;
  dbUrl: string;
  adminDbUrl: string;
  /** The mail catcher's web page and Mailpit-style API, where Auth's mails land. */
  mailUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** The opaque secret key (`sb_secret_…`), the only key Auth honours `Sb-Forwarded-For` with. */
  secretKey: string;
  dataDir: string;
  /** Folder holding config.toml, migrations and seed.sql of the project under test. */
  supabaseDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackInfo;
  }
}

export interface TestStackOptions {
  /** The project to run: its config.toml, migrations and seed. */
  supabaseDir: string;
  /** SQL files applied as the superuser after migrations (conformance fixtures), in name order. */
  fixturesDir?: string;
  /** Run seed.sql (default true). */
  seed?: boolean;
  /** Prefix of the temporary data folder, to tell runs apart in /tmp. */
  name?: string;
  /**
   * Whose X-Forwarded-For the stack believes. Default: loopback, i.e. the test runner, which stands
   * in for many clients (each test file names its own address, see clients.ts). A stack started by
   * `supabase-local start` believes nobody.
   */
  trustedProxies?: TrustedProxies;
}

export const TEST_RUNNER_IS_PROXY: TrustedProxies = { addresses: ['127.0.0.1', '::1'], hops: 0 };

/** Applies every *.sql in `dir` as the superuser, then reloads the REST schema cache. */
export async function applySqlFiles(adminDbUrl: string, dir: string): Promise<void> {
  const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.sql')).sort();
  const client = new pg.Client({ connectionString: adminDbUrl });
  await client.connect();
  try {
    for (const file of files) await client.query(await readFile(path.join(dir, file), 'utf8'));
    await client.query("notify pgrst, 'reload schema'");
  } finally {
    await client.end();
  }
}

/** What tests learn about a running stack (also for scripts that start one and run tests against it). */
export function testStackInfo(stack: RunningStack, supabaseDir: string): TestStackInfo {
  return {
    url: stack.url,
    dbUrl: stack.dbUrl,
    adminDbUrl: stack.adminDbUrl,
    mailUrl: stack.mailUrl ?? '',
    anonKey: stack.keys.anon,
    serviceRoleKey: stack.keys.serviceRole,
    secretKey: stack.keys.secret,
    dataDir: stack.config.dataDir,
    supabaseDir,
  };
}

/**
 * A Vitest global setup that starts one fresh stack (own Postgres, own ports, temporary data) for a
 * whole test project and provides its URLs and keys to the test files.
 */
export function stackGlobalSetup(options: TestStackOptions) {
  return async function setup(project: TestProject) {
    const dataDir = await mkdtemp(path.join(tmpdir(), `${options.name ?? 'supabase-local'}-`));
    let stack: RunningStack | undefined;
    try {
      stack = await startStack({
        supabaseDir: options.supabaseDir,
        overrides: {
          dataDir,
          ...(await freeStackPorts()),
          databaseUrl: undefined,
          trustedProxies: options.trustedProxies ?? TEST_RUNNER_IS_PROXY,
        },
        reset: true,
        seed: options.seed,
        ephemeral: true,
      });
      if (options.fixturesDir) {
        await applySqlFiles(stack.adminDbUrl, options.fixturesDir);
        // Give the schema cache a moment to pick up the reload notification.
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    } catch (error) {
      await stack?.stop();
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
    project.provide('stack', testStackInfo(stack, options.supabaseDir));
    return async () => {
      await stack?.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  };
}
