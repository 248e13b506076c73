import type { Task } from 'graphile-worker';
import { type RunOptions, runGenerationJob } from '../generation/run-job';

/**
 * Pictures for the pages of a story that have none (job kind illustrate, from
 * private.queue_missing_illustrations: the seed's stories, written without a worker). Free.
 */
export const illustrateStory =
  (options: RunOptions): Task =>
  (payload, helpers) =>
    runGenerationJob(payload, helpers, options, async ({ started, progress, illustrate, query }) => {
      const missing = new Set(started.missing_illustrations);
      const segments = started.story.segments.filter((s) => missing.has(s.id));
      await progress(10);
      const pictures = await illustrate(segments, started.story.characters, 10, 95);
      await query('select private.complete_illustrations($1, $2::jsonb)', [started.job.id, JSON.stringify(pictures)]);
    });
