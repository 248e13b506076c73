import type { ApiRequest } from '../http';
import { mayUsePassword } from './child-accounts';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { AuthError, badRequest, notFound, unprocessable } from './errors';
import { exchangeAuthCode } from './flow-state';
import { lockedOut } from './lockout';
import { Params } from './params';
import { limited } from './rate-limit';
import { refreshGrant, sessionAmr } from './sessions';
import { startPasswordSession, startSession } from './start-session';
import { tokenResponse } from './tokens';
import { findUserByEmail, findUserById, isBanned, rejectAfterHashing, userJson, verifyPassword } from './users';
import { checkPasswordStrength } from './validate';

const INVALID_LOGIN = 'Invalid login credentials';

/**
 * POST /token?grant_type=… Every grant draws on one `token_refresh` bucket per client address
 * (token.go: password sign-ins included), after the grant type is known.
 */
export async function token(
  env: AuthEnv,
  req: ApiRequest,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> | AuthError> {
  const grantType = new URLSearchParams(req.rawQuery).get('grant_type');
  const grant = grantType && Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) return badRequest('invalid_credentials', 'unsupported_grant_type');
  return limited(env.limits.token, req.ip) ?? grant(env, req, body);
}

/** grant_type=pkce (exchangeCodeForSession): the code a PKCE mail link redirected with, and its verifier. */
async function pkceGrant(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const params = new Params(body, 'PKCEGrantParams');
  const authCode = params.string('auth_code');
  const verifier = params.string('code_verifier');
  return withAuthTransaction(env.ctx.adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    const flow = await exchangeAuthCode(db, authCode, verifier);
    if (flow instanceof AuthError) return flow;
    const user = await findUserById(db, flow.userId);
    if (!user) return notFound('user_not_found', 'User not found');
    return startSession(env, db, req, user, {
      method: flow.authenticationMethod,
      audit: { action: 'login', traits: { provider_type: flow.authenticationMethod } },
    });
  });
}

async function passwordGrant(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const { config, adminPool } = env.ctx;
  const password = typeof body.password === 'string' ? body.password : '';
  if (typeof body.phone === 'string' && body.phone !== '' && !body.email) {
    return badRequest('phone_provider_disabled', 'Phone logins are disabled');
  }
  if (typeof body.email !== 'string' || body.email === '') {
    return badRequest('validation_failed', 'missing email or phone');
  }
  if (!config.auth.email.enableSignup) return unprocessable('email_provider_disabled', 'Email logins are disabled');
  const email = body.email;
  const locked = env.lockout.lockedFor(email);
  if (locked > 0) return lockedOut(locked);

  const candidate = await findUserByEmail(adminPool, email);
  // Soft-deleted users have no password left, but check explicitly rather than rely on it. Every
  // refusal below costs one bcrypt, so its timing tells nothing about the address either.
  const found = candidate && !candidate.deleted_at ? candidate : null;
  const valid = found?.encrypted_password
    ? await verifyPassword(password, found.encrypted_password)
    : await rejectAfterHashing(password);
  // The right password of a child's account, from anywhere but the product's server, is refused (and
  // counted) exactly like a wrong one: neither the answer nor the lockout tells a right guess apart.
  if (!found || !valid || !mayUsePassword(found, req)) {
    env.lockout.fail(email);
    return badRequest('invalid_credentials', INVALID_LOGIN);
  }
  env.lockout.succeed(email);
  if (isBanned(found)) return badRequest('user_banned', 'User is banned');
  if (!found.email_confirmed_at) return badRequest('email_not_confirmed', 'Email not confirmed');

  const weak = checkPasswordStrength(password, config.auth.minimumPasswordLength);
  return withAuthTransaction(adminPool, async (db) => {
    // GoTrue tells the client when a stored password no longer meets the policy.
    const weakPassword =
      weak && weak.code === 'weak_password' ? { message: weak.message, reasons: ['length'] } : undefined;
    return startPasswordSession(env, db, req, found, weakPassword);
  });
}

async function refreshTokenGrant(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const presented = typeof body.refresh_token === 'string' ? body.refresh_token : '';
  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    const result = await refreshGrant(db, presented, env.ctx.config.auth.refreshTokenReuseInterval, req.ip);
    if (result instanceof AuthError) return result;
    return tokenResponse({
      user: result.user,
      sessionId: result.sessionId,
      amr: await sessionAmr(db, result.sessionId),
      issuer: env.issuer(),
      expiresIn: env.ctx.config.auth.jwtExpiry,
      refreshToken: result.refreshToken,
      userJson: await userJson(db, result.user),
    });
  });
}

type Grant = (
  env: AuthEnv,
  req: ApiRequest,
  body: Record<string, unknown>,
) => Promise<Record<string, unknown> | AuthError>;

const GRANTS: Record<string, Grant> = {
  password: passwordGrant,
  refresh_token: refreshTokenGrant,
  pkce: pkceGrant,
};
