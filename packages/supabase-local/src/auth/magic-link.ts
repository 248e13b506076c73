import { randomBytes } from 'node:crypto';
import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { AuthError, badRequest, unprocessable } from './errors';
import { createFlowState, validatePkceParams } from './flow-state';
import { Params } from './params';
import { limited } from './rate-limit';
import { sendMagicLink } from './send-mails';
import { signupWithEmail } from './signup';
import { findUserByEmail, writeAudit } from './users';
import { validateEmail } from './validate';

interface MagicLinkRequest {
  email: string;
  data: Record<string, unknown>;
  challenge: string;
  method: string;
}

/**
 * magic_link.go: a sign-in link (with its 6-digit code) to a confirmed user. An unknown or
 * unconfirmed address is signed up first with a random password — with autoconfirm the user is
 * confirmed and then mailed the magic link, otherwise the sign-up's confirmation mail is the link.
 */
async function magicLink(
  env: AuthEnv,
  req: ApiRequest,
  input: MagicLinkRequest,
): Promise<Record<string, never> | AuthError> {
  const { config } = env.ctx;
  if (!config.auth.email.enableSignup) return unprocessable('email_provider_disabled', 'Email logins are disabled');
  if (input.email === '') return unprocessable('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(input.email);
  if (typeof email !== 'string') return email;
  const pkceError = validatePkceParams(input.method, input.challenge);
  if (pkceError) return pkceError;
  const pkce = input.challenge ? { codeChallenge: input.challenge, codeChallengeMethod: input.method } : null;

  const existing = await findUserByEmail(env.ctx.adminPool, email);
  if (!existing?.email_confirmed_at) {
    // GoTrue calls its Signup handler here, with that handler's checks.
    if (!config.auth.enableSignup) return unprocessable('signup_disabled', 'Signups not allowed for this instance');
    const password = randomBytes(24).toString('base64url');
    const signedUp = await signupWithEmail(env, req, { email, password, data: input.data, pkce });
    if (signedUp instanceof AuthError) return signedUp;
    if (config.auth.email.enableConfirmations) return {};
    return magicLink(env, req, { ...input, email });
  }
  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    if (pkce) await createFlowState(db, existing.id, 'magiclink', pkce);
    await writeAudit(db, 'user_recovery_requested', existing, req.ip);
    await sendMagicLink(env, db, req, existing, pkce ? 'pkce' : 'implicit');
    return {};
  });
}

function magicLinkParams(body: Record<string, unknown>, struct: string): MagicLinkRequest {
  const params = new Params(body, struct);
  return {
    email: params.string('email'),
    data: params.object('data') ?? {},
    challenge: params.string('code_challenge'),
    method: params.string('code_challenge_method'),
  };
}

/** POST /magiclink (the legacy route). */
export function postMagicLink(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  return limited(env.limits.magicLink, req.ip) ?? magicLink(env, req, magicLinkParams(body, 'MagicLinkParams'));
}

/**
 * POST /otp (signInWithOtp): e-mail goes the magic-link way; `create_user: false` refuses unknown
 * addresses with GoTrue's otp_disabled; phone is not offered by this stack.
 */
export async function postOtp(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const refused = limited(env.limits.otp, req.ip);
  if (refused) return refused;
  const params = new Params(body, 'OtpParams');
  const email = params.string('email');
  const phone = params.string('phone');
  const createUser = params.bool('create_user', true);
  params.object('data');
  if (email !== '' && phone !== '') {
    return badRequest('validation_failed', 'Only an email address or phone number should be provided');
  }
  if (email !== '' && params.string('channel') !== '') {
    return badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  }
  const pkceError = validatePkceParams(params.string('code_challenge_method'), params.string('code_challenge'));
  if (pkceError) return pkceError;
  if (!createUser && email !== '') {
    const address = validateEmail(email);
    if (typeof address !== 'string') return address;
    if (!(await findUserByEmail(env.ctx.adminPool, address))) {
      return unprocessable('otp_disabled', 'Signups not allowed for otp');
    }
  }
  if (email !== '') return magicLink(env, req, magicLinkParams(body, 'MagicLinkParams'));
  if (phone !== '') return badRequest('phone_provider_disabled', 'Unsupported phone provider');
  return badRequest('validation_failed', 'One of email or phone must be set');
}
