'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, parentAction } from '@/lib/actions/action';
import { familySettingsSchema } from '@/lib/family/family.schema';
import { updateFamilySettings } from '@/lib/family/mutations';

export const updateFamilyAction = parentAction(familySettingsSchema, async (input, { supabase, familyId }) => {
  const updated = await updateFamilySettings(supabase, { ...input, familyId });
  if (!updated.length) throw new ActionError('Only a parent of this family can change its settings.');
  revalidatePath('/parent', 'layout');
  return { saved: true };
});
