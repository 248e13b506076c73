import { isStoryEngineError } from '@/lib/story-engine';

// What a failed attempt means for the job: its error code (stored on generation_jobs.error_code) and
// whether another attempt could go better. A provider that timed out, was down or answered garbage may
// do better on the next attempt (graphile-worker retries with backoff); a request the engine refused,
// pages no draft could fix, or a graph the database refused will fail the same way again.

const RETRYABLE_ENGINE_CODES = new Set(['provider_timeout', 'provider_unavailable', 'provider_bad_output']);

/** Thrown when the worker has no Storage settings but the job must store pictures. */
export class MediaUnavailableError extends Error {
  constructor() {
    super('SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are needed to store pictures');
  }
}

/** Thrown when an HTTP model is chosen but the worker has no STORY_MODEL_URL. */
export class ProviderNotConfiguredError extends Error {
  constructor() {
    super('STORY_MODEL_URL is not set for this worker');
  }
}

export interface Failure {
  code: string;
  retry: boolean;
  details: Record<string, unknown>;
}

/** Errors of our database contract carry the code as their message and SQLSTATE class TF. */
function dbErrorCode(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e?.code === 'string' && e.code.startsWith('TF') && typeof e.message === 'string' ? e.message : null;
}

export function isJobNotRunning(error: unknown): boolean {
  return dbErrorCode(error) === 'job_not_running';
}

export function classifyFailure(error: unknown): Failure {
  if (isStoryEngineError(error)) {
    return { code: error.code, retry: RETRYABLE_ENGINE_CODES.has(error.code), details: error.details };
  }
  if (error instanceof MediaUnavailableError) return { code: 'media_unavailable', retry: false, details: {} };
  if (error instanceof ProviderNotConfiguredError) return { code: 'provider_unavailable', retry: false, details: {} };
  const code = dbErrorCode(error);
  if (code) return { code, retry: false, details: {} };
  // Anything else (a dropped connection, Storage answering 5xx): worth another attempt. Only the
  // message is kept, never a stack or a provider's raw answer.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'worker_error', retry: true, details: { message: message.slice(0, 300) } };
}
