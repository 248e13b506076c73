import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

type Client = SupabaseClient<Database>;

/** Today's reading time (seconds and minutes), bedtime and pause for the signed-in child; null for grown-ups. */
export async function getMyReadingDay(supabase: Client) {
  const { data, error } = await supabase.rpc('get_my_reading_day').maybeSingle();
  if (error) throw error;
  return data;
}

/** The child's most recent "more time" request for that day, if any (RLS: only their own). */
export async function getLatestMoreTimeRequest(supabase: Client, { childId, date }: { childId: string; date: string }) {
  const { data, error } = await supabase
    .from('approval_requests')
    .select('id, status, minutes, created_at, decided_at')
    .eq('child_id', childId)
    .eq('kind', 'more_time')
    .eq('for_date', date)
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  return data;
}
