'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ActionError, publicAction } from '@/lib/actions/action';
import { clientAddressFrom, kidSignInRefusal } from '@/lib/kids/kid-sign-in';
import { kidSignInSchema } from '@/lib/kids/kid-sign-in.schema';
import { SOMETHING_WENT_WRONG, signInChild } from '@/lib/kids/sign-in-child';
import { createAdminClient } from '@/lib/supabase/admin';

/**
 * Kid sign-in with family code + name + PIN (any device): verify_child_pin (service role only) checks
 * them, counts wrong PINs (an escalating lockout per child), throttles failures per client address
 * (which only this server passes, read from the request headers), and refuses children without
 * parental consent or whose family has no parent PIN. Only then is the child signed in.
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
    throw new ActionError(SOMETHING_WENT_WRONG);
  }
  const refusal = kidSignInRefusal(check);
  if (refusal) throw new ActionError(refusal);
  await signInChild(supabase, admin, check.child_id as string);
  redirect('/kids/read');
});
