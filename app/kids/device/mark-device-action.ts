'use server';

import { redirect } from 'next/navigation';
import { parentAction } from '@/lib/actions/action';
import { markDeviceSchema } from '@/lib/devices/device.schema';
import { setDeviceCookie } from '@/lib/devices/device-cookie';

/**
 * A parent makes this browser a family device: register_family_device (parent of a family with a
 * parent PIN) returns a fresh token once, which goes into the device's signed httpOnly cookie. The
 * parent's own session then ends here, so the device is handed over with no grown-up signed in.
 */
export const markDeviceAction = parentAction(markDeviceSchema, async ({ name }, { supabase }) => {
  const { data, error } = await supabase.rpc('register_family_device', { p_name: name }).single();
  if (error) throw error;
  await setDeviceCookie(data.token);
  await supabase.auth.signOut({ scope: 'local' });
  redirect('/kids');
});
