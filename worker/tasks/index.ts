import type { TaskList } from 'graphile-worker';
import { workerStorageSettings } from '@/lib/supabase/worker';
import { storageMedia } from '../generation/media';
import { continueBranch } from './continue-branch';
import { expireGrantedCredits } from './expire-granted-credits';
import { generateStory } from './generate-story';
import { illustrateStory } from './illustrate-story';
import { monthlyPlanGrants } from './monthly-plan-grants';
import { purgeIdempotencyKeys } from './purge-idempotency-keys';
import { queueMissingIllustrations } from './queue-missing-illustrations';
import { releaseExpiredHold } from './release-expired-hold';
import { releaseExpiredHolds } from './release-expired-holds';
import { rewriteSegment } from './rewrite-segment';
import { sweepGenerationJobs } from './sweep-generation-jobs';

// Pictures go to Storage with the service role (SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY).
const generation = { media: storageMedia(workerStorageSettings()) };

/**
 * Every job kind the worker runs, by the identifier used in `graphile_worker.add_job(identifier, …)` and
 * in the crontab. One file per kind. Each task is idempotent: a job retried after a crash (its
 * transaction rolled back) applies once.
 */
export const taskList: TaskList = {
  purge_idempotency_keys: purgeIdempotencyKeys,
  expire_granted_credits: expireGrantedCredits,
  monthly_plan_grants: monthlyPlanGrants,
  release_expired_hold: releaseExpiredHold,
  release_expired_holds: releaseExpiredHolds,
  generate_story: generateStory(generation),
  continue_branch: continueBranch(generation),
  illustrate_story: illustrateStory(generation),
  rewrite_segment: rewriteSegment(generation),
  sweep_generation_jobs: sweepGenerationJobs,
  queue_missing_illustrations: queueMissingIllustrations,
};

export type TaskName = keyof typeof taskList;
