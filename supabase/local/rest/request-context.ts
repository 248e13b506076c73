import type { IncomingHttpHeaders } from 'node:http';
import { type JwtClaims, verifyJwt } from '../jwt';
import { RestError, restError } from './errors';

// Per-request negotiation that does not need the database: JWT → role/claims, Accept/Prefer headers,
// and the Accept-Profile/Content-Profile schema choice.

export const ANON_ROLE = 'anon';

export interface Auth {
  role: string;
  claims: JwtClaims;
}

// Verifying HS256 is cheap but not free; tokens repeat across requests, so remember recent results.
const tokenCache = new Map<string, JwtClaims>();
const TOKEN_CACHE_MAX = 2000;

export async function authenticate(headers: IncomingHttpHeaders): Promise<Auth> {
  const header = headers.authorization;
  if (!header) return { role: ANON_ROLE, claims: { role: ANON_ROLE } };
  const m = /^bearer\s+(.*)$/i.exec(header.trim());
  if (!m) throw jwtError('PGRST301', 'Authorization header is not a Bearer token');
  const token = m[1].trim();
  const now = Math.floor(Date.now() / 1000);
  let claims = tokenCache.get(token);
  if (claims && typeof claims.exp === 'number' && claims.exp <= now) claims = undefined;
  if (!claims) {
    const parts = token.split('.').length;
    if (parts !== 3) throw jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`);
    const result = await verifyJwt(token);
    if (!result.ok) {
      if (result.reason === 'expired') throw jwtError('PGRST303', 'JWT expired');
      throw jwtError('PGRST301', 'JWT cryptographic operation failed');
    }
    claims = result.claims;
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    tokenCache.set(token, claims);
  }
  const role = typeof claims.role === 'string' && claims.role ? claims.role : ANON_ROLE;
  // PostgREST writes the effective role back into the claims it exposes to SQL.
  return { role, claims: { ...claims, role } };
}

function jwtError(code: string, message: string): RestError {
  const err = restError(401, code, message, null, null);
  const desc = message.replace(/"/g, "'");
  return new RestError(401, err.body, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${desc}"`,
  });
}

export type MediaType = 'json' | 'object' | 'csv';

export interface Negotiated {
  media: MediaType;
  stripNulls: boolean;
}

export function negotiateAccept(accept: string | undefined): Negotiated {
  if (!accept) return { media: 'json', stripNulls: false };
  for (const raw of accept.split(',')) {
    const [type, ...paramList] = raw
      .trim()
      .split(';')
      .map((s) => s.trim().toLowerCase());
    const stripNulls = paramList.includes('nulls=stripped');
    if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object')
      return { media: 'object', stripNulls };
    if (
      type === 'application/json' ||
      type === 'application/vnd.pgrst.array+json' ||
      type === '*/*' ||
      type === 'application/*'
    )
      return { media: 'json', stripNulls };
    if (type === 'text/csv') return { media: 'csv', stripNulls: false };
  }
  throw restError(406, 'PGRST107', `None of these media types are available: ${accept}`, null, null);
}

export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  handling?: 'strict' | 'lenient';
  maxAffected?: number;
  invalid: string[];
  applied: string[];
}

const PREF_VALUES: Record<string, string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  handling: ['strict', 'lenient'],
  tx: ['commit', 'rollback'],
};

/** `Prefer` arrives comma(+space) joined, possibly across several headers. */
export function parsePrefer(header: string | string[] | undefined): Preferences {
  const prefs: Preferences = { invalid: [], applied: [] };
  const all = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  for (const raw of all) {
    const item = raw.trim();
    if (!item) continue;
    const [k, v = ''] = item.split('=').map((s) => s.trim());
    if (k === 'max-affected' && /^\d+$/.test(v)) {
      prefs.maxAffected = Number(v);
      continue;
    }
    if (k === 'timezone') continue;
    if (!PREF_VALUES[k]?.includes(v)) {
      prefs.invalid.push(item);
      continue;
    }
    if (k === 'tx') continue; // db-tx-end is not *-allow-override on Supabase: ignored
    (prefs as unknown as Record<string, string>)[k] = v;
  }
  return prefs;
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
