import 'server-only';
// Use only from the root proxy.ts: refreshes the session cookies on every request, sends signed-out
// visitors of protected pages to /sign-in, and keeps a child's session on kid pages (kid mode). It
// decides nothing else; the pages and the database check again.
import { createServerClient } from '@supabase/ssr';
import { type NextRequest, NextResponse } from 'next/server';
import type { Database } from '@/lib/database.types';
import { isChildClaims, isKidPath, KID_HOME } from '@/lib/kids/kid-mode';
import { sessionCookieOptions, withSessionLifetime } from './cookie-options';
import { supabaseAnonKey, supabaseUrl } from './env';
import { serverRealtimeOptions } from './node-realtime';
import { requestAuthFetch } from './request-auth-fetch';

// Pages that need a session; signed-out visitors go to /sign-in?next=… and come back after signing in.
const PROTECTED_PREFIXES = ['/dashboard', '/parent', '/reset-password', '/live'];
const AUTH_PAGES = ['/sign-in', '/sign-up'];

function matches(pathname: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export async function updateSession(request: NextRequest) {
  let response = NextResponse.next({ request });
  // The refresh below is an Auth request made for this browser: it says whose address it is.
  const fetch = requestAuthFetch(request.headers);

  const supabase = createServerClient<Database>(supabaseUrl(), supabaseAnonKey(), {
    cookieOptions: sessionCookieOptions,
    realtime: serverRealtimeOptions(),
    global: fetch ? { fetch } : undefined,
    cookies: {
      getAll() {
        return request.cookies.getAll();
      },
      setAll(cookiesToSet, headers) {
        // Write refreshed tokens onto the request too, so Server Components rendering this same request
        // see the new session instead of refreshing (and rotating) the old refresh token a second time.
        for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
        response = NextResponse.next({ request });
        for (const { name, value, options } of cookiesToSet)
          response.cookies.set(name, value, withSessionLifetime(options));
        // Responses that set session cookies must never be cached by a CDN.
        for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
      },
    },
  });

  // Call getClaims() straight away, with no code in between: it is what refreshes an expiring session.
  const { data } = await supabase.auth.getClaims();
  const signedIn = Boolean(data?.claims);
  const { pathname, search } = request.nextUrl;

  // Kid mode: a child account (the signed app_metadata claim, which only the server sets) reaches kid
  // pages only; every grown-up route (/, /dashboard, /parent, /sign-in, …) sends it to the kid home.
  if (isChildClaims(data?.claims) && !isKidPath(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = KID_HOME;
    url.search = '';
    return redirectKeepingCookies(url, response);
  }

  if (!signedIn && matches(pathname, PROTECTED_PREFIXES)) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = '';
    url.searchParams.set('next', `${pathname}${search}`);
    return redirectKeepingCookies(url, response);
  }

  if (signedIn && matches(pathname, AUTH_PAGES)) {
    const url = request.nextUrl.clone();
    url.pathname = '/dashboard';
    url.search = '';
    return redirectKeepingCookies(url, response);
  }

  return response;
}

// A redirect is a new response: carry over any cookies the refresh wrote (or cleared), or the browser
// would keep a stale session and the next request would try a revoked refresh token.
function redirectKeepingCookies(url: URL, from: NextResponse) {
  const redirect = NextResponse.redirect(url);
  for (const cookie of from.cookies.getAll()) redirect.cookies.set(cookie);
  const cacheControl = from.headers.get('cache-control');
  if (cacheControl) redirect.headers.set('cache-control', cacheControl);
  return redirect;
}
