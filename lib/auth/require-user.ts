import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { KID_HOME } from '@/lib/kids/kid-mode';
import { type CurrentUser, getCurrentUser } from './get-current-user';

export type { CurrentUser };

/**
 * The signed-in grown-up with their profile; signed-out visitors are sent to /sign-in and children to
 * their kid home (kid mode: grown-up pages are not for them). Cached per request.
 */
export const requireUser = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  if (user.isChild) redirect(KID_HOME);
  return user;
});

/** For grown-up pages anyone may open (home, sign-in): a child's session is sent to the kid home. */
export async function redirectChildToKidHome(): Promise<void> {
  if ((await getCurrentUser())?.isChild) redirect(KID_HOME);
}
