import pg from 'pg';

// Read-only look-ups in the test stack's database, for steps a person would find by exploring (which
// page of a fresh story has a choice nobody has written yet). As the platform's superuser.
async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
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

/** A page of the story with an unexplored choice, and that choice's label. */
export async function pageWithUnexploredChoice(storyId: string): Promise<{ segmentId: string; label: string }> {
  const [row] = await query<{ segment_id: string; label: string }>(
    `select c.from_segment_id as segment_id, c.label from public.story_choices c
      join public.story_segments g on g.id = c.from_segment_id
     where c.story_id = $1 and c.to_segment_id is null order by g.depth, c.position limit 1`,
    [storyId],
  );
  if (!row) throw new Error(`story ${storyId} has no unexplored choice`);
  return { segmentId: row.segment_id, label: row.label };
}
