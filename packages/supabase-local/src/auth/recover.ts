import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { badRequest } from './errors';
import { createFlowState, validatePkceParams } from './flow-state';
import { Params } from './params';
import { sendRecovery } from './send-mails';
import { findUserByEmail, writeAudit } from './users';
import { validateEmail } from './validate';

/**
 * POST /recover (resetPasswordForEmail): a recovery mail if the address is registered, and `{}`
 * either way so that the answer does not tell.
 */
export async function recover(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  if (!env.ctx.config.auth.email.enableSignup)
    return badRequest('email_provider_disabled', 'Email logins are disabled');
  const params = new Params(body, 'RecoverParams');
  const email = params.string('email');
  const challenge = params.string('code_challenge');
  const method = params.string('code_challenge_method');
  if (email === '') return badRequest('validation_failed', 'Password recovery requires an email');
  const address = validateEmail(email);
  if (typeof address !== 'string') return address;
  const pkceError = validatePkceParams(method, challenge);
  if (pkceError) return pkceError;

  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    const user = await findUserByEmail(db, address);
    if (!user) return {};
    if (challenge)
      await createFlowState(db, user.id, 'recovery', { codeChallenge: challenge, codeChallengeMethod: method });
    await writeAudit(db, 'user_recovery_requested', user, req.ip);
    await sendRecovery(env, db, req, user, challenge ? 'pkce' : 'implicit');
    return {};
  });
}
