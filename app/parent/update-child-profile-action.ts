'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { childProfileSchema } from '@/lib/family/child.schema';

export const updateChildProfileAction = parentAction(
  childProfileSchema,
  async ({ childId, displayName, avatar }, { supabase }) => {
    const { error } = await supabase.rpc('update_child_profile', {
      p_child_id: childId,
      p_display_name: displayName,
      p_avatar: avatar,
    });
    if (error) throw error;
    revalidatePath('/parent', 'layout');
    return { displayName };
  },
);
