// `npx tsx scripts/story-seed-sql.ts --write`: the seed's living library, written by the story engine.
// The built-in writer is deterministic (same request and seed → the same story, byte for byte), so the
// SQL is generated once and committed inside supabase/seed.sql between the markers below; the seed then
// needs no Node at all (npm run dev, npm run db:reset and the e2e stack all run the same file), and
// supabase/tests/stories/story-seed.test.ts fails when the committed block and the engine drift apart.
// The stories go in through private.import_story, the checked writer (graph rules, page checks); their
// pictures are drawn by the worker when it starts (queue_missing_illustrations), into Storage.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type AgeBand,
  type Character,
  createBuiltinProvider,
  LIBRARY_CHARACTERS,
  type Story,
  type StoryLength,
} from '@/lib/story-engine';

export const SEED_FILE = path.resolve(import.meta.dirname, '../supabase/seed.sql');
export const BEGIN = '-- BEGIN generated stories (npx tsx scripts/story-seed-sql.ts --write; do not edit by hand)';
export const END = '-- END generated stories';

const DEMO_PARENT = 'd0d0d0d0-0000-4000-8000-000000000001';
const MIA = 'd0d0d0d0-0000-4000-8000-0000000000c1'; // 4-6
const LEO = 'd0d0d0d0-0000-4000-8000-0000000000c2'; // 10-12

interface SeedStory {
  id: string;
  band: AgeBand;
  length: StoryLength;
  template: string;
  theme: string;
  cast: string[];
  seed: number;
  /** Public library (no family), or the demo family's, by whom and for whom. */
  owner: { author: string; visibility: 'private' | 'family' } | null;
}

const character = (id: string): Character => {
  const found = LIBRARY_CHARACTERS.find((c) => c.id === id);
  if (!found) throw new Error(`no library character ${id}`);
  return found;
};

/** Stable ids, so the app, the tests and a reader's bookmarks can name a demo story across resets. */
const storyId = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SEED_STORIES: SeedStory[] = [
  // The public library: every age band, short and longer stories, different templates and themes.
  {
    id: storyId(1),
    band: '4-6',
    length: 'short',
    template: 'lost-pet',
    theme: 'friendship',
    cast: ['pip-fox', 'luna-rabbit'],
    seed: 101,
    owner: null,
  },
  {
    id: storyId(2),
    band: '4-6',
    length: 'medium',
    template: 'rainbow-egg',
    theme: 'nature',
    cast: ['rosie-pig', 'bo-bear'],
    seed: 102,
    owner: null,
  },
  {
    id: storyId(3),
    band: '4-6',
    length: 'short',
    template: 'birthday-surprise',
    theme: 'kindness',
    cast: ['coco-cat', 'finn-otter'],
    seed: 103,
    owner: null,
  },
  {
    id: storyId(4),
    band: '7-9',
    length: 'short',
    template: 'space-trip',
    theme: 'curiosity',
    cast: ['zara-girl', 'bolt-robot'],
    seed: 104,
    owner: null,
  },
  {
    id: storyId(5),
    band: '7-9',
    length: 'medium',
    template: 'treasure-map',
    theme: 'teamwork',
    cast: ['milo-boy', 'penny-penguin', 'gus-goat'],
    seed: 105,
    owner: null,
  },
  {
    id: storyId(6),
    band: '7-9',
    length: 'short',
    template: 'runaway-kite',
    theme: 'patience',
    cast: ['tilly-tortoise', 'kai-boy'],
    seed: 106,
    owner: null,
  },
  {
    id: storyId(7),
    band: '10-12',
    length: 'short',
    template: 'library-mystery',
    theme: 'honesty',
    cast: ['nia-girl', 'ollie-owl'],
    seed: 107,
    owner: null,
  },
  {
    id: storyId(8),
    band: '10-12',
    length: 'medium',
    template: 'dragon-dark',
    theme: 'courage',
    cast: ['maya-girl', 'ember-dragon'],
    seed: 108,
    owner: null,
  },
  {
    id: storyId(9),
    band: '10-12',
    length: 'short',
    template: 'missing-stars',
    theme: 'imagination',
    cast: ['ziggy-alien', 'sam-child'],
    seed: 109,
    owner: null,
  },
  // The demo family's own: one for the family, Mia's and Leo's private ones.
  {
    id: storyId(21),
    band: '4-6',
    length: 'short',
    template: 'giant-seed',
    theme: 'patience',
    cast: ['hugo-hedgehog', 'ari-unicorn'],
    seed: 121,
    owner: { author: DEMO_PARENT, visibility: 'family' },
  },
  {
    id: storyId(22),
    band: '4-6',
    length: 'short',
    template: 'underwater-school',
    theme: 'friendship',
    cast: ['luna-rabbit', 'penny-penguin'],
    seed: 122,
    owner: { author: MIA, visibility: 'private' },
  },
  {
    id: storyId(23),
    band: '10-12',
    length: 'short',
    template: 'robot-spark',
    theme: 'imagination',
    cast: ['bolt-robot', 'kai-boy'],
    seed: 123,
    owner: { author: LEO, visibility: 'private' },
  },
];

