import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { type CurrentUser, getCurrentUser } from './get-current-user';

export type { CurrentUser };

/** The signed-in user with their profile; signed-out visitors are sent to /sign-in. Cached per request. */
export const requireUser = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return user;
});
