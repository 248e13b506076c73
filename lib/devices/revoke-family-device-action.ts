'use server';

import { parentAction } from '@/lib/actions/action';
import { getCurrentFamilyDevice } from './current-device';
import { revokeDeviceSchema } from './device.schema';
import { clearDeviceCookie } from './device-cookie';

/** A parent revokes one of the family's devices (revoke_family_device checks whose it is). */
export const revokeFamilyDeviceAction = parentAction(revokeDeviceSchema, async ({ deviceId }, { supabase }) => {
  // Read before revoking: afterwards the database no longer knows the token.
  const here = (await getCurrentFamilyDevice())?.device_id === deviceId;
  const { error } = await supabase.rpc('revoke_family_device', { p_device_id: deviceId });
  if (error) throw error;
  // Revoking the device in hand also forgets it here, rather than keeping a worthless cookie.
  if (here) await clearDeviceCookie();
  return { revoked: true };
});
