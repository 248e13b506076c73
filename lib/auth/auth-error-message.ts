import { type AuthError, isAuthRetryableFetchError } from '@supabase/supabase-js';

// Auth answers with codes (see SUPABASE-PROTOCOL §2.5); people should read sentences.
const MESSAGES: Record<string, string> = {
  invalid_credentials: "That e-mail and password don't match.",
  user_already_exists: 'An account with this e-mail already exists.',
  email_exists: 'An account with this e-mail already exists.',
  weak_password: 'That password is too easy to guess. Please choose a longer one.',
  same_password: 'Please choose a password different from your current one.',
  otp_expired: 'That link has expired. Please ask for a new one.',
  flow_state_not_found: 'That link has already been used or has expired. Please ask for a new one.',
  email_not_confirmed: 'Please confirm your e-mail address before signing in.',
  signup_disabled: 'New accounts cannot be created right now.',
  email_address_invalid: 'Please enter a valid e-mail address.',
  over_request_rate_limit: 'Too many attempts. Please wait a minute and try again.',
  over_email_send_rate_limit: 'Too many attempts. Please wait a minute and try again.',
};

export function authErrorMessage(error: AuthError): string {
  if (isAuthRetryableFetchError(error)) return "We couldn't reach the sign-in service. Please try again in a moment.";
  return (error.code && MESSAGES[error.code]) || 'Something went wrong while signing you in. Please try again.';
}
