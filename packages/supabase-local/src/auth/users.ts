import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Queryable } from './db';

/** GoTrue's single instance id (uuid.Nil); seeds use it too. */
export const NIL_INSTANCE = '00000000-0000-0000-0000-000000000000';
export const AUDIENCE = 'authenticated';
/** bcrypt cost: GoTrue uses bcrypt.DefaultCost (10). */
const BCRYPT_COST = 10;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
  confirmation_token: string | null;
  recovery_token: string | null;
  email_change_token_new: string | null;
  email_change_token_current: string | null;
  email_change_confirm_status: number | null;
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at, confirmation_sent_at,
  recovery_sent_at, email_change, email_change_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, phone, phone_confirmed_at, confirmed_at, banned_until, deleted_at, is_anonymous,
  confirmation_token, recovery_token, email_change_token_new, email_change_token_current, email_change_confirm_status`;

export async function findUserById(db: Queryable, id: string, forUpdate = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Like GoTrue's `FindUserByEmailAndAudience`: case-insensitive, non-SSO accounts only. */
export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
     where lower(email) = lower($1) and aud = $2 and is_sso_user = false
     order by created_at limit 1`,
    [email, AUDIENCE],
  );
  return rows[0] ?? null;
}

export function isBanned(user: UserRow, now = new Date()): boolean {
  return user.banned_until !== null && user.banned_until > now;
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

let dummyHash: Promise<string> | undefined;

/**
 * A wrong password for an account that has no usable hash (unknown e-mail, no password set, deleted),
 * taking as long as checking a real one: without it, "no such user" answers in a few milliseconds and
 * "wrong password" in a bcrypt's time, which tells anyone which addresses are registered.
 */
export async function rejectAfterHashing(password: string): Promise<false> {
  await bcrypt.compare(password, await warmDummyHash());
  return false;
}

/** Made once, at start, so the first unknown e-mail is not slower than the rest either. */
export function warmDummyHash(): Promise<string> {
  dummyHash ??= bcrypt.hash(randomUUID(), BCRYPT_COST);
  return dummyHash;
}

/** Accepts GoTrue's hashes and pgcrypto's `crypt(…, gen_salt('bf'))` ($2a$/$2b$/$2y$). */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[aby]\$\d\d\$/.test(hash)) return false;
  return bcrypt.compare(password, hash);
}

export function isBcryptHash(value: string): boolean {
  return /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/.test(value);
}

export interface NewUser {
  id?: string;
  email: string | null;
  phone?: string | null;
  encryptedPassword: string | null;
  role?: string;
  emailConfirmed: boolean;
  phoneConfirmed?: boolean;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  bannedUntil?: Date | null;
  isAnonymous?: boolean;
}

/** Inserts the user and its `email` identity, as GoTrue's signup and admin create do. */
export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  const id = user.id ?? randomUUID();
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, phone, encrypted_password, email_confirmed_at,
       phone_confirmed_at, raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at,
       confirmation_token, recovery_token, email_change_token_new, email_change, is_super_admin, is_anonymous)
     values ($1, $2, $3, $4, $5, $6, $7, case when $8 then now() end, case when $9 then now() end, $10, $11, $12,
       now(), now(), '', '', '', '', false, $13)
     returning ${USER_COLUMNS}`,
    [
      NIL_INSTANCE,
      id,
      AUDIENCE,
      user.role ?? AUDIENCE,
      user.email,
      user.phone ?? null,
      user.encryptedPassword,
      user.emailConfirmed,
      user.phoneConfirmed ?? false,
      JSON.stringify(user.appMetadata),
      JSON.stringify(user.userMetadata),
      user.bannedUntil ?? null,
      user.isAnonymous ?? false,
    ],
  );
  if (user.email) {
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1, $2, $3, 'email', now(), now())`,
      [
        id,
        id,
        JSON.stringify({
          sub: id,
          email: user.email,
          email_verified: user.emailConfirmed,
          phone_verified: false,
        }),
      ],
    );
  }
  return rows[0];
}

