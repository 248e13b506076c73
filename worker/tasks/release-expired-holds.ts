import type { Task } from 'graphile-worker';

/** Safety net beside the per-hold timeout jobs: releases every hold still held past its deadline. */
export const releaseExpiredHolds: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ released: number }>('select private.release_expired_holds() as released');
  helpers.logger.info(`released ${rows[0]?.released ?? 0} expired holds`);
};
