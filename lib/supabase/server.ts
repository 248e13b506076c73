import 'server-only';
// Use in Server Components, Server Actions and Route Handlers: a client acting as the signed-in user,
// reading the session from this request's cookies. Create one per request; never keep it in a module
// variable (it would leak one user's session into another's request).
import { createServerClient } from '@supabase/ssr';
import { cookies, headers } from 'next/headers';
import type { Database } from '@/lib/database.types';
import { sessionCookieOptions, withSessionLifetime } from './cookie-options';
import { supabaseAnonKey, supabaseUrl } from './env';
import { serverRealtimeOptions } from './node-realtime';
import { requestAuthFetch } from './request-auth-fetch';

export async function createClient() {
  const cookieStore = await cookies();
  // Auth requests made for this browser say so (see authForwardingFetch): per-address limits then
  // count each browser, not this server, and Auth knows the request comes from the app's own code.
  const fetch = requestAuthFetch(await headers());

  return createServerClient<Database>(supabaseUrl(), supabaseAnonKey(), {
    cookieOptions: sessionCookieOptions,
    realtime: serverRealtimeOptions(),
    global: fetch ? { fetch } : undefined,
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        try {
          for (const { name, value, options } of cookiesToSet)
            cookieStore.set(name, value, withSessionLifetime(options));
        } catch {
          // Server Components cannot write cookies. That is fine: the proxy has already refreshed the
          // session for this request, and actions/route handlers (which can write) take the try path.
        }
      },
    },
  });
}
