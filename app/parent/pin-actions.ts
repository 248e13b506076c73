'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { childPinSchema, parentPinSchema } from '@/lib/family/child.schema';

export const setParentPinAction = parentAction(parentPinSchema, async ({ pin }, { supabase }) => {
  const { error } = await supabase.rpc('set_parent_pin', { p_pin: pin });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { saved: true };
});

export const setChildPinAction = parentAction(childPinSchema, async ({ childId, pin }, { supabase }) => {
  const { error } = await supabase.rpc('set_child_pin', { p_child_id: childId, p_pin: pin });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { saved: true };
});
