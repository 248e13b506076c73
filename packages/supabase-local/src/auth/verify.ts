import type { PoolClient } from 'pg';
import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { AuthError, badRequest, unprocessable } from './errors';
import { issueAuthCode } from './flow-state';
import { tokenHash } from './one-time-tokens';
import { RawResponse } from './outcome';
import { Params } from './params';
import { codeRedirect, errorRedirect, messageRedirect, referrer, sessionRedirect } from './redirect';
import { startSession } from './start-session';
import { findUserById, refreshProviders, type UserRow } from './users';
import { validateEmail } from './validate';
import { emailChangeVerify, recoverVerify, signupVerify } from './verify-actions';
import { userByOtp, userByTokenHash, type VerifyTarget } from './verify-tokens';

export const SINGLE_CONFIRMATION = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

/** What the verified token does; false when only the first of two e-mail change links was used. */
async function applyVerification(
  env: AuthEnv,
  db: PoolClient,
  req: ApiRequest,
  user: UserRow,
  target: VerifyTarget,
): Promise<boolean> {
  switch (target.type) {
    case 'signup':
    case 'invite':
      await signupVerify(db, user, req.ip);
      return true;
    case 'recovery':
    case 'magiclink':
      await recoverVerify(db, user, req.ip);
      return true;
    case 'email_change':
      return emailChangeVerify(db, env.ctx.config.auth, user, target, req.ip);
    default:
      throw badRequest('validation_failed', 'Unsupported verification type');
  }
}

/** The user after the verification, with app_metadata.providers from its identities. */
async function verifiedUser(db: PoolClient, userId: string): Promise<UserRow> {
  await refreshProviders(db, userId);
  const user = await findUserById(db, userId);
  if (!user) throw new Error('verified user vanished inside its transaction');
  return user;
}

const orThrow = <T>(value: T | AuthError): T => {
  if (value instanceof AuthError) throw value;
  return value;
};

/**
 * POST /verify: `{type, token_hash}` or `{type, email, token}` (verifyOtp). Every refusal rolls the
 * transaction back, so a wrong or expired code spends nothing.
 */
export async function verifyPost(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const params = new Params(body, 'VerifyParams');
  const type = params.string('type');
  const token = params.string('token');
  let hash = params.string('token_hash');
  let email = params.string('email');
  const phone = params.string('phone');
  if (type === '') return badRequest('validation_failed', 'Verify requires a verification type');
  if ((token === '' && hash === '') || (token !== '' && hash !== '')) {
    return badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  if (token !== '') {
    if (phone !== '' && email === '') return new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    if (!(email !== '' && phone === '')) {
      return badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    }
    const valid = validateEmail(email);
    if (typeof valid !== 'string') return unprocessable('validation_failed', 'Invalid email format');
    email = valid;
    hash = tokenHash(email, token);
  } else if (email !== '' || phone !== '' || params.string('redirect_to') !== '') {
    return badRequest('validation_failed', 'Only the token_hash and type should be provided');
  }
  const target: VerifyTarget = { type, tokenHash: hash, token };
  const config = env.ctx.config.auth;
  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    const user = orThrow(
      token === '' ? await userByTokenHash(db, config, target) : await userByOtp(db, config, email, target),
    );
    if (!(await applyVerification(env, db, req, user, target))) {
      // Go's map[string]string serialises sorted by key.
      return { code: '200', msg: SINGLE_CONFIRMATION };
    }
    return startSession(env, db, req, await verifiedUser(db, user.id), { method: 'otp' });
  });
}

// pkce.go: a link's type names the flow state's authentication method.
const PKCE_METHODS: Record<string, string> = {
  signup: 'email/signup',
  invite: 'invite',
  recovery: 'recovery',
  magiclink: 'magiclink',
  email_change: 'email_change',
};

/** Go's http.Redirect with 303 See Other. */
function seeOther(location: string): RawResponse {
  return new RawResponse({
    status: 303,
    headers: { location, 'content-type': 'text/html; charset=utf-8' },
    body: `<a href="${location.replace(/&/g, '&amp;').replace(/"/g, '&#34;')}">See Other</a>.\n\n`,
  });
}

/**
 * GET /verify?token=&type=&redirect_to= — the link in a mail. It answers with a redirect to the
 * (allow-listed) redirect URL: the session in the fragment (implicit flow), `?code=` for the app's
 * exchangeCodeForSession (PKCE tokens, `pkce_…`), or the error in the fragment.
 */
export async function verifyGet(env: AuthEnv, req: ApiRequest) {
  const query = new URLSearchParams(req.rawQuery);
  const token = query.get('token') ?? '';
  const target: VerifyTarget = { type: query.get('type') ?? '', tokenHash: token, token };
  const config = env.ctx.config.auth;
  const redirectTo = referrer(config, req);
  if (target.type === '') return badRequest('validation_failed', 'Verify requires a verification type');
  if (token === '') return badRequest('validation_failed', 'Verify requires a token or a token hash');
  const pkce = token.startsWith('pkce_');
  try {
    const location = await withAuthTransaction(env.ctx.adminPool, async (db) => {
      const method = Object.hasOwn(PKCE_METHODS, target.type) ? PKCE_METHODS[target.type] : undefined;
      if (pkce && !method) throw badRequest('validation_failed', 'Unsupported verification type');
      const user = orThrow(await userByTokenHash(db, config, target));
      if (!(await applyVerification(env, db, req, user, target))) {
        return messageRedirect(redirectTo, SINGLE_CONFIRMATION, pkce);
      }
      const verified = await verifiedUser(db, user.id);
      if (!pkce)
        return sessionRedirect(redirectTo, await startSession(env, db, req, verified, { method: 'otp' }), target.type);
      const code = await issueAuthCode(db, verified.id, PKCE_METHODS[target.type]);
      if (code instanceof AuthError) {
        throw badRequest('flow_state_not_found', `No associated flow state found. ${code.status}: ${code.message}`);
      }
      return codeRedirect(redirectTo, code);
    });
    return seeOther(location);
  } catch (error) {
    if (!(error instanceof AuthError) || error.status >= 500) throw error;
    return seeOther(errorRedirect(redirectTo, error, pkce));
  }
}
