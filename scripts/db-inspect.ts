// `npm run db:inspect -- <subcommand> [flags]`: the real Supabase CLI's `supabase inspect db` against the
// local stack's database (table-stats, index-stats, locks, outliers…; `npm run db:inspect -- --help`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { dbUrl, loadConfig } from 'supabase-local';

/**
 * The CLI treats a --db-url that is not `[db] port` on 127.0.0.1 as remote and insists on TLS, which the
 * local server does not speak; on loopback, say so explicitly (SUPABASE_DB_PORT may move the port).
 */
function inspectUrl(url: string): string {
  const parsed = new URL(url);
  if (['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) && !parsed.searchParams.has('sslmode')) {
    parsed.searchParams.set('sslmode', 'disable');
  }
  return parsed.toString();
}

const args = process.argv.slice(2);
const supabase = path.resolve('node_modules/.bin/supabase');
const url = inspectUrl(dbUrl(loadConfig(path.resolve('supabase'))));
const result = spawnSync(supabase, ['inspect', 'db', ...args, '--db-url', url, '--workdir', process.cwd()], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
