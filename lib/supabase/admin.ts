import 'server-only';
// Use only for trusted server-side work that must bypass RLS (e.g. a parent creating a child's auth
// user). It carries the service-role key, so it must never reach a browser or act on user input unchecked.
import { createClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import { supabaseUrl } from './env';
import { serverRealtimeOptions } from './node-realtime';
import { supabaseServiceRoleKey } from './service-role-env';

export function createAdminClient() {
  return createClient<Database>(supabaseUrl(), supabaseServiceRoleKey(), {
    // No user session lives here: nothing to persist or refresh.
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: serverRealtimeOptions(),
  });
}
