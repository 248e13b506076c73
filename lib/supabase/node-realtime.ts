import 'server-only';
import type { RealtimeClientOptions } from '@supabase/supabase-js';
import WebSocket from 'ws';

// supabase-js 2.119 builds its Realtime client eagerly and throws when the runtime has no WebSocket.
// Node 20 has none (browsers and Node 22+ do), so server-side clients hand it the `ws` package.
export function serverRealtimeOptions(): RealtimeClientOptions {
  if (typeof globalThis.WebSocket !== 'undefined') return {};
  return { transport: WebSocket as unknown as RealtimeClientOptions['transport'] };
}
