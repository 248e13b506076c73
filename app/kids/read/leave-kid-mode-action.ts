'use server';

import { redirect } from 'next/navigation';
import { ActionError, childAction } from '@/lib/actions/action';
import { formatWait } from '@/lib/format/family-time';
import { leaveKidModeSchema, NO_PARENT_PIN } from '@/lib/kids/kid-sign-in.schema';

/**
 * On a shared device the child's session must not end (and hand the device back to a grown-up's
 * sign-in) without the parent PIN. verify_parent_pin counts wrong tries like the child PIN does.
 *
 * A family without a parent PIN cannot leave kid mode here: it is refused with a sentence asking a
 * grown-up to set one first. The alternative, asking for the parent's account password, would make this
 * kid-session action a password oracle for the parent's account (a child could guess it here, and the
 * only limit would be Auth's per-address sign-in rate limit, shared by everyone behind the server), and
 * it would need the parent's e-mail looked up through the admin client for a child's request. Refusing
 * is simpler and gives a child nothing to guess; the parent sets the PIN once, from any device.
 */
export const leaveKidModeAction = childAction(leaveKidModeSchema, async ({ pin }, { supabase }) => {
  const { data, error } = await supabase.rpc('verify_parent_pin', { p_pin: pin ?? '' }).single();
  if (error) throw error;
  switch (data.status) {
    case 'ok':
      break;
    case 'wrong_pin':
      throw new ActionError('That is not the parent PIN.');
    case 'locked':
      throw new ActionError(`Too many wrong PINs. Please try again in ${formatWait(data.locked_until as string)}.`);
    case 'not_set':
      throw new ActionError(NO_PARENT_PIN);
    default:
      // 'not_found': not a member of a family, so not in kid mode.
      throw new ActionError('Something went wrong. Please try again.');
  }
  await supabase.auth.signOut({ scope: 'local' });
  redirect('/kids');
});
