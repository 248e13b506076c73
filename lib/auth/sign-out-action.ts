'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ActionError, userAction } from '@/lib/actions/action';
import { authErrorMessage } from './auth-error-message';

export const signOutAction = userAction(z.object({}), async (_input, { supabase }) => {
  // 'local' ends this browser's session only; a parent signed in on a tablet stays signed in there.
  const { error } = await supabase.auth.signOut({ scope: 'local' });
  if (error) throw new ActionError(authErrorMessage(error));
  redirect('/');
});
