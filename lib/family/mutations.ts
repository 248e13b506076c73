import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, TablesUpdate } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

export type ControlsUpdate = Omit<
  TablesUpdate<'parental_controls'>,
  'child_id' | 'family_id' | 'updated_by' | 'created_at' | 'updated_at'
>;

/** The rows changed: none means RLS hid the row (not the caller's child). Throws on refusal. */
export async function updateChildControls(
  supabase: Client,
  { childId, controls }: { childId: string; controls: ControlsUpdate },
) {
  const { data, error } = await supabase
    .from('parental_controls')
    .update(controls)
    .eq('child_id', childId)
    .select('child_id');
  if (error) throw error;
  return data;
}

/** Parents only (RLS; none changed otherwise); the trigger refuses unknown time zones. Throws on refusal. */
export async function updateFamilySettings(
  supabase: Client,
  { familyId, name, timeZone }: { familyId: string; name: string; timeZone: string },
) {
  const { data, error } = await supabase
    .from('families')
    .update({ name, time_zone: timeZone })
    .eq('id', familyId)
    .select('id');
  if (error) throw error;
  return data;
}
