'use server';

import { revalidatePath } from 'next/cache';
import { parentAction } from '@/lib/actions/action';
import { CONSENT_STATEMENT, consentSchema, withdrawConsentSchema } from '@/lib/family/child.schema';

// The statement stored is the one shown next to the checkbox, so the record says what was agreed to.
export const giveConsentAction = parentAction(consentSchema, async ({ childId }, { supabase }) => {
  const { error } = await supabase.rpc('give_parental_consent', {
    p_child_id: childId,
    p_method: 'in_app_attestation',
    p_statement: CONSENT_STATEMENT,
  });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { childId };
});

// Withdrawing bans the child at Auth and ends their sessions at once (revoke_parental_consent).
export const withdrawConsentAction = parentAction(withdrawConsentSchema, async ({ childId }, { supabase }) => {
  const { error } = await supabase.rpc('revoke_parental_consent', { p_child_id: childId });
  if (error) throw error;
  revalidatePath('/parent', 'layout');
  return { childId };
});
