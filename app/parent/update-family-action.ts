'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, userAction } from '@/lib/actions/action';
import { dbErrorMessage } from '@/lib/family/db-error-message';
import { familySettingsSchema } from '@/lib/family/family.schema';
import { updateFamilySettings } from '@/lib/family/mutations';

export const updateFamilyAction = userAction(familySettingsSchema, async (input, { supabase }) => {
  const { data, error } = await updateFamilySettings(supabase, input);
  if (error) throw new ActionError(dbErrorMessage(error));
  if (!data.length) throw new ActionError('Only a parent of this family can change its settings.');
  revalidatePath('/parent');
  return { saved: true };
});
