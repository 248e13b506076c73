import type { CookieOptions, CookieOptionsWithName } from '@supabase/ssr';

// The session cookie is rewritten on every token refresh (hourly while the user is active), so its
// lifetime works as an inactivity timeout. A week is plenty for a family app; @supabase/ssr's default
// of 400 days keeps a forgotten browser signed in far longer than any session needs.
const SESSION_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

export const sessionCookieOptions: CookieOptionsWithName = {
  path: '/',
  sameSite: 'lax',
  // Browsers treat http://localhost and 127.0.0.1 as secure contexts, so local production builds still work.
  secure: process.env.NODE_ENV === 'production',
};

/**
 * @supabase/ssr 0.12.7 ignores cookieOptions.maxAge and always writes Max-Age=400 days, so every
 * setAll() caps it here. Deletions (maxAge 0) pass through untouched.
 */
export function withSessionLifetime(options: CookieOptions): CookieOptions {
  if (options.maxAge === undefined || options.maxAge <= 0) return options;
  return { ...options, maxAge: Math.min(options.maxAge, SESSION_COOKIE_MAX_AGE_SECONDS) };
}
