import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

// The moderation queue: public requests waiting for an answer, oldest first, with the story a
// moderator reads (RLS lets moderators read a story while its request waits).

export async function isModerator(supabase: Client): Promise<boolean> {
  const { data, error } = await supabase.rpc('is_moderator');
  if (error) throw error;
  return data === true;
}

export async function getModerationQueue(supabase: Client, { limit = 50 }: { limit?: number } = {}) {
  const { data, error } = await supabase
    .from('story_public_requests')
    .select(
      'id, created_at, story_id, stories(id, title, summary, age_band, length, cover_path, themes(slug, name), story_segments!story_segments_story_id_fkey(count))',
    )
    .eq('status', 'pending')
    .order('created_at', { ascending: true })
    .limit(limit);
  if (error) throw error;
  return data ?? [];
}

export type ModerationItem = Awaited<ReturnType<typeof getModerationQueue>>[number];
