'use server';

import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/actions/action';
import { claimTrialSchema } from '@/lib/credits/credits.schema';
import { deviceId } from '@/lib/credits/device-id';

/** A guest claims the one-time welcome credits (once per account and per device). */
export const claimTrialAction = userAction(claimTrialSchema, async (_input, { supabase }) => {
  const { data, error } = await supabase.rpc('claim_guest_trial', { p_device_id: await deviceId() });
  if (error) throw error;
  revalidatePath('/credits');
  return data as { credits: number };
});
