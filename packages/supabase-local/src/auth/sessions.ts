import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Queryable } from './db';
import { type AuthError, badRequest, oauthError } from './errors';
import { type AmrEntry, insertRefreshToken, type RefreshTokenRow } from './tokens';
import { findUserById, isBanned, type UserRow, writeAudit } from './users';

export interface NewSession {
  sessionId: string;
  refreshToken: string;
  amr: AmrEntry[];
}

/** A sign-in: session row, its `amr` claim and the first refresh token of its family. */
export async function createSession(
  db: Queryable,
  userId: string,
  method: string,
  meta: { ip: string; userAgent?: string },
): Promise<NewSession> {
  const sessionId = randomUUID();
  const ip = /^[0-9a-f:.]+$/i.test(meta.ip) ? meta.ip : null;
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4::inet)`,
    [sessionId, userId, meta.userAgent ?? null, ip],
  );
  const { rows } = await db.query<{ created_at: Date }>(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, $3) returning created_at`,
    [sessionId, method, randomUUID()],
  );
  const token = await insertRefreshToken(db, userId, sessionId, null);
  return {
    sessionId,
    refreshToken: token.token,
    amr: [{ method, timestamp: Math.floor(rows[0].created_at.getTime() / 1000) }],
  };
}

export async function sessionAmr(db: Queryable, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await db.query<{ authentication_method: string; updated_at: Date }>(
    `select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return rows.map((row) => ({
    method: row.authentication_method,
    timestamp: Math.floor(row.updated_at.getTime() / 1000),
  }));
}

export async function sessionExists(db: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from auth.sessions where id = $1', [sessionId]);
  return (rowCount ?? 0) > 0;
}

export interface RefreshResult {
  user: UserRow;
  sessionId: string;
  refreshToken: string;
}

/**
 * GoTrue's refresh_token grant (`tokens/service.go` `RefreshTokenGrant`) for legacy tokens, inside
 * one transaction that locks the token row so concurrent refreshes serialise:
 * - an active token is revoked and swapped for a child;
 * - a revoked token that is the parent of the session's active token returns that active token (the
 *   client lost the response of its previous refresh);
 * - another revoked token is swapped again while it was revoked less than `reuseInterval` seconds
 *   ago (parallel SSR requests refreshing with the same cookie);
 * - beyond that the whole family is revoked and the session ended (`not_after`), so neither the
 *   stolen nor the legitimate copy can refresh again.
 * Returns the error to send; the transaction commits either way, keeping a family revocation.
 */
export async function refreshGrant(
  client: PoolClient,
  presented: string,
  reuseInterval: number,
  ip: string,
): Promise<RefreshResult | AuthError> {
  if (presented === '') return oauthError('invalid_request', 'refresh_token required');
  if (presented.length < 12) return badRequest('validation_failed', 'Refresh token is not valid');

  const { rows } = await client.query<RefreshTokenRow & { revoked_for: number }>(
    `select id, token, user_id, coalesce(revoked, false) as revoked, parent, session_id, updated_at,
       extract(epoch from (now() - updated_at))::float8 as revoked_for
     from auth.refresh_tokens where token = $1 for update`,
    [presented],
  );
  const token = rows[0];
  if (!token) return badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

  const user = await findUserById(client, token.user_id);
  if (!user || user.deleted_at) {
    return badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
  }
  if (isBanned(user)) return badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  if (!token.session_id) return badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');

  const sessions = await client.query<{ expired: boolean }>(
    `select (not_after is not null and not_after <= now()) as expired from auth.sessions where id = $1 for update`,
    [token.session_id],
  );
  if (sessions.rowCount === 0) {
    return badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
  }
  if (sessions.rows[0].expired) return badRequest('session_expired', 'Invalid Refresh Token: Session Expired');

  let issued: string | null = null;
  if (token.revoked) {
    const active = await client.query<{ token: string; parent: string | null }>(
      `select token, parent from auth.refresh_tokens
       where session_id = $1 and revoked = false order by id desc limit 1`,
      [token.session_id],
    );
    if (active.rows[0]?.parent === token.token) {
      issued = active.rows[0].token;
    } else if (token.revoked_for > reuseInterval) {
      await revokeFamily(client, token.session_id);
      await writeAudit(client, 'token_revoked', user, ip);
      return badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
  }

  if (issued === null) {
    if (!token.revoked) {
      // updated_at marks when it was revoked: the reuse window counts from here.
      await client.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [token.id]);
    }
    issued = (await insertRefreshToken(client, user.id, token.session_id, token.token)).token;
  }
  await client.query(
    `update auth.sessions set refreshed_at = timezone('utc', now()), updated_at = now() where id = $1`,
    [token.session_id],
  );
  await writeAudit(client, 'token_refreshed', user, ip);
  return { user, sessionId: token.session_id, refreshToken: issued };
}

async function revokeFamily(client: Queryable, sessionId: string): Promise<void> {
  await client.query(
    'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false',
    [sessionId],
  );
  await client.query('update auth.sessions set not_after = now(), updated_at = now() where id = $1', [sessionId]);
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Deletes sessions (their refresh tokens and amr claims cascade), as GoTrue's `/logout` does. */
export async function logout(db: Queryable, userId: string, sessionId: string | null, scope: LogoutScope) {
  if (scope === 'local' && sessionId) {
    await db.query('delete from auth.sessions where id = $1', [sessionId]);
  } else if (scope === 'others' && sessionId) {
    await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  } else if (scope === 'global') {
    await db.query('delete from auth.sessions where user_id = $1', [userId]);
  }
}
