import { createHash } from 'node:crypto';
import type { ApiRequest } from '../http';
import { json } from '../http';
import type { Queryable } from './db';
import { withAuthTransaction } from './db';
import type { AuthEnv } from './env';
import { API_VERSION_2024, AuthError, badRequest, notFound, unexpectedFailure, unprocessable } from './errors';
import { RawResponse } from './outcome';
import {
  AUDIENCE,
  findUserByEmail,
  findUserById,
  hashPassword,
  insertUser,
  isBcryptHash,
  mergeMetadata,
  type UserChanges,
  type UserRow,
  updateUser,
  userJson,
} from './users';
import { checkPasswordStrength, isPlainObject, isUuid, parseGoDuration, validateEmail } from './validate';

const EMAIL_EXISTS = 'A user with this email address has already been registered';

/** `ban_duration`: "none" lifts a ban, a Go duration bans until now + duration. */
function banUntil(value: unknown): Date | null | undefined | AuthError {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 'none') return null;
  const ms = typeof value === 'string' ? parseGoDuration(value) : null;
  if (ms === null) return badRequest('validation_failed', 'invalid format for ban duration: time: invalid duration');
  return new Date(Date.now() + ms);
}

async function passwordField(body: Record<string, unknown>, minimumLength: number) {
  if (body.password_hash !== undefined && body.password_hash !== null && body.password_hash !== '') {
    if (typeof body.password_hash !== 'string' || !isBcryptHash(body.password_hash)) {
      return badRequest('validation_failed', 'Invalid password hash format');
    }
    return body.password_hash;
  }
  if (body.password === undefined || body.password === null || body.password === '') return undefined;
  if (typeof body.password !== 'string') return badRequest('validation_failed', 'password must be a string');
  const weak = checkPasswordStrength(body.password, minimumLength);
  if (weak) return weak;
  return hashPassword(body.password);
}

function objectField(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined | AuthError {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) return badRequest('validation_failed', `${key} must be an object`);
  return value;
}