/** Merges metadata the way GoTrue's `UpdateUserMetaData`/`UpdateAppMetaData` do: null deletes a key. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  update: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface UserChanges {
  email?: string;
  phone?: string | null;
  encryptedPassword?: string | null;
  emailConfirmed?: boolean;
  phoneConfirmed?: boolean;
  role?: string;
  appMetadata?: Record<string, unknown>;
  userMetadata?: Record<string, unknown>;
  bannedUntil?: Date | null;
}

/** Applies the given changes (absent fields stay) and keeps the email identity in step. */
export async function updateUser(db: Queryable, id: string, changes: UserChanges): Promise<UserRow> {
  const sets: string[] = ['updated_at = now()'];
  const values: unknown[] = [id];
  const set = (column: string, value: unknown, cast = '') => {
    values.push(value);
    sets.push(`${column} = $${values.length}${cast}`);
  };
  if (changes.email !== undefined) set('email', changes.email);
  if (changes.phone !== undefined) set('phone', changes.phone);
  if (changes.encryptedPassword !== undefined) set('encrypted_password', changes.encryptedPassword);
  if (changes.role !== undefined) set('role', changes.role);
  if (changes.appMetadata !== undefined) set('raw_app_meta_data', JSON.stringify(changes.appMetadata), '::jsonb');
  if (changes.userMetadata !== undefined) set('raw_user_meta_data', JSON.stringify(changes.userMetadata), '::jsonb');
  if (changes.bannedUntil !== undefined) set('banned_until', changes.bannedUntil);
  if (changes.emailConfirmed !== undefined) {
    sets.push(
      changes.emailConfirmed ? 'email_confirmed_at = coalesce(email_confirmed_at, now())' : 'email_confirmed_at = null',
    );
  }
  if (changes.phoneConfirmed !== undefined) {
    sets.push(
      changes.phoneConfirmed ? 'phone_confirmed_at = coalesce(phone_confirmed_at, now())' : 'phone_confirmed_at = null',
    );
  }
  const { rows } = await db.query<UserRow>(
    `update auth.users set ${sets.join(', ')} where id = $1 returning ${USER_COLUMNS}`,
    values,
  );
  const user = rows[0];
  if (changes.email !== undefined || changes.emailConfirmed !== undefined) {
    await db.query(
      `update auth.identities
       set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean),
           updated_at = now()
       where user_id = $1 and provider = 'email'`,
      [id, user.email, user.email_confirmed_at !== null],
    );
  }
  return user;
}

/**
 * models.User.Confirm: the address is confirmed, its pending confirmation token and every other
 * one-time token of the user are gone, and user_metadata (and the e-mail identity) say so.
 */
export async function confirmUser(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `update auth.users set confirmation_token = '', email_confirmed_at = now(), updated_at = now(),
       raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb
     where id = $1`,
    [userId],
  );
  await db.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
}

/** models.User.UpdateAppMetaDataProviders: `providers` (and `provider`) from the user's identities. */
export async function refreshProviders(db: Queryable, userId: string): Promise<void> {
  const { rows } = await db.query<{ provider: string }>(
    `select provider from auth.identities where user_id = $1 group by provider order by min(created_at)`,
    [userId],
  );
  const providers = rows.map((row) => row.provider);
  const update: Record<string, unknown> = { providers };
  if (providers.length > 0) update.provider = providers[0];
  await db.query(
    `update auth.users set raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || $2::jsonb,
       updated_at = now() where id = $1`,
    [userId, JSON.stringify(update)],
  );
}

export async function recordSignIn(db: Queryable, userId: string): Promise<void> {
  await db.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [userId]);
  await db.query(
    `update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1 and provider = 'email'`,
    [userId],
  );
}

// GoTrue's audit log types per action (models/audit_log_entry.go).
const LOG_TYPES: Record<string, string> = {
  login: 'account',
  logout: 'account',
  invite_accepted: 'account',
  user_modified: 'user',
  user_updated_password: 'user',
  user_recovery_requested: 'user',
  user_confirmation_requested: 'user',
  user_repeated_signup: 'user',
  token_refreshed: 'token',
  token_revoked: 'token',
};

export async function writeAudit(
  db: Queryable,
  action: string,
  actor: Pick<UserRow, 'id' | 'email'>,
  ip: string,
  traits: Record<string, unknown> = {},
): Promise<void> {
  const payload = {
    actor_id: actor.id,
    actor_username: actor.email ?? '',
    actor_via_sso: false,
    action,
    log_type: LOG_TYPES[action] ?? 'team',
    ...(Object.keys(traits).length > 0 ? { traits } : {}),
  };
  await db.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
     values ($1, $2, $3, now(), $4)`,
    [NIL_INSTANCE, randomUUID(), JSON.stringify(payload), ip.slice(0, 64)],
  );
}

function time(value: Date | null): string | undefined {
  return value ? value.toISOString() : undefined;
}

/** The `user` JSON of GoTrue's `models.User` (omitempty fields only when set). */
export async function userJson(db: Queryable, user: UserRow): Promise<Record<string, unknown>> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = $1 order by created_at, id`,
    [user.id],
  );
  const identities = rows.map((identity) => ({
    identity_id: identity.id,
    id: identity.provider_id,
    user_id: identity.user_id,
    identity_data: identity.identity_data,
    provider: identity.provider,
    last_sign_in_at: time(identity.last_sign_in_at),
    created_at: time(identity.created_at),
    updated_at: time(identity.updated_at),
    email: identity.email ?? undefined,
  }));
  return {
    id: user.id,
    aud: user.aud ?? '',
    role: user.role ?? '',
    email: user.email ?? '',
    email_confirmed_at: time(user.email_confirmed_at),
    phone: user.phone ?? '',
    phone_confirmed_at: time(user.phone_confirmed_at),
    confirmation_sent_at: time(user.confirmation_sent_at),
    confirmed_at: time(user.confirmed_at),
    recovery_sent_at: time(user.recovery_sent_at),
    new_email: user.email_change || undefined,
    email_change_sent_at: time(user.email_change_sent_at),
    invited_at: time(user.invited_at),
    last_sign_in_at: time(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities,
    created_at: time(user.created_at),
    updated_at: time(user.updated_at),
    banned_until: time(user.banned_until),
    deleted_at: time(user.deleted_at),
    is_anonymous: user.is_anonymous,
  };
}
