import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PREFIX = 'tale-forge-e2e-';
const STALE_AFTER_MS = 60 * 60 * 1000;

function postmasterRunning(dir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh folder for the stack's database. Playwright stops the stack after every other teardown, so a
 * run cannot delete its own folder; instead each run removes earlier runs' folders (~40 MB each) once
 * they are an hour old and their Postgres is gone, which never touches a run still in progress.
 */
export function freshStackDataDir(): string {
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(PREFIX))) {
    const dir = path.join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_AFTER_MS && !postmasterRunning(dir)) {
        rmSync(dir, { recursive: true, force: true });
      }
    } catch {
      // Another run removed it first.
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), PREFIX));
  // mkdtemp makes the folder 0700; Postgres runs as its own user when we are root and must get in.
  chmodSync(dir, 0o755);
  return dir;
}
