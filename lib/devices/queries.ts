import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

export type FamilyDevice = Database['public']['Functions']['list_family_devices']['Returns'][number];
export type DeviceChild = Database['public']['Functions']['get_family_device_children']['Returns'][number];

/** Parents only (empty for anyone else): the family's devices, live ones first. */
export async function listFamilyDevices(supabase: Client) {
  const { data, error } = await supabase.rpc('list_family_devices');
  if (error) throw error;
  return data;
}

/** Service role only: the live family device with that token and its family, or null. */
export async function getFamilyDevice(admin: Client, { token }: { token: string }) {
  const { data, error } = await admin.rpc('get_family_device', { p_token: token }).maybeSingle();
  if (error) throw error;
  return data;
}

/** Service role only: the children who can sign in on that device (for the avatars). */
export async function getFamilyDeviceChildren(admin: Client, { token }: { token: string }) {
  const { data, error } = await admin.rpc('get_family_device_children', { p_token: token });
  if (error) throw error;
  return data;
}
