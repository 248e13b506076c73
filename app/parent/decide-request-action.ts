'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { decideRequestSchema } from '@/lib/family/child.schema';

export const decideRequestAction = parentAction(decideRequestSchema, async ({ requestId, decision }, { supabase }) => {
  const { data, error } = await supabase.rpc('decide_approval_request', {
    p_request_id: requestId,
    p_approve: decision === 'approve',
  });
  if (error) throw error;
  revalidatePath('/parent');
  return { status: data };
});
