import type { Task } from 'graphile-worker';
import { z } from 'zod';

// Tests pass shorter limits; the crontab runs it with the defaults (5 minutes without a heartbeat while
// processing, 30 minutes pending).
const payloadSchema = z
  .object({ processing_limit_seconds: z.number().int().positive(), pending_limit_seconds: z.number().int().positive() })
  .partial()
  .nullish();

/** Fails generation jobs whose worker fell silent or that never started, releasing their credits once. */
export const sweepGenerationJobs: Task = async (payload, helpers) => {
  const limits = payloadSchema.parse(payload) ?? {};
  const { rows } = await helpers.query<{ swept: number }>(
    `select private.sweep_stuck_generation_jobs(
       coalesce(make_interval(secs => $1), interval '5 minutes'),
       coalesce(make_interval(secs => $2), interval '30 minutes')) as swept`,
    [limits.processing_limit_seconds ?? null, limits.pending_limit_seconds ?? null],
  );
  helpers.logger.info(`swept ${rows[0]?.swept ?? 0} stuck generation jobs`);
};
