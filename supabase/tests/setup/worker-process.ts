import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Everything the worker printed so far (its task logs). */
  output: () => string;
  /** SIGTERM and wait (the worker finishes running jobs first). */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, mid-job if it is in one. */
  kill(): Promise<void>;
}

/**
 * Runs the real worker (`worker/main.ts`, as `npm run worker` does) against a database and resolves once
 * it has installed graphile-worker's schema and is taking jobs. `schedule: false` switches the crontab
 * off, so tests decide when periodic jobs run (they enqueue them with graphile_worker.add_job).
 */
export async function spawnWorker(
  connectionString: string,
  { schedule = false, env = {} }: { schedule?: boolean; env?: Record<string, string> } = {},
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'worker/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, WORKER_DATABASE_URL: connectionString, WORKER_SCHEDULE: schedule ? 'on' : 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
