import { randomInt } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { stackInfo } from '../helpers';

/**
 * Password sign-ins are rate limited per client address (config.toml `sign_in_sign_ups`, 30 per
 * 5 minutes). The gateway takes X-Forwarded-For as that address for loopback peers, so each auth
 * test file signs in from its own documentation-range address and never spends the 127.0.0.1
 * budget other test files share.
 */
const address = `203.0.113.${randomInt(1, 255)}`;

export function authClient(key: string = stackInfo().anonKey): SupabaseClient {
  return createClient(stackInfo().url, key, {
    realtime: { transport: ws as never },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { 'x-forwarded-for': address } },
  });
}
