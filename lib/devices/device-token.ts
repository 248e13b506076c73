import { createHmac, timingSafeEqual } from 'node:crypto';

// The family device cookie holds the database's random token (base64url, 43 characters) and an HMAC of
// it under a server secret: a cookie the server did not sign is turned away before any database call,
// and the database keeps only the token's hash. Pure functions (the secret is a parameter) so they can
// be tested; lib/devices/device-cookie.ts supplies the secret and the cookie.

const LABEL = 'tale-forge:family-device:v1:';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function signature(token: string, secret: string): string {
  return createHmac('sha256', secret).update(`${LABEL}${token}`).digest('base64url');
}

/** The cookie value for a device token. */
export function signDeviceToken(token: string, secret: string): string {
  if (!TOKEN.test(token)) throw new Error('not a device token');
  return `${token}.${signature(token, secret)}`;
}

/** The device token in a cookie value, or null when it is missing, malformed or not signed by us. */
export function readDeviceToken(value: string | null | undefined, secret: string): string | null {
  if (!value || value.length > 200) return null;
  const parts = value.split('.');
  if (parts.length !== 2) return null;
  const [token, given] = parts;
  if (!TOKEN.test(token)) return null;
  const expected = Buffer.from(signature(token, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? token : null;
}
