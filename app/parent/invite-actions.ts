'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { parentAction, userAction } from '@/lib/actions/action';
import { inviteCodeSchema } from '@/lib/family/child.schema';

export const createInviteAction = parentAction(z.object({}), async (_input, { supabase }) => {
  const { data, error } = await supabase.rpc('create_parent_invite').single();
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return data;
});

export const revokeInviteAction = parentAction(inviteCodeSchema, async ({ code }, { supabase }) => {
  const { error } = await supabase.rpc('revoke_parent_invite', { p_code: code });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { revoked: code };
});

export const acceptInviteAction = userAction(inviteCodeSchema, async ({ code }, { supabase }) => {
  const { error } = await supabase.rpc('accept_parent_invite', { p_code: code });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { joined: true };
});
