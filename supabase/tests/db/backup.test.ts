import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { backedUpSequences, backedUpTables, migrate, restoreBackup, rollback, seed, writeBackup } from 'supabase-local';
import { type FreshDatabase, stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerInvariantViolations } from '../credits/ledger-invariants';

// db:backup / db:restore (packages/supabase-local/src/backup.ts) on our schema and demo data: a round
// trip gives back every row of every table and every sequence, byte for byte; a backup taken while
// money moves is one consistent moment; a wrong or broken file changes nothing.
const SUPABASE_DIR = stackInfo().supabaseDir;

/** Every backed-up table's row count and a checksum of its rows, and every sequence's position. */
async function fingerprint(db: FreshDatabase): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const result: Record<string, string> = {};
    for (const t of await backedUpTables(client)) {
      const name = `"${t.schema}"."${t.name}"`;
      const { rows } = await client.query<{ n: number; sum: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as sum from ${name} t`,
      );
      result[name] = `${rows[0].n} ${rows[0].sum}`;
    }
    for (const s of await backedUpSequences(client)) result[`sequence ${s.name}`] = `${s.last_value} ${s.is_called}`;
    return result;
  } finally {
    await client.end();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tf-backup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('give back every row and sequence of the demo data, and refuse a wrong or broken file, changing nothing', async () => {
    await withFreshDatabase(async (source) => {
      await migrate(source.postgresUrl, SUPABASE_DIR);
      await seed(source.postgresUrl, SUPABASE_DIR);
      const file = path.join(dir, 'demo.sql');
      const summary = await writeBackup(source.adminUrl, file);
      expect(summary.rows).toBeGreaterThan(100);
      const original = await fingerprint(source);
      expect(Object.keys(original).some((k) => k.includes('"auth"."users"'))).toBe(true);
      expect(original['"public"."credit_ledger"']).not.toMatch(/^0 /);

      await withFreshDatabase(async (target) => {
        await migrate(target.postgresUrl, SUPABASE_DIR);
        await restoreBackup(target.adminUrl, file);
        expect(await fingerprint(target)).toEqual(original);
        // Restored rows replace the seed: the database counts as seeded.
        expect(await target.query('select 1 from supabase_migrations.seed_files')).toHaveLength(1);
        // Restoring again replaces the data, not adds to it.
        await restoreBackup(target.adminUrl, file);
        expect(await fingerprint(target)).toEqual(original);

        // A file cut short, or with a broken statement in the middle, leaves the data as it was.
        const text = await readFile(file, 'utf8');
        const cut = path.join(dir, 'cut.sql');
        await writeFile(cut, text.slice(0, Math.floor(text.length / 2)));
        await expect(restoreBackup(target.adminUrl, cut)).rejects.toThrow(/incomplete/);
        const broken = path.join(dir, 'broken.sql');
        const lines = text.split('\n');
        const middle = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('INSERT'));
        lines[middle] = lines[middle].replace('VALUES (', 'VALUES (no such thing, ');
        await writeFile(broken, lines.join('\n'));
        await expect(restoreBackup(target.adminUrl, broken)).rejects.toThrow();
        await writeFile(path.join(dir, 'not-a-backup.sql'), 'select 1;');
        await expect(restoreBackup(target.adminUrl, path.join(dir, 'not-a-backup.sql'))).rejects.toThrow(
          /not a supabase-local data backup/,
        );
        expect(await fingerprint(target)).toEqual(original);

        // Another schema version is refused before anything is touched.
        await rollback(target.postgresUrl, SUPABASE_DIR);
        await expect(restoreBackup(target.adminUrl, file)).rejects.toThrow(/schema version/);
      });
    });
  });

  it('is one consistent moment while credits move: the restored ledger keeps every invariant', async () => {
    await withFreshDatabase(async (source) => {
      await migrate(source.postgresUrl, SUPABASE_DIR);
      await seed(source.postgresUrl, SUPABASE_DIR);
      const [family] = await source.query<{ id: string }>('select id from public.families order by created_at limit 1');
      await source.query(`select private.credit_wallet($1, 'purchase', 100000, 0)`, [family.id]);
      // Spends commit one after another while the backup reads; each moves a wallet row and a ledger row.
      let spending = true;
      const spends = (async () => {
        let n = 0;
        while (spending) {
          await source.query(`select private.debit_wallet($1, 'spend', 1)`, [family.id]);
          n++;
        }
        return n;
      })();
      const file = path.join(dir, 'busy.sql');
      await writeBackup(source.adminUrl, file);
      spending = false;
      expect(await spends).toBeGreaterThan(0);

      await withFreshDatabase(async (target) => {
        await migrate(target.postgresUrl, SUPABASE_DIR);
        await restoreBackup(target.adminUrl, file);
        expect(await ledgerInvariantViolations(target.query)).toEqual([]);
      });
    });
  });
});
