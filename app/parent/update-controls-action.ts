'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, userAction } from '@/lib/actions/action';
import { controlsSchema } from '@/lib/family/controls.schema';
import { dbErrorMessage } from '@/lib/family/db-error-message';
import { updateChildControls } from '@/lib/family/mutations';

export const updateControlsAction = userAction(controlsSchema, async ({ childId, ...controls }, { supabase }) => {
  const { data, error } = await updateChildControls(supabase, {
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
      paused: controls.paused,
    },
  });
  if (error) throw new ActionError(dbErrorMessage(error));
  // RLS filters rather than errors: no row back means this is not the caller's child.
  if (!data.length) throw new ActionError("You can only change your own children's controls.");
  revalidatePath('/parent');
  return { savedAt: new Date().toISOString() };
});
