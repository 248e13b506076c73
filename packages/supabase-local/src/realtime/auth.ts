import { type JwtClaims, verifyJwt } from '../jwt';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../keys';

export interface Identity {
  token: string;
  claims: JwtClaims;
  role: string;
  /** Seconds since the epoch when the token stops being valid. */
  exp: number;
}

export type TokenCheck =
  | { ok: true; identity: Identity }
  | { ok: false; code: 'InvalidJWTToken' | 'JwtSignatureError'; message: string };

/** Kong swaps the CLI's opaque keys for the legacy JWTs before Realtime sees them; so do we. */
export function swapOpaqueKey(key: string | null | undefined): string | null {
  if (!key) return null;
  if (key === PUBLISHABLE_KEY) return ANON_KEY;
  if (key === SECRET_KEY) return SERVICE_ROLE_KEY;
  return key;
}

function peekClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Realtime's confirm_token: shape, signature, `role` and `exp` present, not expired (messages as the server words them). */
export async function checkToken(token: string): Promise<TokenCheck> {
  const peeked = peekClaims(token);
  if (!peeked) return { ok: false, code: 'InvalidJWTToken', message: 'Token claims must be a map' };
  const verified = await verifyJwt(token);
  if (!verified.ok && verified.reason === 'invalid') {
    return { ok: false, code: 'JwtSignatureError', message: 'Failed to validate JWT signature' };
  }
  const { role, exp } = peeked;
  if (typeof role !== 'string' || typeof exp !== 'number') {
    return { ok: false, code: 'InvalidJWTToken', message: 'Fields `role` and `exp` are required in JWT' };
  }
  const now = Math.floor(Date.now() / 1000);
  if (!verified.ok || exp <= now) {
    return { ok: false, code: 'InvalidJWTToken', message: `Token has expired ${now - exp} seconds ago` };
  }
  return { ok: true, identity: { token, claims: verified.claims, role, exp } };
}
