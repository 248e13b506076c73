import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { ApiRequest } from '../http';
import type { JwtClaims } from '../jwt';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { type AuthError, badRequest, notFound, unprocessable } from './errors';
import { adminActor, createLinkUser, EMAIL_EXISTS } from './invite';
import { generateOtp, storeOneTimeToken, tokenHash } from './one-time-tokens';
import { Params } from './params';
import { isRedirectUrlValid, referrer } from './redirect';
import { actionLink } from './send-mails';
import {
  findUserByEmail,
  findUserById,
  hashPassword,
  mergeMetadata,
  type UserRow,
  userJson,
  writeAudit,
} from './users';
import { checkPasswordStrength, validateEmail } from './validate';

interface LinkRequest {
  type: string;
  email: string;
  newEmail: string;
  password: string;
  data: Record<string, unknown>;
}

/** Stores the hashed token a generated link carries; returns the link's token and verify type. */
async function storeLinkToken(
  env: AuthEnv,
  db: PoolClient,
  req: ApiRequest,
  claims: JwtClaims,
  input: LinkRequest,
  found: UserRow | null,
  otp: string,
  hashed: string,
): Promise<{ user: UserRow; token: string; type: string }> {
  const { type, email } = input;
  const set = async (sql: string, values: unknown[]) => db.query(`update auth.users set ${sql} where id = $1`, values);
  if (type === 'magiclink' || type === 'recovery') {
    const user = found as UserRow;
    await writeAudit(db, 'user_recovery_requested', user, req.ip);
    await set('recovery_token = $2, recovery_sent_at = now()', [user.id, hashed]);
    await storeOneTimeToken(db, user.id, 'recovery_token', email, hashed);
    return { user, token: hashed, type };
  }
  if (type === 'invite' || type === 'signup') {
    if (found?.email_confirmed_at) throw unprocessable('email_exists', EMAIL_EXISTS);
    let user = found;
    if (user && type === 'signup') {
      await set('raw_user_meta_data = $2', [
        user.id,
        JSON.stringify(mergeMetadata(user.raw_user_meta_data, input.data)),
      ]);
    }
    if (!user) {
      const password = type === 'signup' ? await hashPassword(input.password) : '';
      user = await createLinkUser(db, email, password, input.data);
    }
    if (type === 'invite') {
      await writeAudit(db, 'user_invited', adminActor(claims), req.ip, { user_id: user.id, user_email: user.email });
    }
    await set(
      `confirmation_token = $2, confirmation_sent_at = now()${type === 'invite' ? ', invited_at = now()' : ''}`,
      [user.id, hashed],
    );
    await storeOneTimeToken(db, user.id, 'confirmation_token', email, hashed);
    return { user, token: hashed, type };
  }
  if (type === 'email_change_current' || type === 'email_change_new') {
    const user = found as UserRow;
    if (!env.ctx.config.auth.email.doubleConfirmChanges && type === 'email_change_current') {
      throw badRequest('validation_failed', 'Enable secure email change to generate link for current email');
    }
    const newEmail = validateEmail(input.newEmail);
    if (typeof newEmail !== 'string') throw newEmail;
    const taken = await findUserByEmail(db, newEmail);
    if (taken && taken.id !== user.id) throw unprocessable('email_exists', EMAIL_EXISTS);
    // Only the named side gets a new token; GoTrue leaves the other as it was.
    const current = type === 'email_change_current' ? hashed : (user.email_change_token_current ?? '');
    const fresh = type === 'email_change_new' ? tokenHash(newEmail, otp) : (user.email_change_token_new ?? '');
    await set(
      `email_change = $2, email_change_sent_at = now(), email_change_confirm_status = 0,
       email_change_token_current = $3, email_change_token_new = $4`,
      [user.id, newEmail, current, fresh],
    );
    if (current) await storeOneTimeToken(db, user.id, 'email_change_token_current', user.email ?? '', current);
    if (fresh) await storeOneTimeToken(db, user.id, 'email_change_token_new', newEmail, fresh);
    return { user, token: type === 'email_change_current' ? current : fresh, type: 'email_change' };
  }
  throw badRequest('validation_failed', `Invalid email action link type requested: ${type}`);
}

/**
 * POST /admin/generate_link (admin.generateLink): the link and OTP a mail would carry, for every link
 * type, without sending anything. Like GoTrue, `hashed_token` is always sha224(email + otp), which
 * for `email_change_new` is not the token the link carries.
 */
export async function generateLink(env: AuthEnv, req: ApiRequest, claims: JwtClaims, body: Record<string, unknown>) {
  const params = new Params(body, 'GenerateLinkParams');
  const input: LinkRequest = {
    type: params.string('type'),
    email: params.string('email'),
    newEmail: params.string('new_email'),
    password: params.string('password'),
    data: params.object('data') ?? {},
  };
  const email = validateEmail(input.email);
  if (typeof email !== 'string') return email;
  input.email = email;
  const config = env.ctx.config.auth;
  const requested = params.string('redirect_to');
  const redirectTo = isRedirectUrlValid(config, requested) ? requested : referrer(config, req);

  const found = await findUserByEmail(env.ctx.adminPool, email);
  if (!found) {
    if (input.type === 'magiclink') {
      // A magic link for an unknown address signs it up (with a throw-away password).
      input.type = 'signup';
      input.password = randomBytes(32).toString('base64url');
    } else if (['recovery', 'email_change_current', 'email_change_new'].includes(input.type)) {
      return notFound('user_not_found', 'User with this email not found');
    }
    if (input.type === 'signup') {
      if (input.password === '') return badRequest('validation_failed', 'Signup requires a valid password');
      const weak = checkPasswordStrength(input.password, config.minimumPasswordLength);
      if (weak) return weak;
    }
  }
  const otp = generateOtp(config.email.otpLength);
  const hashed = tokenHash(email, otp);
  return withAuthTransaction(env.ctx.adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${email}`]);
    const link = await storeLinkToken(env, db, req, claims, input, found, otp, hashed);
    const user = (await findUserById(db, link.user.id)) ?? link.user;
    return {
      ...(await userJson(db, user)),
      action_link: actionLink(env, link.token, link.type, redirectTo),
      email_otp: otp,
      hashed_token: hashed,
      verification_type: input.type,
      redirect_to: redirectTo,
    };
  });
}
