// No 'server-only' marker: it is handed the key by server.ts (which has it) and unit-tested alone.

export interface AuthForwarding {
  /** NEXT_PUBLIC_SUPABASE_URL: only requests below its /auth/v1/ are touched. */
  supabaseUrl: string;
  /** The secret key (sb_secret_…), else the service_role key; never sent anywhere but Auth. */
  serverKey: string;
  /** The browser's address (forwardedClientAddress), or null to forward none. */
  clientAddress: string | null;
}

/**
 * A fetch for the cookie-bound clients that marks their Auth requests as the server's own: the apikey
 * becomes the server key and Sb-Forwarded-For names the browser. Auth then counts its per-address
 * limits (sign-ins, sign-ups, refreshes) against each browser instead of this server, so 30 failed
 * sign-ins from anyone no longer lock out every family; hosted honours the header only with a secret
 * key and "IP address forwarding" switched on. On the local stack the server key is also what lets
 * Auth accept a child's server-derived password. Authorization is left alone (the user's token or
 * the public key), so who the request acts as does not change; a request whose bearer is an opaque
 * public key is passed through untouched, because the gateway would swap that for the server's role.
 */
export function authForwardingFetch(options: AuthForwarding, base: typeof fetch = fetch): typeof fetch {
  const authPrefix = new URL('/auth/v1/', options.supabaseUrl).href;
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(authPrefix)) return base(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const authorization = headers.get('authorization') ?? '';
    if (!/^Bearer\s+\S/i.test(authorization) || /^Bearer\s+sb_/i.test(authorization)) return base(input, init);
    headers.set('apikey', options.serverKey);
    if (options.clientAddress) headers.set('sb-forwarded-for', options.clientAddress);
    else headers.delete('sb-forwarded-for');
    return base(input instanceof Request ? new Request(input, { headers }) : input, { ...init, headers });
  };
}
