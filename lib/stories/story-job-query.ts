import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

/**
 * The newest job that wrote (or is writing) a story's first pages, for a reader opening a story that is
 * not ready: its live progress, or its failure with "Try again". Null when the caller may not see it
 * (RLS: the requester and the family's parents) or there is none.
 */
export async function getLatestStoryJob(supabase: SupabaseClient<Database>, { storyId }: { storyId: string }) {
  const { data, error } = await supabase
    .from('generation_jobs')
    .select('id, status')
    .eq('story_id', storyId)
    .eq('kind', 'new_story')
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  return data;
}
