import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type CurrentUser, requireUser } from '@/lib/auth/require-user';
import { createClient } from '@/lib/supabase/server';
import { getMembership } from './queries';

export type FamilyUser = CurrentUser & { familyId: string; role: 'parent' | 'child' };

/** The signed-in user with their family and role; accounts without a family go to /dashboard. Cached per request. */
export const requireMember = cache(async (): Promise<FamilyUser> => {
  const user = await requireUser();
  const membership = await getMembership(await createClient(), { userId: user.id });
  if (!membership) redirect('/dashboard');
  return { ...user, familyId: membership.family_id, role: membership.role };
});

/** A parent; children are sent to their own pages. */
export const requireParent = cache(async (): Promise<FamilyUser> => {
  const member = await requireMember();
  if (member.role !== 'parent') redirect('/kids/read');
  return member;
});
