import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateDatabaseTypes, migrate } from 'supabase-local';
import { stackInfo, withFreshDatabase } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';

const SUPABASE_DIR = stackInfo().supabaseDir;

describe('lib/database.types.ts', () => {
  it('matches the migrated schema (run `npm run db:types` after changing a migration)', async () => {
    const committed = await readFile(path.resolve(SUPABASE_DIR, '../lib/database.types.ts'), 'utf8');
    await withFreshDatabase(async (db) => {
      await migrate(db.postgresUrl, SUPABASE_DIR);
      const generated = await generateDatabaseTypes(db.postgresUrl);
      expect(generated).toContain('profiles: {');
      expect(generated).toBe(committed);
    });
  });
});
