import 'server-only';
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import { cache } from 'react';
import type { Tables } from '@/lib/database.types';
import { isChildClaims } from '@/lib/kids/kid-mode';
import { getProfile } from '@/lib/profiles/queries';
import { createClient } from '@/lib/supabase/server';

export type CurrentUser = {
  id: string;
  email: string | null;
  profile: Tables<'profiles'>;
  /** A child account (app_metadata.account_type, which only the server sets): kid mode. */
  isChild: boolean;
};

/**
 * Who is asking, or null when signed out. Wrapped in cache() so the layout, the page and any action
 * in one request share a single Auth round trip and profile read.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getClaims();
  // An unreachable Auth server is an outage, not a sign-out: let the error page say so.
  if (error && isAuthRetryableFetchError(error)) throw error;
  if (error || !data?.claims) return null;

  const { sub: id, email } = data.claims;
  const profile = await getProfile(supabase, { userId: id });
  return { id, email: email ?? null, profile, isChild: isChildClaims(data.claims) };
});
