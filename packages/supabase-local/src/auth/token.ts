import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import { AuthError, badRequest } from './errors';
import { startPasswordSession } from './password-session';
import type { RateLimiter } from './rate-limit';
import { refreshGrant, sessionAmr } from './sessions';
import type { AuthEnv } from './signup';
import { tokenResponse } from './tokens';
import { findUserByEmail, isBanned, userJson, verifyPassword } from './users';
import { checkPasswordStrength } from './validate';

const INVALID_LOGIN = 'Invalid login credentials';

/** POST /token?grant_type=… */
export async function token(
  env: AuthEnv,
  limiter: RateLimiter,
  req: ApiRequest,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> | AuthError> {
  const grantType = new URLSearchParams(req.rawQuery).get('grant_type');
  if (grantType === 'password') {
    if (!limiter.hit(req.ip)) return new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
    return passwordGrant(env, req, body);
  }
  if (grantType === 'refresh_token') return refreshTokenGrant(env, req, body);
  return badRequest('invalid_credentials', 'unsupported_grant_type');
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

  const found = await findUserByEmail(adminPool, body.email);
  // Soft-deleted users have no password left, but check explicitly rather than rely on it.
  if (!found || found.deleted_at || !(await verifyPassword(password, found.encrypted_password))) {
    return badRequest('invalid_credentials', INVALID_LOGIN);
  }
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
