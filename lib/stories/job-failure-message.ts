import { userMessage } from '@/lib/errors/user-message';
import { STORY_ENGINE_ERRORS } from '@/lib/story-engine/errors';

// What a failed generation job says to whoever waits for it. The worker stores a stable code on the
// job: the story engine's (provider_timeout, …), one of the database contract's (raised while the job
// completed), or the worker's own (timed_out from the sweeper, media_unavailable, worker_error).

const WORKER_FAILURES: Record<string, string> = {
  timed_out: 'Writing the story took too long and was stopped.',
  media_unavailable: "We couldn't store the story's pictures.",
};

const GENERIC = "We couldn't write the story this time.";

export const CREDITS_RETURNED = 'Your credits were given back.';

export function jobFailureMessage(code: string | null | undefined): string {
  if (!code) return GENERIC;
  // Own properties only: a code such as "constructor" must not find Object's prototype.
  if (Object.hasOwn(STORY_ENGINE_ERRORS, code)) return STORY_ENGINE_ERRORS[code as keyof typeof STORY_ENGINE_ERRORS];
  if (Object.hasOwn(WORKER_FAILURES, code)) return WORKER_FAILURES[code];
  // A code of the database's error contract gets its one sentence; anything else the generic one.
  return userMessage({ code: 'TF409', message: code }, GENERIC);
}
