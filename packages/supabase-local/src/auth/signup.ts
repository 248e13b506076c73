import { randomUUID } from 'node:crypto';
import type { ApiRequest, StackContext } from '../http';
import { withAuthTransaction } from './db';
import { type AuthError, badRequest, unexpectedFailure, unprocessable } from './errors';
import { startPasswordSession } from './password-session';
import { findUserByEmail, hashPassword, insertUser, writeAudit } from './users';
import { checkPasswordStrength, isPlainObject, validateEmail } from './validate';

export interface AuthEnv {
  ctx: StackContext;
  issuer: () => string;
}

/**
 * POST /signup with e-mail and password. Confirmations are off in our config (the CLI's default
 * `enable_confirmations = false` → GoTrue autoconfirm), so the user is confirmed at once and the
 * answer is a session, exactly as `supabase start` answers.
 */
export async function signup(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const { config } = env.ctx;
  if (!config.auth.enableSignup) return unprocessable('signup_disabled', 'Signups not allowed for this instance');

  const hasEmail = body.email !== undefined && body.email !== null && body.email !== '';
  const hasPhone = typeof body.phone === 'string' && body.phone !== '';
  if (!hasEmail && !hasPhone) {
    if (body.password === undefined || body.password === null || body.password === '') {
      // No credentials at all is auth-js's signInAnonymously(); our config keeps it disabled.
      return unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    }
    return badRequest('validation_failed', 'To signup, please provide your email or phone number');
  }
  if (!hasEmail) return unprocessable('phone_provider_disabled', 'Phone signups are disabled');

  const email = validateEmail(body.email);
  if (typeof email !== 'string') return email;
  if (typeof body.password !== 'string' || body.password === '') {
    return badRequest('validation_failed', 'Signup requires a valid password');
  }
  const weak = checkPasswordStrength(body.password, config.auth.minimumPasswordLength);
  if (weak) return weak;
  if (body.data !== undefined && body.data !== null && !isPlainObject(body.data)) {
    return badRequest('validation_failed', 'data must be an object');
  }
  const data = isPlainObject(body.data) ? body.data : {};
  const encryptedPassword = await hashPassword(body.password);

  return withAuthTransaction(env.ctx.adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    // Serialise signups per address so two concurrent requests cannot both pass the check below.
    await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${email}`]);
    if (await findUserByEmail(db, email)) return unprocessable('user_already_exists', 'User already registered');

    const id = randomUUID();
    const inserted = await insertUser(db, {
      id,
      email,
      encryptedPassword,
      emailConfirmed: true,
      appMetadata: { provider: 'email', providers: ['email'] },
      // GoTrue merges the identity's claims into user_metadata; the app's `data` cannot override them.
      userMetadata: { ...data, sub: id, email, email_verified: true, phone_verified: false },
    }).catch((error: Error) => {
      console.error(`[auth] saving new user failed: ${error.message}`);
      // A failing app trigger on auth.users lands here; GoTrue answers exactly this (a retryable 500).
      throw unexpectedFailure('Database error saving new user');
    });
    await writeAudit(db, 'user_signedup', inserted, req.ip, { provider: 'email' });
    return startPasswordSession(env, db, req, inserted);
  });
}
