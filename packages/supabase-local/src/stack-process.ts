import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeStackPorts } from './free-port';
import { ANON_KEY, PUBLISHABLE_KEY, SERVICE_ROLE_KEY } from './keys';
import { adminDbUrl } from './postgres';

const BIN = path.resolve(import.meta.dirname, '../bin/supabase-local.js');

export interface StackProcess {
  url: string;
  apiPort: number;
  dbPort: number;
  /** Superuser connection string, for set-up a benchmark does beside the API. */
  adminDbUrl: string;
  keys: { anon: string; serviceRole: string };
  dataDir: string;
  pid: number;
  /** Stops the stack and removes its data folder. */
  stop(): Promise<void>;
}

export interface StackProcessOptions {
  /** Names the throw-away data folder. */
  name: string;
  /** The project root holding supabase/ (its config, migrations and seed). */
  workdir: string;
  /** Extra node flags for the stack's process (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env?: (dataDir: string) => Record<string, string>;
}

/**
 * `supabase-local serve --reset` for a project in a process of its own, so that a load generator does
 * not share the stack's event loop: on free ports (API, database, mail) and a throw-away data folder.
 * Resolves once Auth answers its health check.
 */
export async function startStackProcess(options: StackProcessOptions): Promise<StackProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `tale-forge-${options.name}-`));
  const ports = await freeStackPorts();
  const url = `http://127.0.0.1:${ports.apiPort}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), BIN, 'serve', '--reset', '--workdir', options.workdir],
    {
      env: {
        ...process.env,
        ...options.env?.(dataDir),
        SUPABASE_API_PORT: String(ports.apiPort),
        SUPABASE_DB_PORT: String(ports.dbPort),
        SUPABASE_MAIL_PORT: String(ports.mailPort),
        SUPABASE_SMTP_PORT: String(ports.smtpPort),
        SUPABASE_LOCAL_DATA_DIR: dataDir,
        // Its own cluster, never a database the caller's environment points at.
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    apiPort: ports.apiPort,
    dbPort: ports.dbPort,
    adminDbUrl: adminDbUrl({ dbPort: ports.dbPort, databaseUrl: undefined }),
    keys: { anon: ANON_KEY, serviceRole: SERVICE_ROLE_KEY },
    dataDir,
    pid: child.pid ?? 0,
    stop,
  };
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the stack process exited with ${child.exitCode}`);
    try {
      // The gateway refuses keyless requests, as hosted does.
      if ((await fetch(`${url}/auth/v1/health`, { headers: { apikey: PUBLISHABLE_KEY } })).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the stack did not start within 2 minutes');
}
