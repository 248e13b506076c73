import 'server-only';
import { ActionError } from '@/lib/actions/action';
import { childEmail, childPassword } from '@/lib/family/child-account';
import type { createAdminClient } from '@/lib/supabase/admin';
import type { createClient } from '@/lib/supabase/server';

export const SOMETHING_WENT_WRONG = 'Something went wrong. Please ask a grown-up to help.';

/**
 * The second half of every kid sign-in, once the database has said 'ok' to a PIN: the server signs the
 * child in with a password derived from a server secret, through the cookie-bound client, so
 * @supabase/ssr writes the session cookies exactly as for a parent.
 */
export async function signInChild(
  supabase: Awaited<ReturnType<typeof createClient>>,
  admin: ReturnType<typeof createAdminClient>,
  childId: string,
): Promise<void> {
  const credentials = { email: childEmail(childId), password: childPassword(childId) };
  let { error } = await supabase.auth.signInWithPassword(credentials);
  if (error?.code === 'invalid_credentials') {
    // First sign-in after consent (or after the secret changed): the account still has the random
    // password it was created with. The PIN check before this is what authorises setting ours.
    const { error: updateError } = await admin.auth.admin.updateUserById(childId, { password: credentials.password });
    if (updateError) console.error('Setting the child password failed', updateError);
    ({ error } = await supabase.auth.signInWithPassword(credentials));
  }
  if (error) {
    console.error('Kid sign-in failed', error);
    throw new ActionError(SOMETHING_WENT_WRONG);
  }
}
