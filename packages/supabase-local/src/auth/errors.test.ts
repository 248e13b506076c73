import { describe, expect, it } from 'vitest';
import { AuthError, errorResponse, oauthError, usesNewErrorFormat, weakPasswordError } from './errors';

const parse = (body: unknown) => JSON.parse(String(body));

describe('usesNewErrorFormat', () => {
  it('selects the 2024-01-01 format for that date and later, as GoTrue does', () => {
    expect(usesNewErrorFormat('2024-01-01')).toBe(true);
    expect(usesNewErrorFormat('2025-06-30')).toBe(true);
    expect(usesNewErrorFormat('2023-12-31')).toBe(false);
    expect(usesNewErrorFormat(undefined)).toBe(false);
    expect(usesNewErrorFormat('yesterday')).toBe(false);
  });
});

describe('errorResponse', () => {
  const error = new AuthError(400, 'invalid_credentials', 'Invalid login credentials');

  it('renders {code, message} with the version header for new clients', () => {
    const res = errorResponse({ headers: { 'x-supabase-api-version': '2024-01-01' } }, error);
    expect(res.status).toBe(400);
    expect(res.headers?.['x-supabase-api-version']).toBe('2024-01-01');
    expect(res.headers?.['x-sb-error-code']).toBe('invalid_credentials');
    expect(parse(res.body)).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('renders the legacy {code: status, error_code, msg} without the request header', () => {
    const res = errorResponse({ headers: {} }, error);
    expect(parse(res.body)).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  });

  it('keeps weak_password reasons in both formats', () => {
    const weak = weakPasswordError('Password should be at least 6 characters.', ['length']);
    expect(parse(errorResponse({ headers: { 'x-supabase-api-version': '2024-01-01' } }, weak).body)).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    });
    expect(parse(errorResponse({ headers: {} }, weak).body)).toMatchObject({
      code: 422,
      error_code: 'weak_password',
      weak_password: { reasons: ['length'] },
    });
  });

  it('renders OAuth errors as {error, error_description} whatever the version', () => {
    const res = errorResponse(
      { headers: { 'x-supabase-api-version': '2024-01-01' } },
      oauthError('invalid_request', 'refresh_token required'),
    );
    expect(parse(res.body)).toEqual({ error: 'invalid_request', error_description: 'refresh_token required' });
  });
});
