'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, userAction } from '@/lib/actions/action';
import { inviteCodeSchema } from '@/lib/family/child.schema';
import { dbErrorMessage } from '@/lib/family/db-error-message';

export const createInviteAction = userAction(z.object({}), async (_input, { supabase }) => {
  const { data, error } = await supabase.rpc('create_parent_invite').single();
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/parent');
  return data;
});

export const acceptInviteAction = userAction(inviteCodeSchema, async ({ code }, { supabase }) => {
  const { error } = await supabase.rpc('accept_parent_invite', { p_code: code });
  if (error) throw new ActionError(dbErrorMessage(error));
  revalidatePath('/parent');
  return { joined: true };
});
