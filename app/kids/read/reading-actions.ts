'use server';

import { revalidatePath } from 'next/cache';
import { childAction } from '@/lib/actions/action';
import { parseDbError, userMessage } from '@/lib/errors/user-message';
import { moreTimeSchema, recordTimeSchema } from '@/lib/kids/kid-sign-in.schema';

export type ReadingTick =
  | { state: 'reading'; minutesUsed: number; minutesAllowed: number; minutesLeft: number }
  | { state: 'stopped'; reason: string; message: string };

const STOP_REASONS = new Set(['paused', 'reading_off', 'bedtime', 'daily_limit', 'needs_consent']);

// A refusal is an expected answer here (limit, bedtime, pause), not an error: the timer shows it.
export const recordReadingTimeAction = childAction(
  recordTimeSchema,
  async ({ minutes }, { supabase }): Promise<ReadingTick> => {
    const { data, error } = await supabase.rpc('record_reading_time', { p_minutes: minutes }).single();
    if (error) {
      const refusal = parseDbError(error);
      if (refusal && STOP_REASONS.has(refusal.code)) {
        return { state: 'stopped', reason: refusal.code, message: userMessage(error) };
      }
      throw error;
    }
    return {
      state: 'reading',
      minutesUsed: data.minutes_used,
      minutesAllowed: data.minutes_allowed,
      minutesLeft: data.minutes_left,
    };
  },
);

export const requestMoreTimeAction = childAction(moreTimeSchema, async ({ minutes }, { supabase }) => {
  const { data, error } = await supabase.rpc('request_more_time', { p_minutes: minutes });
  if (error) throw error;
  revalidatePath('/kids/read');
  return { requestId: data };
});
