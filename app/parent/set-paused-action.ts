'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, parentAction } from '@/lib/actions/action';
import { pauseSchema } from '@/lib/family/child.schema';
import { updateChildControls } from '@/lib/family/mutations';

// "Pause now" / "Resume" from a child's card: only the paused flag, so it never overwrites other
// controls another parent is editing.
export const setPausedAction = parentAction(pauseSchema, async ({ childId, paused }, { supabase }) => {
  const updated = await updateChildControls(supabase, { childId, controls: { paused } });
  if (!updated.length) throw new ActionError("You can only change your own children's controls.");
  revalidatePath('/parent', 'layout');
  return { paused };
});
