// The Supabase CLI's verbs for the Docker-free local stack: start, stop, status, serve, reset,
// migrate, rollback, types, and backup/restore of the data. The package's bin (`supabase-local <verb>`) loads this file; it works on
// the project in the current directory (./supabase).
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { restoreBackup, writeBackup } from './backup';
import { apiUrl, dbUrl, loadConfig, type StackConfig } from './config';
import { ANON_KEY, JWT_SECRET, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys';
import { applyBootstrap, migrate, rollback } from './migrations';
import { adminDbUrl, type DatabaseServer, startDatabase } from './postgres';
import { writeDatabaseTypes } from './types-gen';

// `--workdir <dir>` as in the Supabase CLI: the project root holding supabase/ (default: the current directory).
const workdirAt = process.argv.indexOf('--workdir');
const workdir = workdirAt > 0 ? path.resolve(process.argv[workdirAt + 1] ?? '.') : process.cwd();
if (workdirAt > 0) process.argv.splice(workdirAt, 2);
const supabaseDir = path.join(workdir, 'supabase');
// The background server is the same CLI in `serve` mode, started through the bin (which loads tsx).
const BIN = path.resolve(import.meta.dirname, '../bin/supabase-local.js');
const config = loadConfig(supabaseDir);
const pidFile = path.join(config.dataDir, 'stack.pid');
const logFile = path.join(config.dataDir, 'stack.log');

function statusLines(c: StackConfig): string {
  const rows: [string, string][] = [
    ['API URL', apiUrl(c)],
    ['REST URL', `${apiUrl(c)}/rest/v1`],
    ['DB URL', dbUrl(c)],
    ...(c.localSmtp.enabled ? ([['Mailpit URL', `http://127.0.0.1:${c.mailPort}`]] as [string, string][]) : []),
    ['JWT secret', JWT_SECRET],
    ['anon key', ANON_KEY],
    ['service_role key', SERVICE_ROLE_KEY],
    ['Publishable key', PUBLISHABLE_KEY],
    ['Secret key', SECRET_KEY],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padStart(width)}: ${v}`).join('\n');
}

function runningPid(): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function isHealthy(c: StackConfig): Promise<boolean> {
  try {
    const res = await fetch(`${apiUrl(c)}/auth/v1/health`, { headers: { apikey: ANON_KEY } });
    return res.ok;
  } catch {
    return false;
  }
}

/** Foreground: what `start` runs in the background, and what Playwright runs as a web server. */
async function serve(reset: boolean): Promise<void> {
  const verbose = process.env.SUPABASE_LOCAL_VERBOSE === '1';
  // Loaded here so that migrate/rollback/types work without starting the API services.
  const { startStack } = await import('./stack');
  const stack = await startStack({ supabaseDir, reset, log: verbose ? console.log : undefined });
  for (const m of stack.appliedMigrations) console.log(`Applied migration ${m}`);
  if (stack.seeded) console.log('Seeded supabase/seed.sql');
  console.log(`Local Supabase stack is running.\n${statusLines(stack.config)}`);
  const shutdown = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function start(reset = false): Promise<void> {
  if (runningPid() && (await isHealthy(config))) {
    console.log(`Local Supabase stack is already running.\n${statusLines(config)}`);
    return;
  }
  await mkdir(config.dataDir, { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [BIN, 'serve', ...(reset ? ['--reset'] : [])], {
    detached: true,
    stdio: ['ignore', out, out],
    env: process.env,
  });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await isHealthy(config)) {
      console.log(`Started local Supabase stack (pid ${child.pid}, log ${path.relative(process.cwd(), logFile)}).`);
      console.log(statusLines(config));
      return;
    }
    if (child.exitCode !== null || !runningPid()) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`The local stack did not become healthy; see ${logFile}`);
}

async function stop(): Promise<void> {
  const pid = runningPid();
  if (!pid) {
    console.log('Local Supabase stack is not running.');
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 200 && runningPid(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  rmSync(pidFile, { force: true });
  console.log('Stopped local Supabase stack.');
}

/** Runs `work` against the running stack's database, or a temporarily started one. */
async function withDatabase<T>(work: (postgresUrl: string, adminUrl: string) => Promise<T>): Promise<T> {
  if (runningPid() || config.databaseUrl) return work(dbUrl(config), adminDbUrl(config));
  const db: DatabaseServer = await startDatabase(config);
  try {
    await applyBootstrap(db.adminUrl, { autoExposeNewTables: config.autoExposeNewTables });
    return await work(db.urlFor('postgres'), db.adminUrl);
  } finally {
    await db.stop();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'serve':
      return serve(args.includes('--reset'));
    case 'start':
      return start();
    case 'stop':
      return stop();
    case 'status':
      if (runningPid() && (await isHealthy(config)))
        console.log(`Local Supabase stack is running.\n${statusLines(config)}`);
      else {
        console.log('Local Supabase stack is not running. Start it with `npm run supabase:start`.');
        process.exitCode = 1;
      }
      return;
    case 'reset':
      if (config.databaseUrl) throw new Error('db:reset only resets the local embedded database; unset DATABASE_URL.');
      await stop();
      return start(true);
    case 'migrate': {
      const applied = await withDatabase((url) => migrate(url, supabaseDir));
      console.log(applied.length ? applied.map((m) => `Applied ${m}`).join('\n') : 'No pending migrations.');
      return;
    }
    case 'rollback': {
      const undone = await withDatabase((url) => rollback(url, supabaseDir));
      console.log(undone ? `Rolled back ${undone}` : 'No applied migration to roll back.');
      return;
    }
    case 'types': {
      // Types describe the migrated schema, so pending migrations are applied first.
      const file = await withDatabase(async (url) => {
        for (const m of await migrate(url, supabaseDir)) console.log(`Applied ${m}`);
        return writeDatabaseTypes(url, path.join(workdir, 'lib/database.types.ts'));
      });
      console.log(`Wrote ${path.relative(process.cwd(), file)}`);
      return;
    }
    case 'backup': {
      const stamp = new Date().toISOString().replaceAll(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      const file = path.resolve(args[0] ?? path.join(workdir, 'backups', `backup-${stamp}.sql`));
      await mkdir(path.dirname(file), { recursive: true });
      const summary = await withDatabase((_, adminUrl) => writeBackup(adminUrl, file));
      console.log(
        `Wrote ${path.relative(process.cwd(), file)}: ${summary.rows} rows of ${summary.tables} tables, schema version ${summary.version}.`,
      );
      if (summary.storageObjects > 0) {
        console.log(
          `${summary.storageObjects} storage objects are listed in it; their bytes are files under ${path.relative(process.cwd(), path.join(config.dataDir, 'storage'))} (copy that folder too).`,
        );
      }
      return;
    }
    case 'restore': {
      if (!args[0]) throw new Error('Usage: supabase-local restore <backup file> (from supabase-local backup).');
      const summary = await withDatabase((_, adminUrl) => restoreBackup(adminUrl, path.resolve(args[0])));
      console.log(`Restored ${args[0]}: ${summary.tables} tables, schema version ${summary.version}.`);
      return;
    }
    default:
      console.log(
        'Usage: supabase-local <start|stop|status|serve [--reset]|reset|migrate|rollback|types|backup [file]|restore <file>>',
      );
      process.exitCode = command ? 1 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
