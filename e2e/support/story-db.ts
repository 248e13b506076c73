import { adminQuery as query } from './admin-db';

// Read-only look-ups in the test stack's database, for steps a person would find by exploring (which
// page of a fresh story has a choice nobody has written yet).

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
