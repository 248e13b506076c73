import type { Task } from 'graphile-worker';
import { type RunOptions, runGenerationJob } from '../generation/run-job';

/**
 * A new story (job kind new_story, enqueued by private.create_story): the engine writes it from the
 * request the database hands over, the pictures are drawn and stored, then complete_new_story writes
 * the checked graph, marks the story ready and captures the credits in one transaction.
 */
export const generateStory =
  (options: RunOptions): Task =>
  (payload, helpers) =>
    runGenerationJob(payload, helpers, options, async ({ started, provider, progress, illustrate, query }) => {
      await progress(10);
      const { story } = await provider.generateStory(started.request);
      const drawPictures = started.job.params.illustrate !== false;
      await progress(drawPictures ? 40 : 90);
      const pictures = drawPictures ? await illustrate(story.segments, story.characters, 40, 95) : {};
      await query('select private.complete_new_story($1, $2::jsonb, $3::jsonb)', [
        started.job.id,
        JSON.stringify(story),
        JSON.stringify(pictures),
      ]);
    });
