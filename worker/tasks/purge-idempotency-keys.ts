import type { Task } from 'graphile-worker';

/** Deletes idempotency keys past their 24 hours (private.purge_idempotency_keys). */
export const purgeIdempotencyKeys: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ purged: number }>('select private.purge_idempotency_keys() as purged');
  helpers.logger.info(`purged ${rows[0]?.purged ?? 0} idempotency keys`);
};
