'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, userAction } from '@/lib/actions/action';
import { decideRequestSchema } from '@/lib/family/child.schema';
import { dbErrorMessage } from '@/lib/family/db-error-message';

export const decideRequestAction = userAction(decideRequestSchema, async ({ requestId, decision }, { supabase }) => {
  const { data, error } = await supabase.rpc('decide_approval_request', {
    p_request_id: requestId,
    p_approve: decision === 'approve',
  });
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/parent');
  return { status: data };
});
