// `db:backup` / `db:restore`: a consistent data snapshot as plain SQL, shaped like what
// `supabase db dump --data-only` (pg_dump --data-only --inserts) writes, so `psql` users can restore it
// onto a database migrated to the same version, and `db:restore` does exactly that here. No pg_dump
// 17 exists on this machine (Debian bookworm ships 15, which refuses a 17 server), so the dump is read
// from the catalog: the schema comes from the migrations, the backup holds the rows and sequences.
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';

const HEADER = '-- supabase-local data backup';
const VERSION_LINE = /^-- schema version: (\d+)$/m;
/** How dates, times, intervals and floats are printed in the file, and so how they are read back. */
const TEXT_STYLE =
  "SET DateStyle = 'ISO, YMD';\nSET IntervalStyle = 'postgres';\nSET TimeZone = 'UTC';\nSET extra_float_digits = 3;";

/**
 * Schemas whose rows are not the project's data: the catalog, the migration history (the schema's,
 * checked against the header instead), Realtime's broadcast log (pruned after three days anyway) and
 * the worker's queue (graphile-worker re-creates its state; stuck jobs are swept by the app).
 */
const SKIPPED_SCHEMAS = [
  'pg_catalog',
  'information_schema',
  'pg_toast',
  'supabase_migrations',
  'realtime',
  'graphile_worker',
];

export type BackedUpTable = { schema: string; name: string; columns: string[]; hasIdentityAlways: boolean };

/** The tables a backup holds: ordinary and partitioned tables of the project's schemas, not extensions' own. */
export async function backedUpTables(client: pg.ClientBase): Promise<BackedUpTable[]> {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[]; identity_always: boolean }>(
    `select n.nspname as schema, c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns,
            bool_or(a.attidentity = 'a') as identity_always
       from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname <> all($1) and n.nspname not like 'pg\\_%'
        and not exists (select 1 from pg_catalog.pg_depend d
                         where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
      group by n.nspname, c.relname
      order by n.nspname, c.relname`,
    [SKIPPED_SCHEMAS],
  );
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    columns: r.columns,
    hasIdentityAlways: r.identity_always,
  }));
}

export type BackedUpSequence = { name: string; last_value: string; is_called: boolean };

/** The sequences of the same schemas, each with where it stands (`name` quoted, schema-qualified). */
export async function backedUpSequences(client: pg.ClientBase): Promise<BackedUpSequence[]> {
  const { rows } = await client.query<BackedUpSequence>(
    `select format('%I.%I', s.schemaname, s.sequencename) as name, coalesce(s.last_value, s.start_value) as last_value,
            s.last_value is not null as is_called
       from pg_catalog.pg_sequences s
      where s.schemaname <> all($1)
      order by 1`,
    [SKIPPED_SCHEMAS],
  );
  return rows;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableName = (t: { schema: string; name: string }) => `${ident(t.schema)}.${ident(t.name)}`;

async function schemaVersion(client: pg.ClientBase): Promise<string> {
  const { rows: history } = await client.query<{ exists: boolean }>(
    `select to_regclass('supabase_migrations.schema_migrations') is not null as exists`,
  );
  if (!history[0].exists) return 'none';
  const { rows } = await client.query<{ version: string | null }>(
    'select max(version) as version from supabase_migrations.schema_migrations',
  );
  return rows[0]?.version ?? 'none';
}

export type BackupSummary = { file: string; version: string; tables: number; rows: number; storageObjects: number };

/**
 * Writes every row of the project's tables and every sequence's position, read in ONE repeatable-read
 * snapshot (a spend committing meanwhile is either wholly in the file or not at all). `adminUrl`
 * must see every row (the superuser locally; `postgres` has BYPASSRLS on hosted).
 */
export async function writeBackup(adminUrl: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const out: string[] = [];
  let rowCount = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    // Values are written as text: in one unambiguous style, whatever the server's defaults.
    await client.query(TEXT_STYLE);
    const version = await schemaVersion(client);
    const tables = await backedUpTables(client);
    out.push(
      HEADER,
      `-- schema version: ${version}`,
      `-- taken at: ${new Date().toISOString()}`,
      '-- Restore onto a database migrated to exactly this version (npm run db:restore, or psql -f).',
      '',
      "SET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;",
      TEXT_STYLE,
      // Triggers (and the foreign-key checks, themselves triggers) stay quiet while rows come back as
      // they were: a family's insert must not grant a second wallet, the ledger's guard must not refuse.
      'SET session_replication_role = replica;',
      '',
    );
    for (const table of tables) {
      const columns = table.columns.map(ident).join(', ');
      // Postgres writes each value as a literal (quote_nullable of its text form), so every type
      // round-trips exactly as the server prints and parses it.
      const values = table.columns.map((c) => `quote_nullable(t.${ident(c)}::text)`).join(` || ', ' || `);
      await client.query(`declare rows_of cursor for select ${values} as v from ${tableName(table)} t`);
      const prefix = `INSERT INTO ${tableName(table)} (${columns})${table.hasIdentityAlways ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES (`;
      for (;;) {
        const { rows } = await client.query<{ v: string }>('fetch 5000 from rows_of');
        if (!rows.length) break;
        for (const row of rows) out.push(`${prefix}${row.v});`);
        rowCount += rows.length;
      }
      await client.query('close rows_of');
    }
    const sequences = await backedUpSequences(client);
    out.push('');
    for (const s of sequences) {
      out.push(`SELECT pg_catalog.setval('${s.name.replaceAll("'", "''")}', ${s.last_value}, ${s.is_called});`);
    }
    const storageObjects = tables.some((t) => t.schema === 'storage' && t.name === 'objects')
      ? (await client.query<{ n: number }>('select count(*)::int as n from storage.objects')).rows[0].n
      : 0;
    out.push('', 'RESET session_replication_role;', '');
    await client.query('commit');
    writeFileSync(file, out.join('\n'));
    return { file, version, tables: tables.length, rows: rowCount, storageObjects };
  } finally {
    await client.end();
  }
}

export type RestoreSummary = { version: string; tables: number };

/**
 * Replaces the data of every backed-up table with the file's, in ONE transaction: a file for another
 * schema version, or one that fails half-way (truncated, edited), changes nothing.
 */
export async function restoreBackup(adminUrl: string, file: string): Promise<RestoreSummary> {
  const sql = readFileSync(file, 'utf8');
  if (!sql.startsWith(HEADER)) throw new Error(`${file} is not a supabase-local data backup.`);
  const wanted = VERSION_LINE.exec(sql)?.[1];
  if (!wanted) throw new Error(`${file} does not say which schema version it belongs to.`);
  if (!/RESET session_replication_role;\s*$/.test(sql)) {
    throw new Error(`${file} is incomplete (it does not end as a backup ends); nothing was restored.`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    const version = await schemaVersion(client);
    if (version !== wanted) {
      throw new Error(
        `The backup is of schema version ${wanted}, the database is at ${version}: migrate it to ${wanted} first; nothing was restored.`,
      );
    }
    const tables = await backedUpTables(client);
    await client.query('set local session_replication_role = replica');
    if (tables.length) await client.query(`truncate ${tables.map(tableName).join(', ')}`);
    await client.query(sql);
    // The restored rows take the seed's place: `npm run dev` must not seed this database again.
    await client.query(
      `insert into supabase_migrations.seed_files (path, hash) values ('supabase/seed.sql', 'restored from a backup')
       on conflict (path) do nothing`,
    );
    await client.query('commit');
    await client.query("notify pgrst, 'reload schema'");
    return { version, tables: tables.length };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
