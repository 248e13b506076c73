import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { badRequest } from './errors';
import { createFlowState, validatePkceParams } from './flow-state';
import { Params } from './params';
import { limited } from './rate-limit';
import { sendConfirmation, sendEmailChange } from './send-mails';
import { findUserByEmail, writeAudit } from './users';
import { validateEmail } from './validate';

/**
 * POST /resend (auth.resend): the sign-up confirmation or the pending e-mail change again, under the
 * same `max_frequency`. Unknown addresses, confirmed sign-ups and users without a pending change
 * get `{}` like a mail that went out.
 */
export async function resend(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const refused = limited(env.limits.resend, req.ip);
  if (refused) return refused;
  const params = new Params(body, 'ResendConfirmationParams');
  const type = params.string('type');
  const email = params.string('email');
  const phone = params.string('phone');
  const challenge = params.string('code_challenge');
  const method = params.string('code_challenge_method');
  if (type === 'signup' || type === 'email_change') {
    const pkceError = validatePkceParams(method, challenge);
    if (pkceError) return pkceError;
  } else if (type !== 'sms' && type !== 'phone_change') {
    return badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  if (email === '' && type === 'signup')
    return badRequest('validation_failed', 'Type provided requires an email address');
  if (phone === '' && type === 'sms') return badRequest('validation_failed', 'Type provided requires a phone number');
  if (email !== '' && phone !== '') {
    return badRequest('validation_failed', 'Only an email address or phone number should be provided.');
  }
  if (email === '' && phone === '') return badRequest('validation_failed', 'Missing email address or phone number');
  if (phone !== '') return badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (!env.ctx.config.auth.email.enableSignup)
    return badRequest('email_provider_disabled', 'Email logins are disabled');
  const address = validateEmail(email);
  if (typeof address !== 'string') return address;
  const pkce = challenge ? { codeChallenge: challenge, codeChallengeMethod: method } : null;

  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    const user = await findUserByEmail(db, address);
    if (!user) return {};
    const flow = pkce ? 'pkce' : 'implicit';
    if (type === 'signup') {
      if (user.email_confirmed_at) return {};
      await writeAudit(db, 'user_confirmation_requested', user, req.ip);
      if (pkce) await createFlowState(db, user.id, 'email/signup', pkce);
      await sendConfirmation(env, db, req, user, flow);
    } else if (type === 'email_change') {
      if (!user.email_change) return {};
      if (pkce) await createFlowState(db, user.id, 'email_change', pkce);
      await sendEmailChange(env, db, req, user, user.email_change, flow);
    } else {
      // sms / phone_change with an e-mail address: nothing to send, as GoTrue finds no phone change.
      return {};
    }
    return {};
  });
}
