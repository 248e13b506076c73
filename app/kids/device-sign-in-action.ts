'use server';

import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { deviceTokenFromCookie } from '@/lib/devices/device-cookie';
import { DEVICE_UNKNOWN, kidSignInRefusal } from '@/lib/kids/kid-sign-in';
import { deviceSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { SOMETHING_WENT_WRONG, signInChild } from '@/lib/kids/sign-in-child';
import { createAdminClient } from '@/lib/supabase/admin';

/**
 * Kid sign-in on a family device: the child tapped their avatar and typed their PIN. The device is the
 * token in its signed httpOnly cookie; verify_device_child_pin (service role only) checks that the
 * device is live and the child is of its family, and counts failures against the device itself (no
 * header involved) as well as the child's own lockout.
 */
export const deviceSignInAction = publicAction(deviceSignInSchema, async ({ childId, pin }, { supabase }) => {
  const token = await deviceTokenFromCookie();
  if (!token) throw new ActionError(DEVICE_UNKNOWN);
  const admin = createAdminClient();
  const { data: check, error } = await admin
    .rpc('verify_device_child_pin', { p_token: token, p_child_id: childId, p_pin: pin })
    .single();
  if (error) {
    console.error('verify_device_child_pin failed', error);
    throw new ActionError(SOMETHING_WENT_WRONG);
  }
  const refusal = kidSignInRefusal(check);
  if (refusal) throw new ActionError(refusal);
  await signInChild(supabase, admin, check.child_id as string);
  redirect('/kids/read');
});
