// What every benchmark needs: a fresh local stack in its own process (so the load generator does not
// share its event loop), on free ports and a throw-away data folder, and latency percentiles.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/free-port';
import { PUBLISHABLE_KEY } from '../src/keys';

export interface BenchStack {
  url: string;
  apiPort: number;
  dbPort: number;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `supabase-local serve --reset` on the conformance project (no migrations) with extra node flags/env and waits until Auth answers its health check. */
const BIN = path.resolve(import.meta.dirname, '../bin/supabase-local.js');
const PROJECT = path.resolve(import.meta.dirname, '../test/project');

export async function startBenchStack(
  options: { name: string; nodeArgs?: string[]; env?: (dataDir: string) => Record<string, string> } = { name: 'bench' },
): Promise<BenchStack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `tale-forge-${options.name}-`));
  const apiPort = await freePort();
  const dbPort = await freePort();
  const url = `http://127.0.0.1:${apiPort}`;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve', '--reset', '--workdir', PROJECT], {
    env: {
      ...process.env,
      ...options.env?.(dataDir),
      SUPABASE_API_PORT: String(apiPort),
      SUPABASE_DB_PORT: String(dbPort),
      SUPABASE_LOCAL_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, apiPort, dbPort, dataDir, pid: child.pid ?? 0, stop };
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      // The gateway refuses keyless requests, as hosted does.
      if ((await fetch(`${url}/auth/v1/health`, { headers: { apikey: PUBLISHABLE_KEY } })).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('stack did not start');
}

export { percentile } from '../src/percentile';
