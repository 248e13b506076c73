import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from './db';

/** auth.one_time_token_type, and the auth.users columns GoTrue keeps in step with each. */
export type TokenType =
  | 'confirmation_token'
  | 'recovery_token'
  | 'email_change_token_new'
  | 'email_change_token_current'
  | 'reauthentication_token';

/** crypto.GenerateOtp: `digits` uniformly random decimal digits, zero-padded. */
export function generateOtp(digits: number): string {
  return String(randomInt(10 ** digits)).padStart(digits, '0');
}

/** crypto.GenerateTokenHash: the hashed token of a mail link, sha224(address + otp) in hex. */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224')
    .update(emailOrPhone + otp)
    .digest('hex');
}

/** models.CreateOneTimeToken: one outstanding token per user and type. */
export async function storeOneTimeToken(
  db: Queryable,
  userId: string,
  type: TokenType,
  relatesTo: string,
  hash: string,
): Promise<void> {
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type]);
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1, $2, $3, $4, $5, now(), now())`,
    [randomUUID(), userId, type, hash, relatesTo.toLowerCase()],
  );
}

/** models.FindOneTimeToken: the user holding `hash` as one of `types`. */
export async function findTokenOwner(db: Queryable, hash: string, types: TokenType[]): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `select user_id from auth.one_time_tokens where token_hash = $1 and token_type = any($2::auth.one_time_token_type[])
     order by created_at desc limit 1`,
    [hash, types],
  );
  return rows[0]?.user_id ?? null;
}

export async function clearOneTimeToken(db: Queryable, userId: string, type: TokenType): Promise<void> {
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type]);
}

export async function clearAllOneTimeTokens(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from auth.one_time_tokens where user_id = $1', [userId]);
}
