import pg from 'pg';

/**
 * SQL in the e2e stack's database as the platform's superuser: for what a test sets up or looks up
 * outside the app (private functions are not the API roles' to call).
 */
export async function adminQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    connectionString: `postgresql://supabase_admin:postgres@127.0.0.1:${process.env.E2E_DB_PORT}/postgres`,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
