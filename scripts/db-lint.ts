// `npm run db:lint [-- --db-url <url>]`: Supabase's advisor checks (supabase/lint/) on a freshly migrated
// database. Without --db-url it starts a throw-away stack on free ports (migrations, no seed) and lints
// that; with it, it lints the given, already migrated database. Exits 1 on a finding that is not on
// supabase/lint/allow-list.ts or on a stale allow-list entry.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freeStackPorts, loadConfig, startStack } from 'supabase-local';
import { formatReport, runLints } from '../supabase/lint/run-lints';

const supabaseDir = path.resolve('supabase');
const schemas = loadConfig(supabaseDir).schemas;
const flag = process.argv.indexOf('--db-url');
const givenUrl = flag >= 0 ? process.argv[flag + 1] : undefined;

async function lintFreshStack() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tale-forge-lint-'));
  const stack = await startStack({
    supabaseDir,
    overrides: {
      dataDir,
      ...(await freeStackPorts()),
      databaseUrl: undefined,
    },
    reset: true,
    seed: false,
    ephemeral: true,
  });
  try {
    console.log(`db:lint: ${stack.appliedMigrations.length} migrations applied to a fresh database`);
    return await runLints(stack.adminDbUrl, schemas);
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const report = givenUrl ? await runLints(givenUrl, schemas) : await lintFreshStack();
console.log(formatReport(report));
process.exit(report.failures.length > 0 || report.stale.length > 0 ? 1 : 0);
