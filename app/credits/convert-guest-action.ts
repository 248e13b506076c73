'use server';

import { redirect } from 'next/navigation';
import { ActionError, userAction } from '@/lib/actions/action';
import { authErrorMessage } from '@/lib/auth/auth-error-message';
import { convertGuestSchema } from '@/lib/credits/credits.schema';

/**
 * A guest signs up: the same auth user gets an e-mail and password (updateUser), so the family, its
 * stories and its credits stay with them.
 */
export const convertGuestAction = userAction(convertGuestSchema, async ({ email, password }, { supabase }) => {
  const { error } = await supabase.auth.updateUser({ email, password });
  if (error) throw new ActionError(authErrorMessage(error));
  // The session's claims still say is_anonymous until it is refreshed.
  await supabase.auth.refreshSession();
  redirect('/credits?welcome=account');
});
