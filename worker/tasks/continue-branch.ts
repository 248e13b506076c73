import type { Task } from 'graphile-worker';
import { StoryEngineError } from '@/lib/story-engine';
import { type RunOptions, runGenerationJob } from '../generation/run-job';

/**
 * The pages behind an unexplored choice (job kind continue_branch, from private.continue_story): the
 * engine continues the stored story from the choice, the new pages get pictures, then complete_branch
 * writes them (checked graph) and captures the credit in one transaction.
 */
export const continueBranch =
  (options: RunOptions): Task =>
  (payload, helpers) =>
    runGenerationJob(payload, helpers, options, async ({ started, provider, progress, illustrate, query }) => {
      if (!started.choice_key) throw new StoryEngineError('unknown_choice');
      await progress(10);
      const seed = Number(started.job.params.seed ?? 0);
      const branch = await provider.continueBranch(started.story, started.choice_key, seed);
      await progress(40);
      const pictures =
        started.job.params.illustrate !== false
          ? await illustrate(branch.segments, branch.story.characters, 40, 95)
          : {};
      await query('select private.complete_branch($1, $2::jsonb, $3::jsonb, $4::jsonb)', [
        started.job.id,
        JSON.stringify(branch.segments),
        JSON.stringify(branch.choices),
        JSON.stringify(pictures),
      ]);
    });
