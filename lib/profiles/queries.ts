import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

/** The profile of one user; RLS lets a user read only their own. */
export async function getProfile(supabase: Client, { userId }: { userId: string }) {
  const { data, error } = await supabase
    .from('profiles')
    .select('id, display_name, avatar_url, birth_year, preferences, created_at, updated_at, deleted_at')
    .eq('id', userId)
    .single();
  if (error) throw error;
  return data;
}
