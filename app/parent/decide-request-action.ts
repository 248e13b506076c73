'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { decideRequestSchema } from '@/lib/family/child.schema';

export const decideRequestAction = parentAction(
  decideRequestSchema,
  async ({ requestId, decision, minutes }, { supabase }) => {
    const { data, error } = await supabase.rpc('decide_approval_request', {
      p_request_id: requestId,
      p_approve: decision === 'approve',
      // The database grants exactly this (5-120); without it, what the child asked for.
      p_minutes: decision === 'approve' ? (minutes ?? undefined) : undefined,
    });
    if (error) throw error;
    revalidatePath('/parent', 'layout');
    return { status: data };
  },
);