/** Where the demo children are: Mia part-way through a public story, Leo at an ending of his own. */
export const SEED_PROGRESS = [
  { reader: MIA, story: storyId(1), steps: 1 },
  { reader: MIA, story: storyId(21), steps: 2 },
  { reader: LEO, story: storyId(7), steps: 1 },
  { reader: LEO, story: storyId(23), steps: 'ending' as const },
];

export async function seedStories(): Promise<{ spec: SeedStory; story: Story }[]> {
  const provider = createBuiltinProvider();
  return Promise.all(
    SEED_STORIES.map(async (spec) => {
      const { story } = await provider.generateStory({
        ageBand: spec.band,
        length: spec.length,
        templateId: spec.template,
        prompt: null,
        characters: spec.cast.map(character),
        themeId: spec.theme,
        moralId: null,
        seed: spec.seed,
      });
      return { spec, story };
    }),
  );
}

/** The segment keys from the start along the first explored choice of each page. */
function pathKeys(story: Story, steps: number | 'ending'): string[] {
  const keys = [story.startSegmentId];
  for (;;) {
    const here = story.segments.find((s) => s.id === keys[keys.length - 1]);
    if (!here || here.isEnding || (steps !== 'ending' && keys.length > steps)) return keys;
    const next = story.choices.find((c) => c.fromSegmentId === here.id && c.toSegmentId)?.toSegmentId;
    if (!next) return keys;
    keys.push(next);
  }
}

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function storySeedSql(): Promise<string> {
  const written = await seedStories();
  const family = `(select fm.family_id from public.family_members fm where fm.user_id = ${text(DEMO_PARENT)})`;
  const lines = [BEGIN];
  lines.push(
    `-- ${written.length} stories (public library in every band, the demo family's own) and the demo children's`,
    '-- bookmarks. Each is skipped when its id exists, like the rest of this file.',
  );
  for (const { spec, story } of written) {
    const json = JSON.stringify(story);
    if (json.includes('$story$')) throw new Error('story text contains the quoting tag');
    const owner = spec.owner;
    lines.push(
      `-- ${story.title} (${story.ageBand}, ${story.length}, ${story.segments.length} pages${owner ? `, ${owner.visibility}` : ', public'})`,
      `select private.import_story($story$${json}$story$::jsonb, ${owner ? family : 'null'}, ${owner ? text(owner.author) : 'null'}, ${text(owner ? owner.visibility : 'public')}, ${text(spec.id)})`,
      ` where not exists (select 1 from public.stories where id = ${text(spec.id)});`,
    );
  }
  for (const progress of SEED_PROGRESS) {
    const story = written.find((w) => w.spec.id === progress.story)?.story;
    if (!story) throw new Error(`no seed story ${progress.story}`);
    const keys = pathKeys(story, progress.steps);
    lines.push(
      `insert into public.reading_progress (story_id, reader_id, family_id, path)`,
      `select ${text(progress.story)}, ${text(progress.reader)}, ${family},`,
      `       array(select g.id from unnest(array[${keys.map(text).join(', ')}]) with ordinality k(key, n)`,
      `               join public.story_segments g on g.story_id = ${text(progress.story)} and g.key = k.key order by k.n)`,
      ` where not exists (select 1 from public.reading_progress where story_id = ${text(progress.story)} and reader_id = ${text(progress.reader)});`,
    );
  }
  lines.push(END);
  return `${lines.join('\n')}\n`;
}

/** seed.sql with the generated block put in (replacing the old one, or appended). */
export function withBlock(seed: string, block: string): string {
  const start = seed.indexOf(BEGIN);
  if (start < 0) return `${seed.trimEnd()}\n\n${block}`;
  const end = seed.indexOf(END, start);
  if (end < 0) throw new Error('seed.sql has the BEGIN marker of the generated stories but not the END one');
  return `${seed.slice(0, start)}${block}${seed.slice(end + END.length + 1)}`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const block = await storySeedSql();
  if (process.argv.includes('--write')) {
    writeFileSync(SEED_FILE, withBlock(readFileSync(SEED_FILE, 'utf8'), block));
    console.log(`wrote ${SEED_STORIES.length} stories into ${path.relative(process.cwd(), SEED_FILE)}`);
  } else {
    process.stdout.write(block);
  }
}
