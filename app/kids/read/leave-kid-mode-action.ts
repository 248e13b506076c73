'use server';

import { redirect } from 'next/navigation';
import { ActionError, userAction } from '@/lib/actions/action';
import { leaveKidModeSchema } from '@/lib/kids/kid-sign-in.schema';

/**
 * On a shared device the child's session must not end (and hand the device back to a grown-up's
 * sign-in) without the parent PIN. verify_parent_pin counts wrong tries like the child PIN does.
 */
export const leaveKidModeAction = userAction(leaveKidModeSchema, async ({ pin }, { supabase }) => {
  const { data, error } = await supabase.rpc('verify_parent_pin', { p_pin: pin ?? '' }).single();
  if (error) throw new ActionError('Something went wrong. Please try again.');
  if (data.status === 'wrong_pin') throw new ActionError('That is not the parent PIN.');
  if (data.status === 'locked') throw new ActionError('Too many wrong PINs. Please try again in 15 minutes.');
  // 'ok', or 'not_set' (the family chose no parent PIN).
  await supabase.auth.signOut({ scope: 'local' });
  redirect('/kids');
});
