'use server';

import { revalidatePath } from 'next/cache';
import { userAction } from '@/lib/actions/action';
import { favouriteSchema } from './story-reader.schema';

/** Adds a story to the reader's favourites or takes it off (RLS: only stories they may read, only their own list). */
export const setFavouriteAction = userAction(favouriteSchema, async ({ storyId, favourite }, { supabase }) => {
  const { error } = favourite
    ? await supabase
        .from('favourites')
        .upsert({ story_id: storyId }, { onConflict: 'user_id,story_id', ignoreDuplicates: true })
    : await supabase.from('favourites').delete().eq('story_id', storyId);
  if (error) throw error;
  revalidatePath('/kids/library');
  return { favourite };
});
