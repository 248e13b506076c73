import type { ApiRequest } from '../http';
import { type JwtClaims, verifyJwt } from '../jwt';
import type { Queryable } from './db';
import { AuthError, forbidden } from './errors';
import { sessionExists } from './sessions';
import { findUserById, type UserRow } from './users';
import { isUuid } from './validate';

/** GoTrue's `GOTRUE_JWT_ADMIN_ROLES` as the CLI configures it, plus GoTrue's own default. */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

function bearer(req: ApiRequest): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

/** GoTrue's `requireAuthentication`: a bearer token that verifies with the stack's secret. */
export async function requireClaims(req: ApiRequest): Promise<JwtClaims | AuthError> {
  const token = bearer(req);
  if (!token) return new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  const result = await verifyJwt(token);
  if (!result.ok) {
    const reason = result.reason === 'expired' ? 'token has invalid claims: token is expired' : result.message;
    return forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
  }
  return result.claims;
}

export interface Requester {
  claims: JwtClaims;
  user: UserRow;
  /** Null only for tokens minted without a session (e.g. by hand). */
  sessionId: string | null;
}

/**
 * GoTrue's `maybeLoadUserOrSession`: the `sub` must be a live user and the `session_id`, when the
 * token has one, a live session; a logged-out token therefore fails with `session_not_found`.
 */
export async function requireUser(db: Queryable, req: ApiRequest): Promise<Requester | AuthError> {
  const claims = await requireClaims(req);
  if (claims instanceof AuthError) return claims;
  if (!claims.sub) return forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) return forbidden('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(db, claims.sub);
  if (!user || user.deleted_at) return forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' && claims.session_id !== '' ? claims.session_id : null;
  if (sessionId !== null && (!isUuid(sessionId) || !(await sessionExists(db, sessionId)))) {
    return forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { claims, user, sessionId };
}

/** GoTrue's `requireAdmin`: any verified token whose `role` is an admin role; no `sub` needed. */
export async function requireAdmin(req: ApiRequest): Promise<JwtClaims | AuthError> {
  const claims = await requireClaims(req);
  if (claims instanceof AuthError) return claims;
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) {
    return forbidden('not_admin', 'User not allowed');
  }
  return claims;
}
