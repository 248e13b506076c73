import { type AuthError, badRequest, weakPasswordError } from './errors';

// GoTrue's mail.go `emailPattern` (HTML5's definition of a valid e-mail address).
const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** bcrypt ignores everything past 72 bytes, so GoTrue refuses longer passwords. */
export const MAX_PASSWORD_BYTES = 72;

/** Returns the lower-cased address (GoTrue stores e-mails lower-cased) or the validation error. */
export function validateEmail(email: unknown): string | AuthError {
  if (typeof email !== 'string' || email.trim() === '') {
    return badRequest('validation_failed', 'An email address is required');
  }
  const trimmed = email.trim();
  if (trimmed.length > 255) return badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_PATTERN.test(trimmed)) {
    return badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return trimmed.toLowerCase();
}

/** GoTrue's `checkPasswordStrength` with the CLI defaults (length only, no required characters). */
export function checkPasswordStrength(password: string, minimumLength: number): AuthError | null {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  if ([...password].length < minimumLength) {
    return weakPasswordError(`Password should be at least ${minimumLength} characters.`, ['length']);
  }
  return null;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON object body; an empty body is `{}` (logout and DELETE send none or `{}`). */
export function parseJsonBody(body: Buffer): Record<string, unknown> | AuthError {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isPlainObject(parsed)) {
      return badRequest('bad_json', 'Could not parse request body as JSON: expected an object');
    }
    return parsed;
  } catch (error) {
    return badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
}

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a Go duration (`time.ParseDuration`: "24h", "1h30m", "1.5h", "876000h") into milliseconds,
 * which is what the admin API's `ban_duration` takes. Returns null when malformed.
 */
export function parseGoDuration(input: string): number | null {
  const text = input.trim();
  if (text === '0') return 0;
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!match) return null;
  let total = 0;
  for (const part of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * DURATION_UNITS_MS[part[2]];
  }
  return match[1] === '-' ? -total : total;
}
