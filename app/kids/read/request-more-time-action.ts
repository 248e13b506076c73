'use server';

import { childAction } from '@/lib/actions/action';
import { moreTimeSchema } from '@/lib/kids/kid-sign-in.schema';

export const requestMoreTimeAction = childAction(
  moreTimeSchema,
  async ({ minutes, storyId, segmentId }, { supabase }) => {
    // The database checks the story context against the child's own bookmark (story_not_found otherwise).
    const { data, error } = await supabase.rpc('request_more_time', {
      p_minutes: minutes,
      p_story_id: storyId,
      p_segment_id: segmentId,
    });
    if (error) throw error;
    return { requestId: data };
  },
);
