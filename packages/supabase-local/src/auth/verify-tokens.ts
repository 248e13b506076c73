import type { AuthConfig } from '../config';
import type { Queryable } from './db';
import { type AuthError, badRequest, forbidden } from './errors';
import { findTokenOwner, type TokenType } from './one-time-tokens';
import { findUserByEmail, findUserById, isBanned, type UserRow } from './users';

/** What a verification names: the type (after `email` is resolved) and the hashed token. */
export interface VerifyTarget {
  type: string;
  tokenHash: string;
  /** The raw OTP of POST {email, token}; GoTrue compares it too when settling an e-mail change. */
  token: string;
}

const LINK_INVALID = 'Email link is invalid or has expired';
const OTP_INVALID = 'Token has expired or is invalid';

const TOKEN_TYPES: Record<string, TokenType[]> = {
  email: ['confirmation_token', 'recovery_token'],
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  recovery: ['recovery_token'],
  magiclink: ['recovery_token'],
  email_change: ['email_change_token_current', 'email_change_token_new'],
};

const expired = (sentAt: Date | null, otpExpiry: number) => !sentAt || Date.now() > sentAt.getTime() + otpExpiry * 1000;

function sentAtFor(user: UserRow, type: string): Date | null {
  if (type === 'signup' || type === 'invite') return user.confirmation_sent_at;
  if (type === 'recovery' || type === 'magiclink') return user.recovery_sent_at;
  return user.email_change_sent_at;
}

/**
 * verify.go verifyTokenHash (a link's `token_hash`): the one-time token names the user; it must not
 * be banned and the mail not older than `otp_expiry`. Type `email` becomes signup or magiclink
 * after whichever token matched.
 */
export async function userByTokenHash(
  db: Queryable,
  config: AuthConfig,
  target: VerifyTarget,
): Promise<UserRow | AuthError> {
  const types = Object.hasOwn(TOKEN_TYPES, target.type) ? TOKEN_TYPES[target.type] : undefined;
  if (!types) return badRequest('validation_failed', 'Invalid email verification type');
  const userId = await findTokenOwner(db, target.tokenHash, types);
  const user = userId ? await findUserById(db, userId, true) : null;
  if (!user) return forbidden('otp_expired', LINK_INVALID);
  if (isBanned(user)) return forbidden('user_banned', 'User is banned');
  if (target.type === 'email') target.type = user.recovery_token === target.tokenHash ? 'magiclink' : 'signup';
  if (expired(sentAtFor(user, target.type), config.email.otpExpiry)) return forbidden('otp_expired', LINK_INVALID);
  return user;
}

/** verify.go isOtpValid: unexpired, and the hash equal to the stored one (bare or PKCE-prefixed). */
function otpValid(hash: string, expected: string | null, sentAt: Date | null, otpExpiry: number): boolean {
  if (!expected || !sentAt || expired(sentAt, otpExpiry)) return false;
  return hash === expected || `pkce_${hash}` === expected;
}

/** FindUserForEmailChange: the OTP's hash as the current address's token (secure change), else the new one's. */
async function userForEmailChange(db: Queryable, config: AuthConfig, hash: string): Promise<UserRow | null> {
  const types: TokenType[] = config.email.doubleConfirmChanges
    ? ['email_change_token_current', 'email_change_token_new']
    : ['email_change_token_new'];
  for (const type of types) {
    const userId = (await findTokenOwner(db, hash, [type])) ?? (await findTokenOwner(db, `pkce_${hash}`, [type]));
    if (userId) return findUserById(db, userId, true);
  }
  return null;
}

/**
 * verify.go verifyUserAndToken (POST {email, token, type}): the address names the user, then the
 * OTP's hash must match that user's outstanding token of the type. Unknown addresses and wrong
 * codes get the same answer.
 */
export async function userByOtp(
  db: Queryable,
  config: AuthConfig,
  email: string,
  target: VerifyTarget,
): Promise<UserRow | AuthError> {
  const found =
    target.type === 'email_change'
      ? await userForEmailChange(db, config, target.tokenHash)
      : await findUserByEmail(db, email);
  const user = found && !found.deleted_at ? await findUserById(db, found.id, true) : null;
  if (!user) return forbidden('otp_expired', OTP_INVALID);
  if (isBanned(user)) return forbidden('user_banned', 'User is banned');
  const exp = config.email.otpExpiry;
  const hash = target.tokenHash;
  let valid = false;
  if (target.type === 'email') {
    if (otpValid(hash, user.confirmation_token, user.confirmation_sent_at, exp)) {
      valid = true;
      target.type = 'signup';
    } else if (otpValid(hash, user.recovery_token, user.recovery_sent_at, exp)) {
      valid = true;
      target.type = 'magiclink';
    }
  } else if (target.type === 'signup' || target.type === 'invite') {
    valid = otpValid(hash, user.confirmation_token, user.confirmation_sent_at, exp);
  } else if (target.type === 'recovery' || target.type === 'magiclink') {
    valid = otpValid(hash, user.recovery_token, user.recovery_sent_at, exp);
  } else if (target.type === 'email_change') {
    valid =
      otpValid(hash, user.email_change_token_current, user.email_change_sent_at, exp) ||
      otpValid(hash, user.email_change_token_new, user.email_change_sent_at, exp);
  }
  return valid ? user : forbidden('otp_expired', OTP_INVALID);
}
