'use server';

import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { authErrorMessage } from '@/lib/auth/auth-error-message';
import { signUpSchema } from '@/lib/auth/sign-up.schema';

export const signUpAction = publicAction(
  signUpSchema,
  async ({ displayName, email, password, timeZone }, { supabase }) => {
    const { data, error } = await supabase.auth.signUp({
      email,
      password,
      // The profile trigger copies display_name from user metadata into public.profiles; the family
      // trigger creates the parent's family in time_zone.
      options: { data: { display_name: displayName, time_zone: timeZone } },
    });
    if (error) throw new ActionError(authErrorMessage(error));
    // With e-mail confirmations on, Auth returns no session until the link is clicked.
    if (!data.session) throw new ActionError('Almost there: check your e-mail to confirm your account, then sign in.');
    redirect('/dashboard');
  },
);
