import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getMembership } from '@/lib/family/queries';
import { createClient } from '@/lib/supabase/server';

/** The signed-in child; anyone else goes to the kid sign-in page (parents to their dashboard). */
export const requireChild = cache(async () => {
  const user = await getCurrentUser();
  if (!user) redirect('/kids');
  const membership = await getMembership(await createClient(), { userId: user.id });
  if (!membership) redirect('/dashboard');
  if (membership.role !== 'child') redirect('/parent');
  return { ...user, familyId: membership.family_id };
});
