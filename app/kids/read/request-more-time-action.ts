'use server';

import { childAction } from '@/lib/actions/action';
import { moreTimeSchema } from '@/lib/kids/kid-sign-in.schema';

export const requestMoreTimeAction = childAction(moreTimeSchema, async ({ minutes }, { supabase }) => {
  const { data, error } = await supabase.rpc('request_more_time', { p_minutes: minutes });
  if (error) throw error;
  return { requestId: data };
});
