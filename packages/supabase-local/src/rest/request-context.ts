import type { IncomingHttpHeaders } from 'node:http';
import { type JwtClaims, verifyJwt } from '../jwt';
import { RestError, restError } from './errors';
import { Lru } from './lru';

// Per-request facts that do not need the database: JWT → role/claims and the
// Accept-Profile/Content-Profile schema choice (Accept and Prefer: media-type.ts, preferences.ts).

export const ANON_ROLE = 'anon';

export interface Auth {
  role: string;
  claims: JwtClaims;
  /** `claims` serialised for `request.jwt.claims`, computed once per token rather than per request. */
  claimsJson: string;
}

const ANON_AUTH: Auth = Object.freeze({
  role: ANON_ROLE,
  claims: Object.freeze({ role: ANON_ROLE }),
  claimsJson: JSON.stringify({ role: ANON_ROLE }),
});

// Clients send the same few tokens on every request, and verifying the HS256 signature (an async
// WebCrypto HMAC through jose) is the costliest step before the database. Safe to cache because
// the key is the full token string (header, payload and signature): a different or tampered token
// is a miss and gets verified. Entries are never served after their `exp` (the stale entry is
// dropped and the token re-verified, answering PGRST303 as before), and the LRU bound keeps memory
// flat however many distinct tokens arrive. Only successful verifications are cached. Entries are
// frozen because every request with that token shares them.
const tokenCache = new Lru<string, Auth>(2000);

export async function authenticate(headers: IncomingHttpHeaders): Promise<Auth> {
  const header = headers.authorization;
  if (!header) return ANON_AUTH;
  const m = /^bearer\s+(.*)$/i.exec(header.trim());
  if (!m) throw jwtError('PGRST301', 'Authorization header is not a Bearer token');
  const token = m[1].trim();
  const cached = tokenCache.get(token);
  if (cached) {
    const exp = cached.claims.exp;
    if (typeof exp !== 'number' || exp > Math.floor(Date.now() / 1000)) return cached;
    tokenCache.delete(token);
  }
  const parts = token.split('.').length;
  if (parts !== 3) throw jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`);
  const result = await verifyJwt(token);
  if (!result.ok) {
    if (result.reason === 'expired') throw jwtError('PGRST303', 'JWT expired');
    throw jwtError('PGRST301', 'JWT cryptographic operation failed');
  }
  const role = typeof result.claims.role === 'string' && result.claims.role ? result.claims.role : ANON_ROLE;
  // PostgREST writes the effective role back into the claims it exposes to SQL.
  const claims = Object.freeze({ ...result.claims, role });
  const auth: Auth = Object.freeze({ role, claims, claimsJson: JSON.stringify(claims) });
  tokenCache.set(token, auth);
  return auth;
}

function jwtError(code: string, message: string): RestError {
  const err = restError(401, code, message, null, null);
  const desc = message.replace(/"/g, "'");
  return new RestError(401, err.body, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${desc}"`,
  });
}

export function chooseSchema(headers: IncomingHttpHeaders, method: string, schemas: string[]): string {
  const name = method === 'GET' || method === 'HEAD' ? 'accept-profile' : 'content-profile';
  const requested = headers[name];
  if (requested === undefined || requested === '') return schemas[0];
  const schema = String(requested);
  if (!schemas.includes(schema)) {
    throw restError(
      406,
      'PGRST106',
      `Invalid schema: ${schema}`,
      null,
      `Only the following schemas are exposed: ${schemas.join(', ')}`,
    );
  }
  return schema;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