/** POST /admin/users */
async function createUser(env: AuthEnv, body: Record<string, unknown>) {
  const { config, adminPool } = env.ctx;
  let email: string | null = null;
  if (body.email !== undefined && body.email !== null && body.email !== '') {
    const valid = validateEmail(body.email);
    if (typeof valid !== 'string') return valid;
    email = valid;
  }
  const phone = typeof body.phone === 'string' && body.phone !== '' ? body.phone.replace(/^\+/, '') : null;
  if (email === null && phone === null) {
    return badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  if (body.id !== undefined && !isUuid(body.id)) return badRequest('validation_failed', 'id must be a valid UUID');
  const encryptedPassword = await passwordField(body, config.auth.minimumPasswordLength);
  if (encryptedPassword instanceof AuthError) return encryptedPassword;
  const userMetadata = objectField(body, 'user_metadata');
  if (userMetadata instanceof AuthError) return userMetadata;
  const appMetadata = objectField(body, 'app_metadata');
  if (appMetadata instanceof AuthError) return appMetadata;
  const bannedUntil = banUntil(body.ban_duration);
  if (bannedUntil instanceof AuthError) return bannedUntil;
  const emailConfirmed = body.email_confirm === true;
  const provider = email !== null ? 'email' : 'phone';

  return withAuthTransaction(adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    if (email !== null) {
      await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${email}`]);
      if (await findUserByEmail(db, email)) return unprocessable('email_exists', EMAIL_EXISTS);
    }
    if (phone !== null) {
      const { rowCount } = await db.query('select 1 from auth.users where phone = $1', [phone]);
      if (rowCount) return unprocessable('phone_exists', 'A user with this phone number has already been registered');
    }
    if (typeof body.id === 'string' && (await findUserById(db, body.id))) {
      return unprocessable('user_already_exists', 'User already registered');
    }
    const user = await insertUser(db, {
      id: typeof body.id === 'string' ? body.id : undefined,
      email,
      phone,
      encryptedPassword: encryptedPassword ?? null,
      role: typeof body.role === 'string' && body.role !== '' ? body.role : undefined,
      emailConfirmed,
      phoneConfirmed: body.phone_confirm === true,
      // Provider bookkeeping first, then whatever the admin sets (e.g. a child account's flags).
      appMetadata: { provider, providers: [provider], ...(appMetadata ?? {}) },
      userMetadata: { ...(userMetadata ?? {}), email_verified: emailConfirmed },
      bannedUntil: bannedUntil ?? null,
    }).catch((error: Error) => {
      console.error(`[auth] saving new user failed: ${error.message}`);
      throw unexpectedFailure('Database error creating new user');
    });
    return userJson(db, user);
  });
}

/** PUT /admin/users/:id — metadata merges (null deletes a key), like GoTrue's adminUserUpdate. */
async function updateUserById(env: AuthEnv, user: UserRow, body: Record<string, unknown>) {
  const { config, adminPool } = env.ctx;
  const changes: UserChanges = {};
  if (body.email !== undefined && body.email !== null && body.email !== '') {
    const email = validateEmail(body.email);
    if (typeof email !== 'string') return email;
    if (email !== user.email) changes.email = email;
  }
  if (typeof body.phone === 'string') changes.phone = body.phone === '' ? null : body.phone.replace(/^\+/, '');
  const encryptedPassword = await passwordField(body, config.auth.minimumPasswordLength);
  if (encryptedPassword instanceof AuthError) return encryptedPassword;
  if (encryptedPassword !== undefined) changes.encryptedPassword = encryptedPassword;
  const userMetadata = objectField(body, 'user_metadata');
  if (userMetadata instanceof AuthError) return userMetadata;
  if (userMetadata) changes.userMetadata = mergeMetadata(user.raw_user_meta_data, userMetadata);
  const appMetadata = objectField(body, 'app_metadata');
  if (appMetadata instanceof AuthError) return appMetadata;
  if (appMetadata) changes.appMetadata = mergeMetadata(user.raw_app_meta_data, appMetadata);
  const bannedUntil = banUntil(body.ban_duration);
  if (bannedUntil instanceof AuthError) return bannedUntil;
  if (bannedUntil !== undefined) changes.bannedUntil = bannedUntil;
  if (typeof body.role === 'string' && body.role !== '') changes.role = body.role;
  if (body.email_confirm === true) changes.emailConfirmed = true;
  if (body.phone_confirm === true) changes.phoneConfirmed = true;

  return withAuthTransaction(adminPool, async (db): Promise<Record<string, unknown> | AuthError> => {
    if (changes.email !== undefined) {
      await db.query('select pg_advisory_xact_lock(hashtext($1))', [`auth.signup:${changes.email}`]);
      const taken = await findUserByEmail(db, changes.email);
      if (taken && taken.id !== user.id) return unprocessable('email_exists', EMAIL_EXISTS);
    }
    const updated = await updateUser(db, user.id, changes);
    if (changes.bannedUntil) {
      // A ban ends the user's sessions, so refresh tokens stop working at once.
      await db.query('delete from auth.sessions where user_id = $1', [user.id]);
    }
    return userJson(db, updated);
  });
}

/** DELETE /admin/users/:id — hard delete cascades; soft delete obfuscates like GoTrue's SoftDeleteUser. */
async function deleteUser(env: AuthEnv, user: UserRow, body: Record<string, unknown>) {
  await withAuthTransaction(env.ctx.adminPool, async (db) => {
    if (body.should_soft_delete === true) {
      await softDelete(db, user);
    } else {
      await db.query('delete from auth.users where id = $1', [user.id]);
    }
  });
  return {};
}

const obfuscate = (value: string | null, id: string) =>
  value === null
    ? null
    : createHash('sha256')
        .update(value + id)
        .digest('hex');

async function softDelete(db: Queryable, user: UserRow) {
  await db.query(
    `update auth.users set email = $2, phone = $3, encrypted_password = '', confirmation_token = '',
       recovery_token = '', email_change = '', raw_app_meta_data = '{}', raw_user_meta_data = '{}',
       deleted_at = now(), updated_at = now()
     where id = $1`,
    [user.id, obfuscate(user.email, user.id), obfuscate(user.phone, user.id)],
  );
  await db.query('delete from auth.identities where user_id = $1', [user.id]);
  await db.query('delete from auth.sessions where user_id = $1', [user.id]);
}

/** GET /admin/users?page=&per_page= — newest first, with GoTrue's pagination headers. */
async function listUsers(env: AuthEnv, req: ApiRequest): Promise<RawResponse | AuthError> {
  const query = new URLSearchParams(req.rawQuery);
  const page = query.get('page') || '1';
  const perPage = query.get('per_page') || '50';
  if (!/^\d+$/.test(page) || !/^\d+$/.test(perPage) || Number(page) < 1 || Number(perPage) < 1) {
    return badRequest('validation_failed', 'Bad Pagination Parameters');
  }
  const pageNumber = Number(page);
  const limit = Math.min(Number(perPage), 1000);
  const aud = query.get('aud') || AUDIENCE;
  const db = env.ctx.adminPool;
  const { rows: count } = await db.query<{ total: number }>(
    'select count(*)::int as total from auth.users where aud = $1',
    [aud],
  );
  const { rows } = await db.query<{ id: string }>(
    'select id from auth.users where aud = $1 order by created_at desc, id desc limit $2 offset $3',
    [aud, limit, (pageNumber - 1) * limit],
  );
  const users: Record<string, unknown>[] = [];
  for (const { id } of rows) {
    const user = await findUserById(db, id);
    if (user) users.push(await userJson(db, user));
  }
  const total = count[0].total;
  const lastPage = Math.ceil(total / limit);
  // `page` first: auth-js reads the digit right after the first `=` of each link.
  const link = (n: number) => `</admin/users?page=${n}&per_page=${limit}>`;
  const links = [
    ...(pageNumber < lastPage ? [`${link(pageNumber + 1)}; rel="next"`] : []),
    `${link(lastPage)}; rel="last"`,
  ];
  return new RawResponse(
    json(
      200,
      { users, aud },
      { 'x-total-count': String(total), link: links.join(', '), 'x-supabase-api-version': API_VERSION_2024 },
    ),
  );
}

/** Routes below /admin; the caller has already been checked for an admin role. */
export async function admin(
  env: AuthEnv,
  req: ApiRequest,
  body: Record<string, unknown>,
): Promise<RawResponse | Record<string, unknown> | AuthError> {
  const segments = req.path.split('/').filter(Boolean); // ['admin', 'users', id?]
  if (segments[1] !== 'users' || segments.length > 3) return notFound('not_found', 'Not Found');
  if (segments.length === 2) {
    if (req.method === 'GET') return listUsers(env, req);
    if (req.method === 'POST') return createUser(env, body);
    return new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
  }
  const id = segments[2];
  if (!isUuid(id)) return notFound('user_not_found', 'User not found');
  const user = await findUserById(env.ctx.adminPool, id);
  if (!user) return notFound('user_not_found', 'User not found');
  if (req.method === 'GET') return userJson(env.ctx.adminPool, user);
  if (req.method === 'PUT') return updateUserById(env, user, body);
  if (req.method === 'DELETE') return deleteUser(env, user, body);
  return new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
}
