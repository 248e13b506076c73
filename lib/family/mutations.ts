import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, TablesUpdate } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

export type ControlsUpdate = Omit<
  TablesUpdate<'parental_controls'>,
  'child_id' | 'family_id' | 'updated_by' | 'created_at' | 'updated_at'
>;

/**
 * Returns the result rather than throwing: the caller maps the trigger's sentences to the form and
 * treats "no row" (RLS: not your child) as its own message.
 */
export async function updateChildControls(
  supabase: Client,
  { childId, controls }: { childId: string; controls: ControlsUpdate },
) {
  return supabase.from('parental_controls').update(controls).eq('child_id', childId).select('child_id');
}

/** Parents only (RLS); the trigger refuses unknown time zones with a sentence. */
export async function updateFamilySettings(
  supabase: Client,
  { familyId, name, timeZone }: { familyId: string; name: string; timeZone: string },
) {
  return supabase.from('families').update({ name, time_zone: timeZone }).eq('id', familyId).select('id');
}
