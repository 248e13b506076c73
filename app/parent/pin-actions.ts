'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, userAction } from '@/lib/actions/action';
import { childPinSchema, parentPinSchema } from '@/lib/family/child.schema';
import { dbErrorMessage } from '@/lib/family/db-error-message';

export const setParentPinAction = userAction(parentPinSchema, async ({ pin }, { supabase }) => {
  const { error } = await supabase.rpc('set_parent_pin', { p_pin: pin });
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/parent');
  return { saved: true };
});

export const setChildPinAction = userAction(childPinSchema, async ({ childId, pin }, { supabase }) => {
  const { error } = await supabase.rpc('set_child_pin', { p_child_id: childId, p_pin: pin });
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/parent');
  return { saved: true };
});
