'use server';

import { randomBytes, randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { ActionError, parentAction } from '@/lib/actions/action';
import { addChildSchema } from '@/lib/family/child.schema';
import { childEmail } from '@/lib/family/child-account';
import { createAdminClient } from '@/lib/supabase/admin';

/** 100 years, as a Go duration (GoTrue's `ban_duration`); the database's own ban takes over in add_child. */
const CHILD_BAN_UNTIL_CONSENT = '876000h';

/**
 * Two steps, because only the admin API can create an auth user and only the database can decide
 * membership: (1) the service role creates the child's auth user with account_type 'child' in
 * app_metadata, which users cannot write; (2) add_child, called as the parent, checks the caller is a
 * parent and records membership, profile, default controls and the hashed PIN in one transaction.
 * If (2) refuses, (1) is undone so no orphan account remains. The child stays banned at Auth until consent.
 */
export const addChildAction = parentAction(addChildSchema, async (input, { supabase }) => {
  const admin = createAdminClient();
  const childId = randomUUID();
  const { error: createError } = await admin.auth.admin.createUser({
    id: childId,
    email: childEmail(childId),
    // Nobody ever learns this one; kid sign-in replaces it with the server-derived password after consent.
    password: randomBytes(32).toString('base64url'),
    email_confirm: true,
    // Auth refuses the child (user_banned) until a parent consents: banned from the first moment, so
    // there is no window before add_child (which bans it too) or consent. give_parental_consent lifts it.
    ban_duration: CHILD_BAN_UNTIL_CONSENT,
    app_metadata: { account_type: 'child' },
    user_metadata: { display_name: input.displayName },
  });
  if (createError) {
    console.error('Creating a child auth user failed', createError);
    throw new ActionError("We couldn't create the child's account. Please try again.");
  }

  const { error } = await supabase.rpc('add_child', {
    p_child_id: childId,
    p_display_name: input.displayName,
    p_birth_year: input.birthYear,
    p_pin: input.pin,
    p_avatar_url: `avatar:${input.avatar}`,
  });
  if (error) {
    await admin.auth.admin.deleteUser(childId).catch((cleanupError) => {
      console.error('Removing the unused child auth user failed', cleanupError);
    });
    throw error;
  }
  revalidatePath('/parent', 'layout');
  return { childId };
});
