import { randomInt } from 'node:crypto';
import { signJwt } from '../jwt';
import type { Queryable } from './db';
import type { UserRow } from './users';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessTokenInput {
  user: UserRow;
  sessionId: string;
  amr: AmrEntry[];
  issuer: string;
  expiresIn: number;
  /** Seconds since the epoch; injectable for tests. */
  now?: number;
}

/**
 * Claims in the order of GoTrue's `AccessTokenClaims`. `app_metadata` is the stored
 * raw_app_meta_data (provider/providers plus whatever an admin set), never anything a user wrote.
 */
export function accessTokenClaims(input: AccessTokenInput): Record<string, unknown> {
  const iat = input.now ?? Math.floor(Date.now() / 1000);
  return {
    iss: input.issuer,
    sub: input.user.id,
    aud: input.user.aud ?? 'authenticated',
    exp: iat + input.expiresIn,
    iat,
    email: input.user.email ?? '',
    phone: input.user.phone ?? '',
    app_metadata: input.user.raw_app_meta_data ?? {},
    user_metadata: input.user.raw_user_meta_data ?? {},
    role: input.user.role ?? '',
    aal: 'aal1',
    amr: input.amr,
    session_id: input.sessionId,
    is_anonymous: input.user.is_anonymous,
  };
}

export async function signAccessToken(input: AccessTokenInput): Promise<{ token: string; expiresAt: number }> {
  const claims = accessTokenClaims(input);
  return { token: await signJwt(claims), expiresAt: claims.exp as number };
}

const REFRESH_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const REFRESH_TOKEN_LENGTH = 12;

/** GoTrue's legacy refresh-token format: 12 random `[a-z0-9]` characters (unique index guards clashes). */
export function newRefreshToken(): string {
  let token = '';
  for (let i = 0; i < REFRESH_TOKEN_LENGTH; i++) token += REFRESH_ALPHABET[randomInt(REFRESH_ALPHABET.length)];
  return token;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  updated_at: Date;
}

export async function insertRefreshToken(
  db: Queryable,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<RefreshTokenRow> {
  const { rows } = await db.query<RefreshTokenRow>(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)
     returning id, token, user_id, revoked, parent, session_id, updated_at`,
    [newRefreshToken(), userId, parent, sessionId],
  );
  return rows[0];
}

export interface TokenResponseInput extends Omit<AccessTokenInput, 'now'> {
  refreshToken: string;
  userJson: Record<string, unknown>;
  weakPassword?: { message: string; reasons: string[] };
}

/** GoTrue's `AccessTokenResponse`. */
export async function tokenResponse(input: TokenResponseInput): Promise<Record<string, unknown>> {
  const { token, expiresAt } = await signAccessToken(input);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: input.expiresIn,
    expires_at: expiresAt,
    refresh_token: input.refreshToken,
    user: input.userJson,
    ...(input.weakPassword ? { weak_password: input.weakPassword } : {}),
  };
}
