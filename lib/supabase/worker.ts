// Use only in the worker process (worker/): a service-role client for Storage, where the worker writes
// the pictures of stories. No 'server-only' marker: the worker is a plain Node process, not Next.
// Everything else the worker does goes straight to Postgres (graphile-worker's connection).
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

export interface WorkerStorageSettings {
  url: string;
  serviceRoleKey: string;
}

/**
 * SUPABASE_URL (else NEXT_PUBLIC_SUPABASE_URL) and SUPABASE_SERVICE_ROLE_KEY, or null when either is
 * missing: the worker then refuses jobs that store pictures (media_unavailable) instead of guessing.
 */
export function workerStorageSettings(
  env: Record<string, string | undefined> = process.env,
): WorkerStorageSettings | null {
  const url = env.SUPABASE_URL?.trim() || env.NEXT_PUBLIC_SUPABASE_URL?.trim();
  const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY?.trim();
  return url && serviceRoleKey ? { url, serviceRoleKey } : null;
}

export function createWorkerClient({ url, serviceRoleKey }: WorkerStorageSettings): SupabaseClient {
  return createClient(url, serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // supabase-js builds its Realtime client eagerly; Node 20 has no global WebSocket.
    realtime: typeof globalThis.WebSocket === 'undefined' ? { transport: WebSocket as never } : {},
  });
}
