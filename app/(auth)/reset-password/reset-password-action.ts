'use server';

import { redirect } from 'next/navigation';
import { ActionError, userAction } from '@/lib/actions/action';
import { authErrorMessage } from '@/lib/auth/auth-error-message';
import { newPasswordSchema } from '@/lib/auth/password-reset.schema';

// The reset link signed the parent in (a recovery session); now the password itself changes.
export const resetPasswordAction = userAction(newPasswordSchema, async ({ password }, { supabase }) => {
  const { error } = await supabase.auth.updateUser({ password });
  if (error) throw new ActionError(authErrorMessage(error));
  redirect('/dashboard?password=changed');
});
