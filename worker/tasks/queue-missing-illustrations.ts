import type { Task } from 'graphile-worker';

/** Queues free illustrate jobs for ready stories with pages lacking a picture (the seed's stories). */
export const queueMissingIllustrations: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ queued: number }>('select private.queue_missing_illustrations() as queued');
  helpers.logger.info(`queued pictures for ${rows[0]?.queued ?? 0} stories`);
};
