import { errors, jwtVerify, SignJWT } from 'jose';
import { JWT_SECRET } from './keys';

const secretKey = new TextEncoder().encode(JWT_SECRET);

export type JwtClaims = Record<string, unknown> & {
  role?: string;
  sub?: string;
  exp?: number;
  iat?: number;
};

export type VerifyResult =
  | { ok: true; claims: JwtClaims }
  | { ok: false; reason: 'expired' | 'invalid'; message: string };

/** Verifies an HS256 token signed with the stack's JWT secret. */
export async function verifyJwt(token: string): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, secretKey, { algorithms: ['HS256'] });
    return { ok: true, claims: payload as JwtClaims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      return { ok: false, reason: 'expired', message: 'JWT expired' };
    }
    return { ok: false, reason: 'invalid', message: error instanceof Error ? error.message : 'invalid JWT' };
  }
}

/** Signs claims as-is (callers set exp/iat) with HS256 and `typ: JWT`, as GoTrue does. */
export async function signJwt(claims: JwtClaims): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey);
}

/**
 * An access token as Auth issues it for a password session of `userId` (the same claims), signed with
 * the stack's secret. Tests and benchmarks mint these for many real auth.users rows at once instead of
 * signing each in, which Auth's per-address limits would slow down.
 */
export function signAccessToken(
  userId: string,
  appMetadata: Record<string, unknown> = { provider: 'email', providers: ['email'] },
  expiresIn = 3600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({
    aud: 'authenticated',
    role: 'authenticated',
    sub: userId,
    iat: now,
    exp: now + expiresIn,
    app_metadata: appMetadata,
    user_metadata: {},
    aal: 'aal1',
    session_id: crypto.randomUUID(),
    is_anonymous: false,
  });
}
