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

export function pgErrorResponse(err: PgError, isAnon: boolean): ApiResponse {
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
