'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, parentAction } from '@/lib/actions/action';
import { controlsSchema } from '@/lib/family/controls.schema';
import { updateChildControls } from '@/lib/family/mutations';

export const updateControlsAction = parentAction(controlsSchema, async ({ childId, ...controls }, { supabase }) => {
  const updated = await updateChildControls(supabase, {
    childId,
    controls: {
      age_band: controls.ageBand,
      daily_minutes: controls.dailyMinutes,
      bedtime_start: controls.bedtimeStart,
      bedtime_end: controls.bedtimeEnd,
      reading_allowed: controls.readingAllowed,
      creating_allowed: controls.creatingAllowed,
      live_sessions_allowed: controls.liveSessionsAllowed,
      chat_level: controls.chatLevel,
      monthly_credit_allowance: controls.monthlyCreditAllowance,
      approval_above_allowance: controls.approvalAboveAllowance,
    },
  });
  // RLS filters rather than errors: no row back means this is not the caller's child.
  if (!updated.length) throw new ActionError("You can only change your own children's controls.");
  revalidatePath('/parent', 'layout');
  return { savedAt: new Date().toISOString() };
});
