import type { ApiRequest } from '../http';
import { type Queryable, withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { AuthError, badRequest, unprocessable } from './errors';
import { clearOneTimeToken, tokenHash } from './one-time-tokens';
import { requireUser } from './requester';
import { sendReauthentication } from './send-mails';
import { type UserRow, writeAudit } from './users';

const DAY_MS = 24 * 60 * 60 * 1000;

/** GET /reauthenticate (reauthenticate.go): mails the signed-in user a nonce for PUT /user. */
export async function getReauthenticate(env: AuthEnv, req: ApiRequest): Promise<Record<string, unknown> | AuthError> {
  const requester = await requireUser(env.ctx.adminPool, req);
  if (requester instanceof AuthError) return requester;
  const { user } = requester;
  if (!user.email && !user.phone) {
    return badRequest('validation_failed', 'Reauthentication requires the user to have an email or a phone number');
  }
  if (!user.email) return unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  if (!user.email_confirmed_at) return unprocessable('email_not_confirmed', 'Please verify your email first.');
  return withAuthTransaction(env.ctx.adminPool, async (db) => {
    await writeAudit(db, 'user_reauthenticate_requested', user, req.ip);
    await sendReauthentication(env, db, user, await reauthenticationSentAt(db, user.id));
    return {};
  });
}

async function reauthenticationSentAt(db: Queryable, userId: string): Promise<Date | null> {
  const { rows } = await db.query<{ reauthentication_sent_at: Date | null }>(
    'select reauthentication_sent_at from auth.users where id = $1',
    [userId],
  );
  return rows[0]?.reauthentication_sent_at ?? null;
}

/**
 * user.go with `secure_password_change`: a password change needs a session signed in less than a
 * day ago, or the nonce GET /reauthenticate mailed. Returns the error to answer, or whether a nonce
 * was used (then the caller consumes it with the change).
 */
export async function checkReauthentication(
  env: AuthEnv,
  user: UserRow,
  sessionId: string | null,
  nonce: string,
): Promise<AuthError | { nonceUsed: boolean }> {
  if (!env.ctx.config.auth.email.securePasswordChange) return { nonceUsed: false };
  const db = env.ctx.adminPool;
  if (sessionId) {
    const { rows } = await db.query<{ created_at: Date }>('select created_at from auth.sessions where id = $1', [
      sessionId,
    ]);
    if (rows[0] && rows[0].created_at.getTime() + DAY_MS > Date.now()) return { nonceUsed: false };
  }
  if (nonce === '') return badRequest('reauthentication_needed', 'Password update requires reauthentication');
  const { rows } = await db.query<{ reauthentication_token: string | null; reauthentication_sent_at: Date | null }>(
    'select reauthentication_token, reauthentication_sent_at from auth.users where id = $1',
    [user.id],
  );
  const stored = rows[0];
  const expiry = env.ctx.config.auth.email.otpExpiry * 1000;
  const valid =
    stored?.reauthentication_token &&
    stored.reauthentication_sent_at &&
    stored.reauthentication_sent_at.getTime() + expiry > Date.now() &&
    stored.reauthentication_token === tokenHash(user.email ?? '', nonce);
  if (!valid) return unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');
  return { nonceUsed: true };
}

/** models.User.ConfirmReauthentication: a nonce works once. */
export async function consumeReauthentication(db: Queryable, userId: string): Promise<void> {
  await db.query(`update auth.users set reauthentication_token = '', reauthentication_sent_at = null where id = $1`, [
    userId,
  ]);
  await clearOneTimeToken(db, userId, 'reauthentication_token');
}
