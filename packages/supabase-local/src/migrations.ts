import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { splitSqlStatements } from './sql-split';

// The Supabase CLI's file pattern (pkg/migration/file.go).
const MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/;
const BOOTSTRAP_DIR = path.join(import.meta.dirname, 'bootstrap');

export interface MigrationFile {
  version: string;
  name: string;
  fileName: string;
  path: string;
}

export function listMigrations(supabaseDir: string): MigrationFile[] {
  const dir = path.join(supabaseDir, 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((fileName) => {
      const match = MIGRATION_FILE.exec(fileName);
      return match ? [{ version: match[1], name: match[2], fileName, path: path.join(dir, fileName) }] : [];
    });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BootstrapOptions {
  /** `[api] auto_expose_new_tables`: grant what `postgres` creates in public to the API roles (default false). */
  autoExposeNewTables?: boolean;
}

/** Platform objects hosted Supabase already has (roles, schemas, auth, realtime). Local only. */
export async function applyBootstrap(adminUrl: string, options: BootstrapOptions = {}): Promise<void> {
  const files = readdirSync(BOOTSTRAP_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  await withClient(adminUrl, async (client) => {
    // Concurrent first starts on one server would race on `create role`; serialise them.
    await client.query('select pg_advisory_lock(5432100)');
    try {
      // Read by 15_default_privileges.sql; session-local, so it ends with this connection.
      await client.query("select set_config('supabase_local.auto_expose_new_tables', $1, false)", [
        String(options.autoExposeNewTables === true),
      ]);
      for (const file of files) {
        await client.query(readFileSync(path.join(BOOTSTRAP_DIR, file), 'utf8'));
      }
    } finally {
      await client.query('select pg_advisory_unlock(5432100)');
    }
  });
}

// As in the CLI's pkg/migration/history.go.
const HISTORY_DDL = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
  create table if not exists supabase_migrations.seed_files (path text not null primary key, hash text not null);
`;

async function appliedVersions(client: pg.Client): Promise<Set<string>> {
  await client.query(HISTORY_DDL);
  const { rows } = await client.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  return new Set(rows.map((r) => r.version));
}

/**
 * Applies pending migrations in file order, each in one transaction together with its history row,
 * as `postgres` (the owner of user objects), like `supabase migration up`. Returns the applied names.
 */
export async function migrate(postgresUrl: string, supabaseDir: string): Promise<string[]> {
  return withClient(postgresUrl, async (client) => {
    const applied = await appliedVersions(client);
    const done: string[] = [];
    for (const file of listMigrations(supabaseDir)) {
      if (applied.has(file.version)) continue;
      const sql = readFileSync(file.path, 'utf8');
      await client.query('reset all');
      await client.query('begin');
      try {
        await client.query(sql);
        await client.query(
          'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
          [file.version, file.name, splitSqlStatements(sql)],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file.fileName} failed: ${(error as Error).message}`);
      }
      done.push(file.fileName);
    }
    if (done.length) await client.query("notify pgrst, 'reload schema'");
    return done;
  });
}

/** Undoes the newest applied migration with `supabase/rollbacks/<same file name>`. */
export async function rollback(postgresUrl: string, supabaseDir: string): Promise<string | null> {
  return withClient(postgresUrl, async (client) => {
    await appliedVersions(client);
    const { rows } = await client.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version desc limit 1',
    );
    if (!rows.length) return null;
    const file = listMigrations(supabaseDir).find((m) => m.version === rows[0].version);
    if (!file) throw new Error(`Migration ${rows[0].version} is applied but its file is missing.`);
    const rollbackPath = path.join(supabaseDir, 'rollbacks', file.fileName);
    if (!existsSync(rollbackPath)) throw new Error(`No rollback for ${file.fileName} at ${rollbackPath}.`);
    await client.query('begin');
    try {
      await client.query(readFileSync(rollbackPath, 'utf8'));
      await client.query('delete from supabase_migrations.schema_migrations where version = $1', [file.version]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`Rollback ${file.fileName} failed: ${(error as Error).message}`);
    }
    await client.query("notify pgrst, 'reload schema'");
    return file.fileName;
  });
}

/** Runs supabase/seed.sql as `postgres` (so RLS does not apply) and records it as the CLI does. */
export async function seed(postgresUrl: string, supabaseDir: string): Promise<boolean> {
  const seedPath = path.join(supabaseDir, 'seed.sql');
  if (!existsSync(seedPath)) return false;
  const sql = readFileSync(seedPath, 'utf8');
  await withClient(postgresUrl, async (client) => {
    await appliedVersions(client);
    await client.query('begin');
    try {
      await client.query(sql);
      await client.query(
        `insert into supabase_migrations.seed_files (path, hash) values ($1, $2)
         on conflict (path) do update set hash = excluded.hash`,
        ['supabase/seed.sql', createHash('sha256').update(sql).digest('hex')],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw new Error(`Seed failed: ${(error as Error).message}`);
    }
  });
  return true;
}

/** Whether the seed has run on this database (so `npm run dev` seeds a new database exactly once). */
export async function isSeeded(postgresUrl: string): Promise<boolean> {
  return withClient(postgresUrl, async (client) => {
    await appliedVersions(client);
    const { rowCount } = await client.query('select 1 from supabase_migrations.seed_files');
    return (rowCount ?? 0) > 0;
  });
}
