import { migrate } from 'supabase-local';
import { type FreshDatabase, stackInfo, withFreshDatabase } from 'supabase-local/testing';

/**
 * A scratch database with our migrations, for a test that must use up something the shared test
 * database has to keep (the 500 founder numbers). Under `npm run test:mutants` it is weakened exactly
 * like the stack the tests run against (TF_MUTANT_SQL), so such a test still defends its rule there.
 * Dropped afterwards.
 */
export async function withMigratedDatabase(work: (db: FreshDatabase) => Promise<void>): Promise<void> {
  await withFreshDatabase(async (db) => {
    await migrate(db.postgresUrl, stackInfo().supabaseDir);
    const mutant = process.env.TF_MUTANT_SQL;
    if (mutant) await db.query(mutant);
    await work(db);
  });
}
