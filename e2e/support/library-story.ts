import { createBuiltinProvider, LIBRARY_CHARACTERS, type Story } from '@/lib/story-engine';
import { adminQuery } from './admin-db';

// A public story in the library, for the tests that read one. Written by the real engine and stored
// through private.import_story, the checked writer the seed's demo library uses: a fresh one per test,
// so no test depends on another's data. The title carries a tag the test can search for. `edit` may
// change the written story before it is stored (the hostile-text test puts markup in its words).
/** A complete story from the built-in writer (the same engine the worker runs), not stored. */
export async function writtenStory({
  ageBand,
  templateId = 'dragon-dark',
  themeId = 'courage',
  seed,
}: {
  ageBand: '4-6' | '7-9' | '10-12';
  templateId?: string;
  themeId?: string;
  seed: number;
}): Promise<Story> {
  const { story } = await createBuiltinProvider().generateStory({
    ageBand,
    length: 'short',
    templateId,
    prompt: null,
    characters: [LIBRARY_CHARACTERS[0], LIBRARY_CHARACTERS[1]],
    themeId,
    moralId: null,
    seed,
  });
  return story;
}

export async function addLibraryStory({
  ageBand,
  tag,
  seed = 11,
  edit = (story) => story,
}: {
  ageBand: '4-6' | '7-9' | '10-12';
  tag: string;
  seed?: number;
  edit?: (story: Story) => Story;
}): Promise<{ id: string; title: string; story: Story }> {
  const written = await writtenStory({ ageBand, seed });
  const story = edit({ ...written, title: `${written.title} ${tag}` });
  const [{ id }] = await adminQuery<{ id: string }>(
    "select private.import_story($1::jsonb, null, null, 'public') as id",
    [JSON.stringify(story)],
  );
  return { id, title: story.title, story };
}

/**
 * A written story whose first page has one written choice and one nobody has written yet (its branch
 * cut off), for tests where a vote leaves a branch unexplored.
 */
export function withUnexploredFirstChoice(story: Story): { story: Story; written: string; unexplored: string } {
  const [written, cut] = story.choices.filter((c) => c.fromSegmentId === story.startSegmentId && c.toSegmentId);
  if (!written || !cut) throw new Error('the story has fewer than two written first choices');
  const root = cut.toSegmentId as string;
  const gone = (id: string) => id === root || id.startsWith(`${root}.`);
  return {
    story: {
      ...story,
      segments: story.segments.filter((s) => !gone(s.id)),
      choices: story.choices
        .filter((c) => !gone(c.fromSegmentId))
        .map((c) => (c.id === cut.id ? { ...c, toSegmentId: null } : c)),
    },
    written: written.label,
    unexplored: cut.label,
  };
}
