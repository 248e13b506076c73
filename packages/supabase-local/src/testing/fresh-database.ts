import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../config';
import { applyBootstrap } from '../migrations';
import { stackInfo } from './clients';

export interface FreshDatabase {
  adminUrl: string;
  postgresUrl: string;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface FreshDatabaseOptions {
  /** Default privileges mode (`[api] auto_expose_new_tables`); defaults to the project's config.toml. */
  autoExposeNewTables?: boolean;
}

/**
 * A new, empty database in the test cluster with the platform bootstrap applied, so migrations can
 * be applied and rolled back without disturbing the shared test database. Dropped afterwards.
 */
export async function withFreshDatabase(
  work: (db: FreshDatabase) => Promise<void>,
  options: FreshDatabaseOptions = {},
): Promise<void> {
  const name = `fresh_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const { adminDbUrl, dbUrl, supabaseDir } = stackInfo();
  const autoExposeNewTables = options.autoExposeNewTables ?? loadConfig(supabaseDir).autoExposeNewTables;
  const admin = new pg.Client({ connectionString: adminDbUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const adminUrl = withDatabase(adminDbUrl, name);
  const postgresUrl = withDatabase(dbUrl, name);
  try {
    // The bootstrap alters cluster-wide objects (roles); advisory locks are per database, so two fresh
    // databases bootstrapping at once would race ("tuple concurrently updated"). Serialise on the main one.
    await admin.query('select pg_advisory_lock(5432101)');
    try {
      await applyBootstrap(adminUrl, { autoExposeNewTables });
    } finally {
      await admin.query('select pg_advisory_unlock(5432101)');
    }
    await work({
      adminUrl,
      postgresUrl,
      async query(sql, params = []) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          return (await client.query(sql, params)).rows;
        } finally {
          await client.end();
        }
      },
    });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
