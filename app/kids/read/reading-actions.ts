'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, userAction } from '@/lib/actions/action';
import { dbErrorMessage } from '@/lib/family/db-error-message';
import { moreTimeSchema, recordTimeSchema } from '@/lib/kids/kid-sign-in.schema';

export type ReadingTick =
  | { state: 'reading'; minutesUsed: number; minutesAllowed: number; minutesLeft: number }
  | { state: 'stopped'; reason: string; message: string };

// A refusal is an expected answer here (limit, bedtime, pause), not an error: the timer shows it.
export const recordReadingTimeAction = userAction(
  recordTimeSchema,
  async ({ minutes }, { supabase }): Promise<ReadingTick> => {
    const { data, error } = await supabase.rpc('record_reading_time', { p_minutes: minutes }).single();
    if (error) {
      if (error.code === 'P0001' || error.code === '42501') {
        return { state: 'stopped', reason: error.details ?? 'refused', message: error.message };
      }
      console.error('record_reading_time failed', error);
      throw new ActionError('Something went wrong. Please try again.');
    }
    return {
      state: 'reading',
      minutesUsed: data.minutes_used,
      minutesAllowed: data.minutes_allowed,
      minutesLeft: data.minutes_left,
    };
  },
);

export const requestMoreTimeAction = userAction(moreTimeSchema, async ({ minutes }, { supabase }) => {
  const { data, error } = await supabase.rpc('request_more_time', { p_minutes: minutes });
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/kids/read');
  return { requestId: data };
});
