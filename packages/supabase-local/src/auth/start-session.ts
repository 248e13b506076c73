import type { ApiRequest } from '../http';
import type { Queryable } from './db';
import { createSession } from './sessions';
import type { AuthEnv } from './signup';
import { tokenResponse } from './tokens';
import { findUserById, recordSignIn, type UserRow, userJson, writeAudit } from './users';

/**
 * What a successful password sign-in does, whether it follows a sign-up or a password grant: a new
 * session with a password AMR, last_sign_in_at, a `login` audit entry, and the token response built
 * from the user as the transaction now sees it. Runs inside the caller's auth transaction.
 */
export async function startPasswordSession(
  env: AuthEnv,
  db: Queryable,
  req: ApiRequest,
  signedIn: UserRow,
  weakPassword?: { message: string; reasons: string[] },
): Promise<Record<string, unknown>> {
  const session = await createSession(db, signedIn.id, 'password', {
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  await recordSignIn(db, signedIn.id);
  await writeAudit(db, 'login', signedIn, req.ip, { provider: 'email' });
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
    weakPassword,
  });
}
