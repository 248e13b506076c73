import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

export type Theme = { id: string; slug: string; name: string };

/** The themes, in the catalogue's order (the library's filter, and the theme of each search result). */
export async function getThemes(supabase: SupabaseClient<Database>): Promise<Theme[]> {
  const { data, error } = await supabase.from('themes').select('id, slug, name').order('sort_order');
  if (error) throw error;
  return data;
}
