import type { ApiRequest, ApiResponse } from '../http';

/** The only API version GoTrue knows besides the initial one; auth-js always sends it. */
export const API_VERSION_2024 = '2024-01-01';
const API_VERSION_2024_TIME = Date.parse('2024-01-01T00:00:00Z');

/**
 * A client error as GoTrue models it (`apierrors.HTTPError`, `OAuthError`, `WeakPasswordError`).
 * Handlers return these rather than throw, so a thrown exception always means a server bug (500).
 */
export class AuthError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    /** Extra top-level body fields (weak_password). */
    readonly extra: Record<string, unknown> = {},
    /** OAuth-style errors keep `{error, error_description}` whatever the API version. */
    readonly oauth = false,
    /** Response headers besides GoTrue's own (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {}
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const oauthError = (error: string, description: string) => new AuthError(400, error, description, {}, true);

export function weakPasswordError(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } });
}

/** Mirrors GoTrue's `DetermineClosestAPIVersion`: any valid date ≥ 2024-01-01 selects the new format. */
export function usesNewErrorFormat(headerValue: string | string[] | undefined): boolean {
  const value = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return false;
  const time = Date.parse(`${value.trim()}T00:00:00Z`);
  return Number.isFinite(time) && time >= API_VERSION_2024_TIME;
}

/**
 * Renders an error the way GoTrue's `HandleResponseError` does: `{code, message}` for API version
 * 2024-01-01, else the legacy `{code: <status>, error_code, msg}`; OAuth errors always as
 * `{error, error_description}`. auth-js only trusts `body.code` when the response carries the
 * version header, so we always send it (the gateway exposes it to browsers).
 */
export function errorResponse(req: Pick<ApiRequest, 'headers'>, error: AuthError): ApiResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'x-supabase-api-version': API_VERSION_2024,
    ...error.headers,
  };
  let body: Record<string, unknown>;
  if (error.oauth) {
    body = { error: error.code, error_description: error.message };
  } else {
    headers['x-sb-error-code'] = error.code;
    body = usesNewErrorFormat(req.headers['x-supabase-api-version'])
      ? { code: error.code, message: error.message, ...error.extra }
      : { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
  }
  return { status: error.status, headers, body: JSON.stringify(body) };
}

/** GoTrue's answer to an unexpected failure; auth-js treats 500 as retryable. */
export function unexpectedFailure(message = 'Unexpected failure, please check server logs for more information') {
  return new AuthError(500, 'unexpected_failure', message);
}
