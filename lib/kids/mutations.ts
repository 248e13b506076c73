import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

export type ReadingBeat = Database['public']['Functions']['reading_heartbeat']['Returns'][number];

/**
 * One reading heartbeat for the signed-in child. The database measures the time since the previous
 * beat with its own clock; `stop` ends the stretch (page hidden, child idle or pressed Stop). The
 * expected stops (paused, bedtime, limit) come back as a status, not an error.
 */
export async function sendReadingHeartbeat(supabase: Client, { stop = false }: { stop?: boolean } = {}) {
  const { data, error } = await supabase.rpc('reading_heartbeat', { p_stop: stop }).single();
  if (error) throw error;
  return data;
}
