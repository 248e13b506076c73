import { randomUUID } from 'node:crypto';
import { adminQuery } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { validateStoryGraph } from '@/lib/story-engine';
import { engineStory, importStory } from './story-fixtures';

// The graph rules in SQL (private.validate_story_graph, mirrored from the engine's validateStoryGraph):
// every choice leads to a page or is unexplored, an ending is reachable, no orphans, no dead ends, no
// cycles. The writers refuse a graph that breaks them and leave nothing behind.

type Problem = { code: string; segment_key: string | null; choice_key: string | null };
const problemsOf = (storyId: string) =>
  adminQuery<Problem>('select * from private.validate_story_graph($1) order by 1, 2, 3', [storyId]);
const codesOf = async (storyId: string) => [...new Set((await problemsOf(storyId)).map((p) => p.code))].sort();

async function countRows(storyId: string) {
  const [row] = await adminQuery<{ stories: number; segments: number; choices: number }>(
    `select (select count(*)::int from public.stories where id = $1) as stories,
            (select count(*)::int from public.story_segments where story_id = $1) as segments,
            (select count(*)::int from public.story_choices where story_id = $1) as choices`,
    [storyId],
  );
  return row;
}

/** The engine's story with one change, imported through the checked writer: the refusal's code. */
async function importBroken(change: (story: Awaited<ReturnType<typeof engineStory>>) => void) {
  const story = await engineStory({ seed: 31 });
  change(story);
  const id = randomUUID();
  let code: string | null = null;
  try {
    await adminQuery(`select private.import_story($1::jsonb, null, null, 'public', $2)`, [JSON.stringify(story), id]);
  } catch (error) {
    code = (error as { message: string }).message;
  }
  return { code, rows: await countRows(id) };
}

describe('story graph rules', () => {
  it('a story the engine wrote is valid in SQL as in the engine', async () => {
    const stored = await importStory({ visibility: 'public', seed: 30 });
    expect(validateStoryGraph(stored.story)).toEqual({ valid: true, problems: [] });
    expect(await problemsOf(stored.id)).toEqual([]);
  });

  it('finds each broken rule in a stored story', async () => {
    const stored = await importStory({ visibility: 'public', seed: 32 });
    const [ending] = await adminQuery<{ id: string; key: string }>(
      'select id, key from public.story_segments where story_id = $1 and is_ending order by key limit 1',
      [stored.id],
    );
    // An ending that offers a choice.
    const [start] = await adminQuery<{ id: string }>(
      'select start_segment_id as id from public.stories where id = $1',
      [stored.id],
    );
    await adminQuery(
      `insert into public.story_choices (story_id, key, from_segment_id, position, label) values ($1, 'x:c5', $2, 5, 'On')`,
      [stored.id, ending.id],
    );
    expect(await codesOf(stored.id)).toContain('ending_has_choices');
    await adminQuery(`delete from public.story_choices where story_id = $1 and key = 'x:c5'`, [stored.id]);

    // A page no choice leads to.
    await adminQuery(
      `insert into public.story_segments (story_id, key, depth, text, setting_id, scene, place, is_ending, state, provenance)
       select story_id, 's.9', 1, text, setting_id, scene, place, true, state, provenance from public.story_segments where id = $1`,
      [ending.id],
    );
    expect(await codesOf(stored.id)).toEqual(['orphan_segment']);
    await adminQuery(`delete from public.story_segments where story_id = $1 and key = 's.9'`, [stored.id]);

    // No endings at all: every former ending is now a dead end.
    await adminQuery('update public.story_segments set is_ending = false where story_id = $1', [stored.id]);
    expect(await codesOf(stored.id)).toEqual(expect.arrayContaining(['dead_end', 'no_reachable_ending']));
    await adminQuery('update public.story_segments set is_ending = true where id = $1', [ending.id]);

    // No start page.
    await adminQuery('update public.stories set start_segment_id = null where id = $1', [stored.id]);
    expect(await codesOf(stored.id)).toContain('missing_start');
    await adminQuery('update public.stories set start_segment_id = $2 where id = $1', [stored.id, start.id]);
  });

  it('the writer refuses a broken graph and stores nothing of it', async () => {
    // A choice further down that leads back to the first page: a cycle.
    const cycle = await importBroken((story) => {
      const choice = story.choices.find((c) => c.toSegmentId && c.fromSegmentId !== story.startSegmentId);
      if (choice) choice.toSegmentId = story.startSegmentId;
    });
    expect(cycle).toEqual({ code: 'story_graph_invalid', rows: { stories: 0, segments: 0, choices: 0 } });

    // A page nothing leads to.
    const orphan = await importBroken((story) => {
      const ending = story.segments.find((s) => s.isEnding);
      if (ending) story.segments.push({ ...ending, id: 's.9', depth: 1 });
    });
    expect(orphan).toEqual({ code: 'story_graph_invalid', rows: { stories: 0, segments: 0, choices: 0 } });

    // No ending anywhere.
    const endless = await importBroken((story) => {
      for (const segment of story.segments) segment.isEnding = false;
    });
    expect(endless).toEqual({ code: 'story_graph_invalid', rows: { stories: 0, segments: 0, choices: 0 } });

    // A choice to a page that is not there.
    const dangling = await importBroken((story) => {
      const choice = story.choices.find((c) => c.toSegmentId);
      if (choice) choice.toSegmentId = 's.7.7';
    });
    expect(dangling).toEqual({ code: 'story_pages_invalid', rows: { stories: 0, segments: 0, choices: 0 } });
  });
});
