import 'server-only';
import { createHmac } from 'node:crypto';
import { kidSignInSecret } from '@/lib/supabase/server-secrets';

// Children have no e-mail. Their auth user gets an address on a reserved, never-deliverable domain
// (RFC 2606 .invalid) so Auth's e-mail + password machinery works without ever sending anything.
export function childEmail(childId: string): string {
  return `${childId}@children.taleforge.invalid`;
}

/**
 * The child's Auth password, derived on the server and never shown to anyone: the child proves who they
 * are with family code + name + PIN (checked by verify_child_pin), then the server signs in with this.
 * The key is KID_SIGN_IN_SECRET (required outside the local stack, see server-secrets.ts), with a label
 * so the derived value is useless for anything else. Auth also accepts it only from this server.
 */
export function childPassword(childId: string): string {
  const secret = kidSignInSecret();
  return createHmac('sha256', secret).update(`tale-forge:kid-sign-in:v1:${childId}`).digest('base64url');
}
