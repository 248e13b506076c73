import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

/** What exploring one more branch of a story costs: its storyteller's branch price (the built-in one's when unknown). */
export async function getBranchCredits(supabase: SupabaseClient<Database>, { storyId }: { storyId: string }) {
  const { data, error } = await supabase
    .from('stories')
    .select('generation_models!stories_model_id_fkey(branch_credits)')
    .eq('id', storyId)
    .maybeSingle();
  if (error) throw error;
  if (data?.generation_models) return data.generation_models.branch_credits;
  const builtin = await supabase.from('generation_models').select('branch_credits').eq('slug', 'builtin').single();
  if (builtin.error) throw builtin.error;
  return builtin.data.branch_credits;
}
