import type { CookieOptionsWithName } from '@supabase/ssr';

// The session cookie is rewritten on every token refresh (hourly while the user is active), so its
// lifetime is an inactivity timeout. A week is plenty for a family app; @supabase/ssr's default of
// 400 days would keep a forgotten browser signed in far longer than any session needs.
const SESSION_COOKIE_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

export const sessionCookieOptions: CookieOptionsWithName = {
  path: '/',
  sameSite: 'lax',
  // Browsers treat http://localhost and 127.0.0.1 as secure contexts, so local production builds still work.
  secure: process.env.NODE_ENV === 'production',
  maxAge: SESSION_COOKIE_MAX_AGE_SECONDS,
};
