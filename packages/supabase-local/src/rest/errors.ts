import type { ApiResponse } from '../http';
import type { PgError } from './pipeline';

/** PostgREST's error body (`Error.hs` toJsonPgrstError): always these four keys, null when absent. */
export interface RestErrorBody {
  code: string;
  message: string;
  details: string | null | unknown;
  hint: string | null;
}

/** A client error decided before or instead of running SQL. Thrown inside the REST code, caught in handler. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly body: RestErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function restError(
  status: number,
  code: string,
  message: string,
  details: unknown = null,
  hint: string | null = null,
): RestError {
  return new RestError(status, { code, message, details, hint });
}

/** PGRST100: the query string does not follow the grammar. */
export function parseError(message: string, details: string | null = null): RestError {
  return restError(400, 'PGRST100', message, details);
}

/** SQLSTATE → HTTP status, as `pgErrorStatus` in PostgREST's Error.hs. */
export function pgErrorStatus(code: string, message: string, isAnon: boolean): number {
  const c2 = code.slice(0, 2);
  if (code === '42501') return isAnon ? 401 : 403;
  if (code === '21000') return /requires a WHERE clause$/.test(message) ? 400 : 500;
  if (code === '22023') return /^role .* does not exist$/.test(message) ? 401 : 400;
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (code === '42883') return 404;
  if (code === '42P01') return 404;
  if (code === '42P17') return 500;
  if (code === '53400') return 500;
  if (code === '57P01') return 503;
  if (code === 'P0001') return 400;
  if (c2 === 'PT') {
    const status = Number(code.slice(2));
    return Number.isInteger(status) && status >= 100 && status < 600 ? status : 500;
  }
  if (c2 === '08' || c2 === '53') return 503;
  if (c2 === '0L' || c2 === '0P' || c2 === '28') return 403;
  if (['09', '25', '2D', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'P0', 'XX'].includes(c2))
    return 500;
  return 400;
}

const RAISE_MESSAGE_HINT =
  "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.";
const RAISE_DETAIL_HINT =
  "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.";

function jsonObject(text: string | undefined): Record<string, unknown> | null {
  try {
    const value = text === undefined ? undefined : JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const optionalText = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : undefined);

/**
 * `RAISE SQLSTATE 'PGRST' USING MESSAGE = '{"code","message","details"?,"hint"?}', DETAIL =
 * '{"status","headers","status_text"?}'`: the function chooses the whole response (a 429 with
 * Retry-After, say), as PostgREST's RaisePgrst.hs; anything unreadable is PGRST121, a 500.
 */
function raisedResponse(err: PgError): ApiResponse {
  const unreadable = (details: string, hint: string) =>
    errorResponse(500, {
      code: 'PGRST121',
      message: 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      details,
      hint,
    });
  const message = jsonObject(err.message);
  const details = optionalText(message?.details);
  const hint = optionalText(message?.hint);
  if (
    !message ||
    typeof message.code !== 'string' ||
    typeof message.message !== 'string' ||
    details === undefined ||
    hint === undefined
  ) {
    return unreadable(`Invalid JSON value for MESSAGE: '${err.message}'`, RAISE_MESSAGE_HINT);
  }
  if (err.detail === undefined || err.detail === null) {
    return unreadable('DETAIL is missing in the RAISE statement', RAISE_DETAIL_HINT);
  }
  const envelope = jsonObject(err.detail);
  const headers = envelope?.headers;
  const status = envelope?.status;
  const validHeaders =
    headers &&
    typeof headers === 'object' &&
    !Array.isArray(headers) &&
    Object.values(headers).every((v) => typeof v === 'string');
  if (!envelope || !Number.isInteger(status) || !validHeaders) {
    return unreadable(`Invalid JSON value for DETAIL: '${err.detail}'`, RAISE_DETAIL_HINT);
  }
  const lowered = Object.fromEntries(
    Object.entries(headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return errorResponse(status as number, { code: message.code, message: message.message, details, hint }, lowered);
}

export function pgErrorResponse(err: PgError, isAnon: boolean): ApiResponse {
  if (err.code === 'PGRST') return raisedResponse(err);
  const code = err.code ?? 'XX000';
  const status = pgErrorStatus(code, err.message, isAnon);
  return errorResponse(status, {
    code,
    message: err.message,
    details: err.detail ?? null,
    hint: err.hint ?? null,
  });
}

export function errorResponse(status: number, body: RestErrorBody, headers: Record<string, string> = {}): ApiResponse {
  const extra: Record<string, string> = { 'proxy-status': `PostgREST; error=${body.code}`, ...headers };
  if (status === 401 && !extra['www-authenticate']) extra['www-authenticate'] = 'Bearer';
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...extra },
    body: JSON.stringify(body),
  };
}
