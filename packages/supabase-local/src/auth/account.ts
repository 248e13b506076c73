import type { ApiRequest } from '../http';
import { childPasswordChangeRefused, isChildAccount } from './child-accounts';
import { type Queryable, withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { AuthError, badRequest, forbidden, unprocessable } from './errors';
import { createFlowState, validatePkceParams } from './flow-state';
import { clearAllOneTimeTokens } from './one-time-tokens';
import { Params } from './params';
import { limited } from './rate-limit';
import { checkReauthentication, consumeReauthentication } from './reauthenticate';
import { requireUser } from './requester';
import { sendEmailChange } from './send-mails';
import { type LogoutScope, logout } from './sessions';
import {
  findUserByEmail,
  findUserById,
  hashPassword,
  mergeMetadata,
  type UserChanges,
  updateUser,
  userJson,
  verifyPassword,
  writeAudit,
} from './users';
import { checkPasswordStrength, validateEmail } from './validate';
import { emailChangeVerify } from './verify-actions';

/** GET /user: the caller's user, after checking that its session still exists. */
export async function getUser(env: AuthEnv, req: ApiRequest) {
  const requester = await requireUser(env.ctx.adminPool, req);
  if (requester instanceof AuthError) return requester;
  return userJson(env.ctx.adminPool, requester.user);
}

/** models.User.UpdatePassword: a new password voids every outstanding mail token. */
async function voidMailTokens(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `update auth.users set confirmation_token = '', confirmation_sent_at = null, recovery_token = '',
       recovery_sent_at = null, email_change_token_current = '', email_change_token_new = '',
       email_change_sent_at = null, reauthentication_token = '', reauthentication_sent_at = null
     where id = $1`,
    [userId],
  );
  await clearAllOneTimeTokens(db, userId);
}

/**
 * PUT /user (user.go UserUpdate): password, `data` (user_metadata) and e-mail. A new address must be
 * confirmed through the mail(s) sendEmailChange sends — except for an anonymous user while
 * autoconfirm is on, whose address applies at once (that is how an anonymous user becomes a
 * permanent one). app_metadata governs authorisation (e.g. a child account's consent), so users can
 * never write it here; only the admin API can. With `secure_password_change` a new password needs a
 * recent sign-in or a reauthentication nonce; a child's account never takes one here.
 */
export async function putUser(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const refused = limited(env.limits.user, req.ip);
  if (refused) return refused;
  const { config, adminPool } = env.ctx;
  const requester = await requireUser(adminPool, req);
  if (requester instanceof AuthError) return requester;
  const { user } = requester;
  const params = new Params(body, 'UserUpdateParams');
  let email = params.string('email');
  const data = params.object('data');
  const phone = params.string('phone');
  const challenge = params.string('code_challenge');
  const challengeMethod = params.string('code_challenge_method');
  const password = body.password === undefined || body.password === null ? null : params.string('password');
  const nonce = params.string('nonce');

  if (email !== '') {
    const valid = validateEmail(email);
    if (typeof valid !== 'string') return valid;
    email = valid;
  }
  if (phone !== '' && phone !== user.phone)
    return unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  if (password !== null) {
    const weak = checkPasswordStrength(password, config.auth.minimumPasswordLength);
    if (weak) return weak;
  }
  if (body.app_metadata !== undefined) {
    return forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  if (password !== null && isChildAccount(user)) return childPasswordChangeRefused();
  if (user.is_anonymous && password && email === '' && phone === '') {
    return unprocessable(
      'validation_failed',
      'Updating password of an anonymous user without an email or phone is not allowed',
    );
  }
  const newEmail = email !== '' && email !== user.email ? email : null;
  if (newEmail) {
    const taken = await findUserByEmail(adminPool, newEmail);
    if (taken && taken.id !== user.id) {
      return unprocessable('email_exists', 'A user with this email address has already been registered');
    }
  }
  const reauthentication =
    password === null ? { nonceUsed: false } : await checkReauthentication(env, user, requester.sessionId, nonce);
  if (reauthentication instanceof AuthError) return reauthentication;
  if (password && (await verifyPassword(password, user.encrypted_password))) {
    return unprocessable('same_password', 'New password should be different from the old password.');
  }
  const encryptedPassword = password === null ? null : await hashPassword(password);

  return withAuthTransaction(adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    const changes: UserChanges = {};
    if (reauthentication.nonceUsed) await consumeReauthentication(db, user.id);
    if (encryptedPassword !== null) {
      await updateUser(db, user.id, { encryptedPassword });
      await voidMailTokens(db, user.id);
      // GoTrue's UpdatePassword ends every other session: a changed password locks out old devices.
      await logout(db, user.id, requester.sessionId, requester.sessionId ? 'others' : 'global');
      await writeAudit(db, 'user_updated_password', user, req.ip);
    }
    if (data) changes.userMetadata = mergeMetadata(user.raw_user_meta_data, data);
    let updated = Object.keys(changes).length > 0 ? await updateUser(db, user.id, changes) : user;
    if (newEmail) {
      await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${newEmail}`]);
      const current = (await findUserById(db, user.id, true)) ?? updated;
      if (user.is_anonymous && !config.auth.email.enableConfirmations) {
        await db.query('update auth.users set email_change = $2 where id = $1', [user.id, newEmail]);
        await emailChangeVerify(db, config.auth, { ...current, email_change: newEmail }, null, req.ip);
      } else {
        const pkce = challenge ? { codeChallenge: challenge, codeChallengeMethod: challengeMethod } : null;
        const pkceError = validatePkceParams(challengeMethod, challenge);
        if (pkceError) throw pkceError;
        if (pkce) await createFlowState(db, user.id, 'email_change', pkce);
        await sendEmailChange(env, db, req, current, newEmail, pkce ? 'pkce' : 'implicit');
      }
    }
    updated = (await findUserById(db, user.id)) ?? updated;
    await writeAudit(db, 'user_modified', updated, req.ip);
    return userJson(db, updated);
  });
}

const SCOPES = new Set<LogoutScope>(['global', 'local', 'others']);

/** POST /logout?scope=global|local|others → 204. */
export async function postLogout(env: AuthEnv, req: ApiRequest): Promise<null | AuthError> {
  const scopeParam = new URLSearchParams(req.rawQuery).get('scope') ?? 'global';
  const scope = (scopeParam === '' ? 'global' : scopeParam) as LogoutScope;
  if (!SCOPES.has(scope)) return badRequest('validation_failed', `Unsupported logout scope "${scopeParam}"`);

  const requester = await requireUser(env.ctx.adminPool, req);
  if (requester instanceof AuthError) return requester;
  await withAuthTransaction(env.ctx.adminPool, async (db) => {
    await logout(db, requester.user.id, requester.sessionId, scope);
    await writeAudit(db, 'logout', requester.user, req.ip);
  });
  return null;
}
