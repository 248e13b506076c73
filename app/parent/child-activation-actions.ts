'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { deactivateChildSchema, reactivateChildSchema } from '@/lib/family/child.schema';

export const deactivateChildAction = parentAction(deactivateChildSchema, async ({ childId }, { supabase }) => {
  const { error } = await supabase.rpc('deactivate_child', { p_child_id: childId });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { deactivated: true };
});

export const reactivateChildAction = parentAction(reactivateChildSchema, async ({ childId, pin }, { supabase }) => {
  const { error } = await supabase.rpc('reactivate_child', { p_child_id: childId, p_pin: pin });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { deactivated: false };
});
