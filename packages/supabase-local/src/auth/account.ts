import type { ApiRequest } from '../http';
import { withAuthTransaction } from './db';
import { AuthError, badRequest, forbidden, unprocessable } from './errors';
import { requireUser } from './requester';
import { type LogoutScope, logout } from './sessions';
import type { AuthEnv } from './signup';
import {
  findUserByEmail,
  hashPassword,
  mergeMetadata,
  type UserChanges,
  updateUser,
  userJson,
  verifyPassword,
  writeAudit,
} from './users';
import { checkPasswordStrength, isPlainObject, validateEmail } from './validate';

/** GET /user: the caller's user, after checking that its session still exists. */
export async function getUser(env: AuthEnv, req: ApiRequest) {
  const requester = await requireUser(env.ctx.adminPool, req);
  if (requester instanceof AuthError) return requester;
  return userJson(env.ctx.adminPool, requester.user);
}

/**
 * PUT /user: e-mail, password and `data` (user_metadata). With autoconfirm an e-mail change applies
 * at once, as GoTrue does. app_metadata governs authorisation (e.g. a child account's consent), so
 * users can never write it here; only the admin API can.
 */
export async function putUser(env: AuthEnv, req: ApiRequest, body: Record<string, unknown>) {
  const { config, adminPool } = env.ctx;
  const requester = await requireUser(adminPool, req);
  if (requester instanceof AuthError) return requester;
  const { user } = requester;

  if (body.app_metadata !== undefined) {
    return forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  }
  if (typeof body.phone === 'string' && body.phone !== '' && body.phone !== user.phone) {
    return unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  }
  if (body.data !== undefined && body.data !== null && !isPlainObject(body.data)) {
    return badRequest('validation_failed', 'data must be an object');
  }

  const changes: UserChanges = {};
  if (isPlainObject(body.data)) changes.userMetadata = mergeMetadata(user.raw_user_meta_data, body.data);

  let passwordChanged = false;
  if (body.password !== undefined && body.password !== null) {
    if (typeof body.password !== 'string') return badRequest('validation_failed', 'password must be a string');
    const weak = checkPasswordStrength(body.password, config.auth.minimumPasswordLength);
    if (weak) return weak;
    if (await verifyPassword(body.password, user.encrypted_password)) {
      return unprocessable('same_password', 'New password should be different from the old password.');
    }
    changes.encryptedPassword = await hashPassword(body.password);
    passwordChanged = true;
  }

  let newEmail: string | undefined;
  if (body.email !== undefined && body.email !== null && body.email !== '') {
    const email = validateEmail(body.email);
    if (typeof email !== 'string') return email;
    if (email !== user.email) newEmail = email;
  }

  return withAuthTransaction(adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    if (newEmail !== undefined) {
      await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${newEmail}`]);
      const taken = await findUserByEmail(db, newEmail);
      if (taken && taken.id !== user.id) {
        return unprocessable('email_exists', 'A user with this email address has already been registered');
      }
      changes.email = newEmail;
      changes.emailConfirmed = true;
      changes.userMetadata = { ...(changes.userMetadata ?? user.raw_user_meta_data ?? {}), email: newEmail };
    }
    const updated = Object.keys(changes).length > 0 ? await updateUser(db, user.id, changes) : user;
    if (passwordChanged) {
      // GoTrue's UpdatePassword ends every other session: a changed password locks out old devices.
      if (requester.sessionId) await logout(db, user.id, requester.sessionId, 'others');
      await writeAudit(db, 'user_updated_password', updated, req.ip);
    }
    if (Object.keys(changes).length > 0) await writeAudit(db, 'user_modified', updated, req.ip);
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
