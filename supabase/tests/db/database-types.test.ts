import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../local/migrations';
import { generateDatabaseTypes } from '../../local/types-gen';
import { SUPABASE_DIR, withFreshDatabase } from './fresh-database';

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
