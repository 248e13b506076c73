// Use in Client Components (event handlers, effects, realtime hooks): the browser's Supabase client,
// which reads and refreshes the session cookies the server wrote. A singleton per browser tab.
import { createBrowserClient } from '@supabase/ssr';
import type { Database } from '@/lib/database.types';
import { sessionCookieOptions } from './cookie-options';
import { supabaseAnonKey, supabaseUrl } from './env';

export function createClient() {
  return createBrowserClient<Database>(supabaseUrl(), supabaseAnonKey(), { cookieOptions: sessionCookieOptions });
}
