'use server';

import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { authErrorMessage } from '@/lib/auth/auth-error-message';
import { safeNextPath } from '@/lib/auth/safe-next-path';
import { signInSchema } from '@/lib/auth/sign-in.schema';

export const signInAction = publicAction(signInSchema, async ({ email, password, next }, { supabase }) => {
  const { error } = await supabase.auth.signInWithPassword({ email, password });
  if (error) throw new ActionError(authErrorMessage(error));
  redirect(safeNextPath(next));
});
