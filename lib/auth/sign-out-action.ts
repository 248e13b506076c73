'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ActionError, userAction } from '@/lib/actions/action';
import { NO_SIGN_OUT_IN_KID_MODE } from '@/lib/kids/kid-sign-in.schema';
import { authErrorMessage } from './auth-error-message';

export const signOutAction = userAction(z.object({}), async (_input, { supabase, user }) => {
  // Kid mode ends only with the parent PIN (leaveKidModeAction), whatever a child's browser posts here.
  if (user.isChild) throw new ActionError(NO_SIGN_OUT_IN_KID_MODE);
  // 'local' ends this browser's session only; a parent signed in on a tablet stays signed in there.
  const { error } = await supabase.auth.signOut({ scope: 'local' });
  if (error) throw new ActionError(authErrorMessage(error));
  redirect('/');
});
