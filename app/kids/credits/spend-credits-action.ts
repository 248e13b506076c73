'use server';

import { revalidatePath } from 'next/cache';
import { childAction } from '@/lib/actions/action';
import { spendCreditsSchema } from '@/lib/credits/credits.schema';

/** A child spends credits: within the allowance at once, above it as a request to a parent. */
export const spendCreditsAction = childAction(
  spendCreditsSchema,
  async ({ amount, memo, idempotencyKey }, { supabase }) => {
    const { data, error } = await supabase.rpc('spend_credits', {
      p_amount: amount,
      p_memo: memo ?? '',
      p_idempotency_key: idempotencyKey,
    });
    if (error) throw error;
    revalidatePath('/kids/credits');
    return data as { status: 'spent' | 'pending_approval'; amount: number };
  },
);
