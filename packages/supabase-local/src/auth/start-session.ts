import type { ApiRequest } from '../http';
import type { Queryable } from './db';
import type { AuthEnv } from './env';
import { createSession } from './sessions';
import { tokenResponse } from './tokens';
import { findUserById, recordSignIn, type UserRow, userJson, writeAudit } from './users';

export interface StartSessionOptions {
  /** The `amr` method: password, otp, anonymous, recovery, magiclink, email/signup… */
  method: string;
  /** The audit entry this sign-in writes, if the caller has not written its own. */
  audit?: { action: string; traits?: Record<string, unknown> };
  weakPassword?: { message: string; reasons: string[] };
}

/**
 * What every sign-in does (GoTrue's issueRefreshToken): a new session with its AMR, last_sign_in_at,
 * and the token response built from the user as the transaction now sees it. Runs inside the
 * caller's auth transaction.
 */
export async function startSession(
  env: AuthEnv,
  db: Queryable,
  req: ApiRequest,
  signedIn: UserRow,
  options: StartSessionOptions,
): Promise<Record<string, unknown>> {
  const session = await createSession(db, signedIn.id, options.method, {
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  await recordSignIn(db, signedIn.id);
  if (options.audit) await writeAudit(db, options.audit.action, signedIn, req.ip, options.audit.traits);
  const user = await findUserById(db, signedIn.id);
  if (!user) throw new Error('user vanished inside its own sign-in transaction');
  return tokenResponse({
    user,
    sessionId: session.sessionId,
    amr: session.amr,
    issuer: env.issuer(),
    expiresIn: env.ctx.config.auth.jwtExpiry,
    refreshToken: session.refreshToken,
    userJson: await userJson(db, user),
    weakPassword: options.weakPassword,
  });
}

/** A password sign-in, whether it follows a sign-up or a password grant. */
export function startPasswordSession(
  env: AuthEnv,
  db: Queryable,
  req: ApiRequest,
  signedIn: UserRow,
  weakPassword?: { message: string; reasons: string[] },
): Promise<Record<string, unknown>> {
  return startSession(env, db, req, signedIn, {
    method: 'password',
    audit: { action: 'login', traits: { provider: 'email' } },
    weakPassword,
  });
}
