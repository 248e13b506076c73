import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '../config';
import {
  errorRedirect,
  globToRegExp,
  goEncodeValues,
  goQueryEscape,
  isRedirectUrlValid,
  sessionRedirect,
} from './redirect';

const config = (additionalRedirectUrls: string[]) =>
  ({ siteUrl: 'http://localhost:3000', additionalRedirectUrls }) as AuthConfig;

describe('isRedirectUrlValid (GoTrue utilities.IsRedirectURLValid)', () => {
  it("accepts the site's host and loopback IPs, refuses other hosts unless allow-listed", () => {
    const c = config([]);
    expect(isRedirectUrlValid(c, 'http://localhost:4000/anything')).toBe(true);
    expect(isRedirectUrlValid(c, 'http://127.0.0.1:9999/x')).toBe(true);
    expect(isRedirectUrlValid(c, 'http://[::1]:3000/x')).toBe(true);
    expect(isRedirectUrlValid(c, 'http://10.0.0.1/x')).toBe(false);
    expect(isRedirectUrlValid(c, 'https://evil.example.com/x')).toBe(false);
    expect(isRedirectUrlValid(c, 'http://2130706433/')).toBe(false);
    expect(isRedirectUrlValid(c, '')).toBe(false);
    expect(isRedirectUrlValid(c, '/relative')).toBe(false);
  });

  it('matches the allow list as globs with . and / as separators, ignoring the fragment', () => {
    const c = config(['https://*.example.com/**', 'myapp://callback', 'https://app.test/auth/*']);
    expect(isRedirectUrlValid(c, 'https://preview.example.com/a/b?c=d')).toBe(true);
    expect(isRedirectUrlValid(c, 'https://a.b.example.com/a')).toBe(false);
    expect(isRedirectUrlValid(c, 'myapp://callback#x')).toBe(true);
    expect(isRedirectUrlValid(c, 'https://app.test/auth/done')).toBe(true);
    expect(isRedirectUrlValid(c, 'https://app.test/auth/done/more')).toBe(false);
  });

  it('compiles classes and alternatives', () => {
    expect(globToRegExp('https://{a,b}.test/[0-9]x').test('https://b.test/7x')).toBe(true);
    expect(globToRegExp('https://[!a]?.test').test('https://ab.test')).toBe(false);
  });
});

describe('Go URL encoding', () => {
  it('escapes like url.QueryEscape and sorts like url.Values.Encode', () => {
    expect(goQueryEscape('a b/c~d*é')).toBe('a+b%2Fc~d%2A%C3%A9');
    expect(
      goEncodeValues([
        ['type', 'signup'],
        ['access_token', 'x.y'],
        ['sb', ''],
      ]),
    ).toBe('access_token=x.y&sb=&type=signup');
  });

  it('puts sessions and errors in the fragment as verify.go does', () => {
    const session = { access_token: 'a', token_type: 'bearer', expires_in: 3600, expires_at: 9, refresh_token: 'r' };
    expect(sessionRedirect('http://localhost:3000/cb', session, 'recovery')).toBe(
      'http://localhost:3000/cb#access_token=a&expires_at=9&expires_in=3600&refresh_token=r&sb=&token_type=bearer&type=recovery',
    );
    const error = { status: 403, code: 'otp_expired', message: 'Email link is invalid or has expired' };
    expect(errorRedirect('http://localhost:3000/cb?x=1#old', error, false)).toBe(
      'http://localhost:3000/cb?x=1#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=',
    );
    expect(errorRedirect('http://localhost:3000/cb?x=1', error, true)).toBe(
      'http://localhost:3000/cb?error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&x=1#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=',
    );
  });
});
