import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMigrations, migrate, rollback } from 'supabase-local';
import { stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { schemaSnapshotSql } from './schema-snapshot';

const SUPABASE_DIR = stackInfo().supabaseDir;

const publicObjects = `
  select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
  union all
  select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
  order by 1`;

describe('migrations', () => {
  it('apply in order, are recorded like the Supabase CLI, and each rollback undoes its migration', async () => {
    const files = listMigrations(SUPABASE_DIR);
    expect(files.length).toBeGreaterThan(0);
    await withFreshDatabase(async (db) => {
      const applied = await migrate(db.postgresUrl, SUPABASE_DIR);
      expect(applied).toEqual(files.map((f) => f.fileName));
      const history = await db.query<{ version: string; name: string; statements: string[] }>(
        'select version, name, statements from supabase_migrations.schema_migrations order by version',
      );
      expect(history.map((h) => h.version)).toEqual(files.map((f) => f.version));
      expect(history.every((h) => h.statements.length > 0)).toBe(true);
      expect(await migrate(db.postgresUrl, SUPABASE_DIR)).toEqual([]);

      // Roll everything back, newest first: nothing of ours may be left in public.
      for (const file of [...files].reverse()) {
        expect(await rollback(db.postgresUrl, SUPABASE_DIR)).toBe(file.fileName);
      }
      expect(await rollback(db.postgresUrl, SUPABASE_DIR)).toBeNull();
      expect(await db.query(publicObjects)).toEqual([]);
      expect(await db.query('select * from supabase_migrations.schema_migrations')).toEqual([]);

      // And the chain applies again cleanly after a full rollback.
      expect(await migrate(db.postgresUrl, SUPABASE_DIR)).toHaveLength(files.length);
    });
  });

  it('each rollback leaves the schema exactly as its migration found it', async () => {
    // Apply the chain one migration at a time (a scratch folder that grows by one file), remembering the
    // schema before each; then roll back newest first and compare. A rollback that recreates a constraint
    // or index under an old name, forgets one a later migration added, or loses a grant or comment fails.
    const files = listMigrations(SUPABASE_DIR);
    await withFreshDatabase(async (db) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'tf-migrations-'));
      try {
        await mkdir(path.join(dir, 'migrations'));
        await copyFile(path.join(SUPABASE_DIR, 'config.toml'), path.join(dir, 'config.toml'));
        const snapshot = async () => (await db.query<{ line: string }>(schemaSnapshotSql)).map((r) => r.line);
        const before: string[][] = [];
        for (const file of files) {
          before.push(await snapshot());
          await copyFile(file.path, path.join(dir, 'migrations', file.fileName));
          expect(await migrate(db.postgresUrl, dir)).toEqual([file.fileName]);
        }
        for (let i = files.length - 1; i >= 0; i--) {
          expect(await rollback(db.postgresUrl, SUPABASE_DIR)).toBe(files[i].fileName);
          const after = await snapshot();
          const [was, is] = [new Set(before[i]), new Set(after)];
          const difference = {
            lost: before[i].filter((line) => !is.has(line)),
            left: after.filter((line) => !was.has(line)),
          };
          expect(difference, `after rolling back ${files[i].fileName}`).toEqual({ lost: [], left: [] });
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }, 120_000);

  it('a failing migration changes nothing and is not recorded', async () => {
    await withFreshDatabase(async (db) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'tf-migrations-'));
      await mkdir(path.join(dir, 'migrations'));
      await copyFile(path.join(SUPABASE_DIR, 'config.toml'), path.join(dir, 'config.toml'));
      await writeFile(path.join(dir, 'migrations', '20990101000000_good.sql'), 'create table public.good (id int);');
      await writeFile(
        path.join(dir, 'migrations', '20990101000001_bad.sql'),
        'create table public.half (id int);\nselect * from public.does_not_exist;',
      );
      await expect(migrate(db.postgresUrl, dir)).rejects.toThrow(/20990101000001_bad\.sql failed/);
      const tables = await db.query<{ relname: string }>(
        `select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where nspname = 'public' and relkind = 'r'`,
      );
      expect(tables.map((t) => t.relname)).toEqual(['good']);
      const history = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
      expect(history.map((h) => h.version)).toEqual(['20990101000000']);
      await rm(dir, { recursive: true, force: true });
    });
  });
});
