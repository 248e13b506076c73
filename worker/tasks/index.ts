import type { TaskList } from 'graphile-worker';
import { expireGrantedCredits } from './expire-granted-credits';
import { monthlyPlanGrants } from './monthly-plan-grants';
import { purgeIdempotencyKeys } from './purge-idempotency-keys';
import { releaseExpiredHold } from './release-expired-hold';
import { releaseExpiredHolds } from './release-expired-holds';

/**
 * Every job kind the worker runs, by the identifier used in `graphile_worker.add_job(identifier, …)` and
 * in the crontab. One file per kind; new kinds (story generation) add a file and a line here. Each task
 * is idempotent: a job retried after a crash (its transaction rolled back) applies once.
 */
export const taskList: TaskList = {
  purge_idempotency_keys: purgeIdempotencyKeys,
  expire_granted_credits: expireGrantedCredits,
  monthly_plan_grants: monthlyPlanGrants,
  release_expired_hold: releaseExpiredHold,
  release_expired_holds: releaseExpiredHolds,
};

export type TaskName = keyof typeof taskList;
