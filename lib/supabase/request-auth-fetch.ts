import 'server-only';
import { authForwardingFetch } from './auth-forwarding';
import { forwardedClientAddress } from './client-address';
import { supabaseUrl } from './env';
import { serverKeyForAuth } from './server-secrets';

/**
 * The fetch a cookie-bound client uses for one browser's request (server.ts for pages and actions,
 * proxy.ts for the session refresh on every request): its Auth calls carry the server key and the
 * browser's vouched address, so Auth's per-address limits count that browser, not this server.
 * Undefined without a server key (the platform's default fetch then).
 */
export function requestAuthFetch(requestHeaders: Pick<Headers, 'get'>): typeof fetch | undefined {
  const serverKey = serverKeyForAuth();
  if (!serverKey) return undefined;
  return authForwardingFetch({
    supabaseUrl: supabaseUrl(),
    serverKey,
    clientAddress: forwardedClientAddress(requestHeaders),
  });
}
