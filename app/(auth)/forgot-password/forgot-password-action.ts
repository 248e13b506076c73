'use server';

import { headers } from 'next/headers';
import { ActionError, publicAction } from '@/lib/actions/action';
import { forgotPasswordSchema } from '@/lib/auth/password-reset.schema';

/**
 * Sends the reset e-mail. The link goes through /auth/confirm (which turns it into a session) to
 * /reset-password. The answer is the same whether or not the address has an account, so the form
 * cannot be used to find out who uses Tale Forge.
 */
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async ({ email }, { supabase }) => {
  const origin = (await headers()).get('origin');
  if (!origin) throw new ActionError('Please try again from the sign-in page.');
  const { error } = await supabase.auth.resetPasswordForEmail(email, {
    redirectTo: `${origin}/auth/confirm?next=/reset-password`,
  });
  // Rate limits are worth telling; "no such user" is not (Auth does not say it either).
  if (error?.code === 'over_email_send_rate_limit' || error?.code === 'over_request_rate_limit') {
    throw new ActionError('Too many attempts. Please wait a minute and try again.');
  }
  if (error) {
    console.error('Sending a password reset e-mail failed', error);
    throw new ActionError("We couldn't send the e-mail right now. Please try again in a moment.");
  }
  return { sent: true };
});
