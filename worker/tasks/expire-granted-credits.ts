import type { Task } from 'graphile-worker';

/** Books out what is left of expired grant lots (private.expire_granted_credits). */
export const expireGrantedCredits: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ expired: number }>('select private.expire_granted_credits() as expired');
  helpers.logger.info(`expired ${rows[0]?.expired ?? 0} grant lots`);
};
