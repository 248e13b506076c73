import type { PostgrestError } from '@supabase/supabase-js';

// Our functions and triggers raise sentences written for people (capitalised, or opening with a quoted
// value); Postgres's own messages ("permission denied for table …") are lower-case and mean a bug or
// an attempt we do not explain. Only the former are shown.
export function dbErrorMessage(
  error: PostgrestError,
  fallback = 'Something went wrong on our side. Please try again.',
) {
  return /^["A-Z]/.test(error.message) ? error.message : fallback;
}
