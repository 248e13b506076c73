'use server';

import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { authErrorMessage } from '@/lib/auth/auth-error-message';
import { claimTrialSchema } from '@/lib/credits/credits.schema';

/** "Try it as a guest": Auth's anonymous sign-in; the guest's own family and wallet come with it. */
export const startGuestAction = publicAction(claimTrialSchema, async (_input, { supabase }) => {
  const { error } = await supabase.auth.signInAnonymously();
  if (error) throw new ActionError(authErrorMessage(error));
  redirect('/credits');
});
