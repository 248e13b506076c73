import { type DbErrorCode, isDbErrorCode, sentenceFor } from './db-error-codes';

// Shared by server code and client components (no 'server-only'): the one place that decides what a
// person reads when something is refused.

export const UNEXPECTED = 'Something went wrong on our side. Please try again.';
export const NOT_ALLOWED = "You don't have permission to do that.";
export const NOT_FOUND = "We couldn't find that. It may have been removed.";

/** The shape PostgREST (and so supabase-js) gives an error: SQLSTATE or PGRST code, message, details. */
export type ApiError = { code?: string | null; message?: string | null; details?: string | null };

export type DbError = { code: DbErrorCode; params: Record<string, unknown> };

/** Our contract's error (SQLSTATE class TF, MESSAGE a known code, DETAIL JSON), or null for anything else. */
export function parseDbError(error: ApiError | null | undefined): DbError | null {
  if (!error?.code?.startsWith('TF') || !error.message || !isDbErrorCode(error.message)) return null;
  let params: Record<string, unknown> = {};
  try {
    const parsed: unknown = error.details ? JSON.parse(error.details) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
  } catch {
    // A detail that is not JSON carries no parameters; the sentence still stands.
  }
  return { code: error.message, params };
}

/**
 * What to show for a failed database or API call. Our own codes get their sentence; a refusal by the
 * database's permissions or RLS gets a plain "not allowed"; PostgREST's own wording ("Cannot coerce
 * the result…", "permission denied for table…") never reaches a person.
 */
export function userMessage(error: ApiError | null | undefined, fallback = UNEXPECTED): string {
  const ours = parseDbError(error);
  if (ours) return sentenceFor(ours.code, ours.params);
  switch (error?.code) {
    case '42501': // insufficient_privilege: a grant or an RLS check said no
      return NOT_ALLOWED;
    case 'PGRST116': // .single() found no row: what was asked for is not (or no longer) visible
      return NOT_FOUND;
    default:
      return fallback;
  }
}
