import type { ApiRequest } from '../http';
import { type JwtClaims, verifyJwt } from '../jwt';
import { ERRORS } from './errors';

/** Roles the `authenticator` connection may switch to; anything else never reaches SQL. */
const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);

export interface Requester {
  role: string;
  claims: JwtClaims;
}

/** The service role, for work hosted Storage does as its superuser (signed URLs, public reads). */
export const SERVICE: Requester = { role: 'service_role', claims: { role: 'service_role' } };

/**
 * storage-api's jwt plugin: the bearer token must verify with the project secret; its `role` is the
 * database role every metadata query runs as. Failures are 400 `{statusCode: '403', error: 'Unauthorized'}`.
 */
export async function requester(req: ApiRequest): Promise<Requester> {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw ERRORS.accessDenied('Invalid JWT');
  const result = await verifyJwt(match[1]);
  if (!result.ok) {
    throw ERRORS.accessDenied(result.reason === 'expired' ? 'jwt expired' : 'invalid signature');
  }
  const role = typeof result.claims.role === 'string' ? result.claims.role : 'anon';
  if (!API_ROLES.has(role)) throw ERRORS.accessDenied(`role "${role}" is not allowed`);
  return { role, claims: result.claims };
}
