import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { STORY_CARD_COLUMNS } from './queries';

/**
 * The stories a reader left unfinished, most recent first, with the page they are on: the kid home's
 * "continue where you left off". A story they may not read right now (RLS: band, reading allowed, time
 * left) comes back without its story and is left out.
 */
export async function getUnfinishedStories(
  supabase: SupabaseClient<Database>,
  { readerId, limit = 3 }: { readerId: string; limit?: number },
) {
  const { data, error } = await supabase
    .from('reading_progress')
    .select(`path, updated_at, stories(${STORY_CARD_COLUMNS})`)
    .eq('reader_id', readerId)
    .is('finished_at', null)
    .order('updated_at', { ascending: false })
    .limit(limit);
  if (error) throw error;
  return (data ?? []).flatMap(({ stories, path }) =>
    stories && !stories.deleted_at && stories.status === 'ready' ? [{ story: stories, page: path.length }] : [],
  );
}
