import type { JobHelpers } from 'graphile-worker';
import { z } from 'zod';
import type { Character, Story, StoryProvider, StoryRequest, StorySegment } from '@/lib/story-engine';
import { classifyFailure, isJobNotRunning } from './failure';
import { illustrationPath, type StoryMedia } from './media';
import { type ModelRow, providerForModel } from './provider';

// The life of one generation job in the worker, shared by every kind: take it
// (private.start_generation_job), do the work while reporting progress (each step is broadcast to the
// progress bar by the database), finish it in one transaction (complete_*: pages, pictures, credits
// captured) or fail it (fail_generation_job: credits released), or, when another attempt could go
// better, put it back to pending and let graphile-worker retry with backoff. Every database call is
// idempotent per job, so a retried or duplicated graphile job applies once.

export const jobPayloadSchema = z.object({ job_id: z.uuid() });

export interface StartedJob {
  job: { id: string; kind: string; params: Record<string, unknown>; attempts: number };
  model: ModelRow;
  story_id: string;
  family_id: string | null;
  story: Story;
  request: StoryRequest;
  choice_key: string | null;
  segment_key: string | null;
  missing_illustrations: string[];
}

export interface JobContext {
  started: StartedJob;
  provider: StoryProvider;
  /** Reports progress (0-99); stops the run when the job is no longer processing (swept). */
  progress(percent: number): Promise<void>;
  /** Draws the pages' pictures and stores them, reporting progress between `from` and `to`. */
  illustrate(segments: StorySegment[], cast: Character[], from: number, to: number): Promise<Record<string, string>>;
  /** Runs SQL on the worker's connection (the job's completion). */
  query: JobHelpers['query'];
}

/** The job stopped being ours (the sweeper failed it): nothing more to do. */
class JobStopped extends Error {}

export interface RunOptions {
  media: StoryMedia;
  env?: Record<string, string | undefined>;
}

export async function runGenerationJob(
  payload: unknown,
  helpers: JobHelpers,
  { media, env = process.env }: RunOptions,
  work: (ctx: JobContext) => Promise<void>,
): Promise<void> {
  const { job_id: jobId } = jobPayloadSchema.parse(payload);
  const { rows } = await helpers.query<{ started: StartedJob | null }>(
    'select private.start_generation_job($1) as started',
    [jobId],
  );
  const started = rows[0]?.started;
  if (!started) {
    helpers.logger.info(`generation job ${jobId} is already finished`);
    return;
  }
  const progress = async (percent: number) => {
    const { rows: moved } = await helpers.query<{ ok: boolean }>('select private.report_job_progress($1, $2) as ok', [
      jobId,
      Math.round(percent),
    ]);
    if (!moved[0]?.ok) throw new JobStopped();
  };
  try {
    const provider = providerForModel(started.model, env);
    await work({
      started,
      provider,
      progress,
      query: helpers.query,
      async illustrate(segments, cast, from, to) {
        const paths: Record<string, string> = {};
        for (const [i, segment] of segments.entries()) {
          const { svg } = await provider.illustrate(segment, cast);
          const path = illustrationPath({ id: started.story_id, familyId: started.family_id }, segment.id);
          await media.putSvg(path, svg);
          paths[segment.id] = path;
          await progress(from + ((to - from) * (i + 1)) / segments.length);
        }
        return paths;
      },
    });
    helpers.logger.info(`generation job ${jobId} (${started.job.kind}) completed`);
  } catch (error) {
    if (error instanceof JobStopped || isJobNotRunning(error)) {
      helpers.logger.info(`generation job ${jobId} was finished elsewhere (swept or completed); dropping this run`);
      return;
    }
    const failure = classifyFailure(error);
    const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    if (failure.retry && !lastAttempt) {
      await helpers.query('select private.defer_generation_job($1, $2)', [jobId, failure.code]);
      helpers.logger.warn(
        `generation job ${jobId}: attempt ${helpers.job.attempts} failed (${failure.code}), will retry`,
      );
      throw error;
    }
    await helpers.query('select private.fail_generation_job($1, $2, $3::jsonb)', [
      jobId,
      failure.code,
      JSON.stringify({ ...failure.details, attempts: helpers.job.attempts }),
    ]);
    helpers.logger.warn(`generation job ${jobId} failed: ${failure.code}`);
  }
}
