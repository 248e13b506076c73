import type { Task } from 'graphile-worker';
import { type Story, StoryEngineError } from '@/lib/story-engine';
import { type RunOptions, runGenerationJob } from '../generation/run-job';

/** The story without a page and everything after it; the choice that led there is unexplored again. */
export function withoutSubtree(story: Story, key: string): { story: Story; choiceId: string } {
  const inSubtree = (id: string) => id === key || id.startsWith(`${key}.`);
  const leading = story.choices.find((c) => c.toSegmentId === key);
  if (!leading) throw new StoryEngineError('unknown_choice', { segmentId: key });
  return {
    choiceId: leading.id,
    story: {
      ...story,
      segments: story.segments.filter((s) => !inSubtree(s.id)),
      choices: story.choices
        .filter((c) => !inSubtree(c.fromSegmentId))
        .map((c) => (c.id === leading.id ? { ...c, toSegmentId: null } : c)),
    },
  };
}

/**
 * A reported page written again (job kind rewrite_segment, from private.report_segment; free): the page
 * and what follows it are written anew from the page before (a continuation with a new seed), or, for
 * the first page, the whole story from its request. complete_rewrite swaps them in, checked.
 */
export const rewriteSegment =
  (options: RunOptions): Task =>
  (payload, helpers) =>
    runGenerationJob(payload, helpers, options, async ({ started, provider, progress, illustrate, query }) => {
      const key = started.segment_key;
      if (!key) throw new StoryEngineError('unknown_choice');
      const seed = Number(started.job.params.seed ?? 0);
      await progress(10);
      let segments: Story['segments'];
      let choices: Story['choices'];
      if (key === started.story.startSegmentId) {
        const { story } = await provider.generateStory({ ...started.request, seed });
        segments = story.segments;
        choices = story.choices;
      } else {
        const cut = withoutSubtree(started.story, key);
        const branch = await provider.continueBranch(cut.story, cut.choiceId, seed);
        segments = branch.segments;
        choices = branch.choices;
      }
      // complete_rewrite reads the replaced page's key from the first segment.
      segments = [...segments].sort((a, b) => a.depth - b.depth);
      await progress(40);
      const pictures =
        started.job.params.illustrate !== false ? await illustrate(segments, started.story.characters, 40, 95) : {};
      await query('select private.complete_rewrite($1, $2::jsonb, $3::jsonb, $4::jsonb)', [
        started.job.id,
        JSON.stringify(segments),
        JSON.stringify(choices),
        JSON.stringify(pictures),
      ]);
    });
