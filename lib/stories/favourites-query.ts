import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { STORY_CARD_COLUMNS } from './queries';

type Client = SupabaseClient<Database>;

/** The caller's favourite stories (their own list, RLS), newest favourite first, as library cards. */
export async function getMyFavourites(supabase: Client, { limit = 50 }: { limit?: number } = {}) {
  const { data, error } = await supabase
    .from('favourites')
    .select(`created_at, stories(${STORY_CARD_COLUMNS})`)
    .order('created_at', { ascending: false })
    .limit(limit);
  if (error) throw error;
  // A favourite whose story the reader may no longer read (a band changed, a story deleted) has none.
  return (data ?? []).flatMap((row) => (row.stories && !row.stories.deleted_at ? [row.stories] : []));
}
