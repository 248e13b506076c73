import { randomUUID } from 'node:crypto';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listMigrations, migrate, rollback } from 'supabase-local';
import { stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

// 20261201120000_reading_heartbeats.sql turns minute entries into one row of seconds per child and day:
// minutes already recorded must still count after it, and its rollback must bring them back.
const SUPABASE_DIR = stackInfo().supabaseDir;
const HEARTBEATS = '20261201120000';
const DEVICES = '20261201121000';

describe('reading heartbeats migration', () => {
  it('carries recorded minutes over as seconds, and its rollback carries them back as minutes', async () => {
    await withFreshDatabase(async (db) => {
      // The schema as it was before the heartbeats: every migration older than them.
      const dir = await mkdtemp(path.join(tmpdir(), 'tf-heartbeats-'));
      await copyFile(path.join(SUPABASE_DIR, 'config.toml'), path.join(dir, 'config.toml'));
      await cp(path.join(SUPABASE_DIR, 'migrations'), path.join(dir, 'migrations'), {
        recursive: true,
        filter: (source) => !/\d{14}_/.test(path.basename(source)) || path.basename(source) < HEARTBEATS,
      });
      await cp(path.join(SUPABASE_DIR, 'rollbacks'), path.join(dir, 'rollbacks'), { recursive: true });
      await migrate(db.postgresUrl, dir);

      const childId = randomUUID();
      const [family] = await db.query<{ id: string }>(`insert into public.families (name) values ('Old') returning id`);
      // A child account (account_type child), so sign-up's trigger gives it no family of its own.
      await db.query(
        `insert into auth.users (id, email, raw_app_meta_data) values ($1, $2, '{"account_type": "child"}')`,
        [childId, `${childId}@example.invalid`],
      );
      await db.query(`insert into public.family_members (family_id, user_id, role) values ($1, $2, 'child')`, [
        family.id,
        childId,
      ]);
      await db.query(
        `insert into public.reading_time_entries (family_id, child_id, local_date, minutes)
         values ($1, $2, '2026-11-30', 60), ($1, $2, '2026-11-30', 15), ($1, $2, '2026-12-01', 1)`,
        [family.id, childId],
      );

      // Now the heartbeats and the family devices (this change's migrations, nothing later).
      const ours = listMigrations(SUPABASE_DIR).filter((f) => f.version >= HEARTBEATS && f.version <= DEVICES);
      for (const file of ours) {
        await copyFile(
          path.join(SUPABASE_DIR, 'migrations', file.fileName),
          path.join(dir, 'migrations', file.fileName),
        );
      }
      await migrate(db.postgresUrl, dir);
      expect(
        await db.query(
          'select local_date::text, seconds from public.reading_time_entries where child_id = $1 order by 1',
          [childId],
        ),
      ).toEqual([
        { local_date: '2026-11-30', seconds: 75 * 60 },
        { local_date: '2026-12-01', seconds: 60 },
      ]);

      // Roll back to just before the heartbeats: whole minutes again, in entries of at most 60.
      for (const _ of ours) await rollback(db.postgresUrl, dir);
      expect(
        await db.query(
          `select local_date::text, minutes from public.reading_time_entries where child_id = $1 order by 1, 2 desc`,
          [childId],
        ),
      ).toEqual([
        { local_date: '2026-11-30', minutes: 60 },
        { local_date: '2026-11-30', minutes: 15 },
        { local_date: '2026-12-01', minutes: 1 },
      ]);
      await rm(dir, { recursive: true, force: true });
    });
  });
});
