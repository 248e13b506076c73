import 'server-only';
import { cache } from 'react';
import type { Enums } from '@/lib/database.types';
import { getMembership } from '@/lib/family/queries';
import { createClient } from '@/lib/supabase/server';
import { type CurrentUser, getCurrentUser } from './get-current-user';

export type FamilyRole = Enums<'family_role'>;

/** A signed-in user together with their family and role in it. */
export type Member<R extends FamilyRole = FamilyRole> = CurrentUser & { familyId: string; role: R };

/**
 * Who is asking, with family and role: null when signed out, `{ user, member: null }` for an account
 * without a family. One cached lookup per request, shared by layouts, pages and server actions; the
 * database checks the role again on every call anyway.
 */
export const getCurrentMember = cache(async (): Promise<{ user: CurrentUser; member: Member | null } | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const membership = await getMembership(await createClient(), { userId: user.id });
  return { user, member: membership ? { ...user, familyId: membership.family_id, role: membership.role } : null };
});
