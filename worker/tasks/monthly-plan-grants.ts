import type { Task } from 'graphile-worker';

/** Free plan credits once per month, and renewals of due sandbox subscriptions (private.run_monthly_plan_grants). */
export const monthlyPlanGrants: Task = async (_payload, helpers) => {
  const { rows } = await helpers.query<{ result: unknown }>('select private.run_monthly_plan_grants() as result');
  helpers.logger.info(`monthly plan grants: ${JSON.stringify(rows[0]?.result)}`);
};
