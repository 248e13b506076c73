import type { Task } from 'graphile-worker';
import { z } from 'zod';

const payloadSchema = z.object({ job_id: z.uuid() });

/**
 * The timeout of one credit hold, enqueued by private.reserve_credits() in the reserving transaction
 * (run_at = the hold's deadline). A hold captured or released in the meantime is left alone.
 */
export const releaseExpiredHold: Task = async (payload, helpers) => {
  const { job_id: jobId } = payloadSchema.parse(payload);
  const { rows } = await helpers.query<{ status: string }>(
    `select (private.release_credits(h.job_id, 'timed out')).status::text as status
       from public.credit_holds h
      where h.job_id = $1 and h.status = 'held' and h.expires_at <= now()`,
    [jobId],
  );
  helpers.logger.info(rows.length ? `released hold of job ${jobId}` : `hold of job ${jobId} already settled`);
};
