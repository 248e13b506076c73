import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { createClient } from '@/lib/supabase/server';
import { getMembership } from './queries';

/** 'parent', 'child' or null (signed out / no family), for layout decisions. Cached per request. */
export const getMyRole = cache(async () => {
  const user = await getCurrentUser();
  if (!user) return null;
  const membership = await getMembership(await createClient(), { userId: user.id });
  return membership?.role ?? null;
});
