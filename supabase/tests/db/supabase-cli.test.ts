import { execFile } from 'node:child_process';
import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMigrations } from 'supabase-local';
import { stackInfo } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// The real Supabase CLI (npm `supabase`, binary from its platform package) against the test stack's
// database: what it reads must be what `supabase migration up` and hosted would have written.
const SUPABASE_DIR = stackInfo().supabaseDir;
const ROOT = path.resolve(SUPABASE_DIR, '..');
const CLI = path.join(ROOT, 'node_modules/.bin/supabase');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The CLI insists on TLS for a --db-url it does not take for `[db] port`; the local server has none. */
function cliDbUrl(): string {
  const url = new URL(stackInfo().dbUrl);
  url.searchParams.set('sslmode', 'disable');
  return url.toString();
}

/** Rows of `supabase migration list`: [local, remote] versions (the CLI prints "` `" where one side lacks it). */
function migrationRows(stdout: string): [string, string][] {
  return stdout
    .split('\n')
    .map((line) => /^\s*`\s*(\d*)\s*`\s*\|\s*`\s*(\d*)\s*`\s*\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && (m[1] !== '' || m[2] !== ''))
    .map((m) => [m[1], m[2]]);
}

describe('supabase CLI against the local stack', () => {
  it('`supabase migration list` shows every local migration as applied', async () => {
    const result = await run(CLI, ['migration', 'list', '--db-url', cliDbUrl(), '--workdir', ROOT]);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const versions = listMigrations(SUPABASE_DIR).map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(migrationRows(result.stdout)).toEqual(versions.map((v) => [v, v]));
  });

  it('a migration not applied yet shows on the local side only', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tf-cli-'));
    try {
      await cp(path.join(SUPABASE_DIR, 'migrations'), path.join(dir, 'supabase/migrations'), { recursive: true });
      await copyFile(path.join(SUPABASE_DIR, 'config.toml'), path.join(dir, 'supabase/config.toml'));
      await writeFile(path.join(dir, 'supabase/migrations/20991231000000_pending.sql'), 'select 1;');
      const result = await run(CLI, ['migration', 'list', '--db-url', cliDbUrl(), '--workdir', dir]);
      expect(result.code).toBe(0);
      expect(migrationRows(result.stdout).at(-1)).toEqual(['20991231000000', '']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // Three `npm run`s (npm, tsx and the CLI each start up): slow on a busy machine.
  it('`npm run db:inspect -- <subcommand>` runs `supabase inspect db` on the local database', {
    timeout: 90_000,
  }, async () => {
    const env = { SUPABASE_DB_PORT: new URL(stackInfo().dbUrl).port };
    const tables = await run('npm', ['run', '--silent', 'db:inspect', '--', 'table-stats'], env);
    expect(tables.code).toBe(0);
    expect(tables.stdout).toMatch(/^\s*Name\s*\|\s*Table size\s*\|/m);
    expect(tables.stdout).toMatch(/^\s*public\.profiles\s*\|/m);
    // Needs pg_stat_statements, which hosted projects (and the local stack) have in `extensions`.
    const outliers = await run('npm', ['run', '--silent', 'db:inspect', '--', 'outliers'], env);
    expect(outliers.stderr).not.toMatch(/does not exist/);
    expect(outliers.code).toBe(0);
    const unknown = await run('npm', ['run', '--silent', 'db:inspect', '--', 'no-such-report'], env);
    expect(unknown.code).not.toBe(0);
  });
});
