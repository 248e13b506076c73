'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { childEmail, childPassword } from '@/lib/family/child-account';
import { clientAddressFrom, kidSignInRefusal } from '@/lib/kids/kid-sign-in';
import { kidSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { createAdminClient } from '@/lib/supabase/admin';

/**
 * Kid sign-in: verify_child_pin (service role only) checks family code + name + PIN, counts wrong PINs
 * (an escalating lockout per child), throttles failures per client address (which only this server
 * passes, read from the request headers) and refuses children without parental consent. Only then does
 * the server sign the child in with a password derived from a server secret, through the cookie-bound
 * client, so @supabase/ssr writes the session cookies exactly as for a parent.
 */
export const kidSignInAction = publicAction(kidSignInSchema, async ({ familyCode, childName, pin }, { supabase }) => {
  const admin = createAdminClient();
  const { data: check, error } = await admin
    .rpc('verify_child_pin', {
      p_family_code: familyCode,
      p_child_name: childName,
      p_pin: pin,
      p_client: clientAddressFrom(await headers()),
    })
    .single();
  if (error) {
    console.error('verify_child_pin failed', error);
    throw new ActionError('Something went wrong. Please ask a grown-up to help.');
  }
  const refusal = kidSignInRefusal(check);
  if (refusal) throw new ActionError(refusal);
  const childId = check.child_id as string;
  const credentials = { email: childEmail(childId), password: childPassword(childId) };

  let { error: signInError } = await supabase.auth.signInWithPassword(credentials);
  if (signInError?.code === 'invalid_credentials') {
    // First sign-in after consent (or after the secret changed): the account still has the random
    // password it was created with. The PIN check above is what authorises setting ours.
    const { error: updateError } = await admin.auth.admin.updateUserById(childId, { password: credentials.password });
    if (updateError) console.error('Setting the child password failed', updateError);
    ({ error: signInError } = await supabase.auth.signInWithPassword(credentials));
  }
  if (signInError) {
    console.error('Kid sign-in failed', signInError);
    throw new ActionError('Something went wrong. Please ask a grown-up to help.');
  }
  redirect('/kids/read');
});
