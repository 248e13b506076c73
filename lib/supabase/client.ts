// Use in Client Components (event handlers, effects, realtime hooks): the browser's Supabase client,
// which reads and refreshes the session cookies the server wrote. A singleton per browser tab.
import { createBrowserClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import type { Database } from '@/lib/database.types';
import { sessionCookieOptions, withSessionLifetime } from './cookie-options';
import { supabaseAnonKey, supabaseUrl } from './env';

export function createClient() {
  return createBrowserClient<Database>(supabaseUrl(), supabaseAnonKey(), {
    cookieOptions: sessionCookieOptions,
    // Same document.cookie access the default uses, but with our cookie lifetime (see withSessionLifetime).
    cookies: {
      getAll() {
        return parseCookieHeader(document.cookie).map(({ name, value }) => ({ name, value: value ?? '' }));
      },
      setAll(cookiesToSet) {
        for (const { name, value, options } of cookiesToSet) {
          // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser we support; @supabase/ssr's own default writes document.cookie too.
          document.cookie = serializeCookieHeader(name, value, withSessionLifetime(options));
        }
      },
    },
  });
}
