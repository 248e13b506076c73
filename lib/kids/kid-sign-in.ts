/** What kid sign-in says for each refusing status of verify_child_pin. */

import { formatWait } from '@/lib/format/family-time';
import { forwardedClientAddress } from '@/lib/supabase/client-address';

export const TOO_MANY_ATTEMPTS = 'Too many tries from this device. Please wait a few minutes.';
export const NEEDS_PARENT_PIN = 'Ask a grown-up to set a parent PIN first.';
export const DEVICE_UNKNOWN = "This isn't a family device any more. Sign in with your family code.";

export interface PinCheck {
  status: string;
  locked_until: string | null;
  attempts_left: number | null;
}

/** The sentence for a refused kid sign-in, or null when the status lets the child in ('ok'). */
export function kidSignInRefusal(check: PinCheck): string | null {
  switch (check.status) {
    case 'ok':
      return null;
    case 'not_found':
      return "We couldn't find that family code and name. Check them with a grown-up.";
    case 'wrong_pin':
      return `That PIN isn't right. You can try ${check.attempts_left} more ${check.attempts_left === 1 ? 'time' : 'times'}.`;
    case 'locked':
      return `Too many wrong PINs. Please wait ${formatWait(check.locked_until as string)} or ask a grown-up.`;
    case 'too_many_attempts':
      return TOO_MANY_ATTEMPTS;
    case 'needs_consent':
      return 'A grown-up needs to finish setting up your account first.';
    case 'needs_parent_pin':
      return NEEDS_PARENT_PIN;
    case 'device_unknown':
      return DEVICE_UNKNOWN;
    default:
      return 'Something went wrong. Please ask a grown-up to help.';
  }
}

/**
 * The address verify_child_pin throttles by: the X-Forwarded-For entry the trusted proxy hops vouch
 * for (lib/supabase/client-address.ts, TRUSTED_PROXY_HOPS), never an entry the browser wrote itself,
 * so a guesser cannot reset the per-address budget by sending a made-up header. Without a vouched
 * address, sign-ins share the 'unknown' budget, which errs on the side of refusing.
 */
export function clientAddressFrom(headers: Pick<Headers, 'get'>, hops?: number): string {
  return forwardedClientAddress(headers, hops) ?? 'unknown';
}
