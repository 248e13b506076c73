import { isIP } from 'node:net';

// No 'server-only' marker: pure header parsing, unit-tested, used by server.ts (which has it).

/**
 * How many proxies in front of the app append the address they saw to X-Forwarded-For
 * (TRUSTED_PROXY_HOPS, default 1). Next itself fills the header with the socket's address when
 * nothing in front set it, which is the one hop of a server nobody proxies; Vercel sets it to the
 * client's address, also one hop. Behind a load balancer and nginx, say 2.
 */
export function trustedProxyHops(value = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === '') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 1) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number of at least 1, not "${value}".`);
  }
  return hops;
}

/**
 * The browser's address as far as the trusted hops vouch for it: the X-Forwarded-For entry `hops`
 * places from the right (entries further left were written by whoever sent the request). Null when
 * there is none or it is not an address, so the caller forwards nothing rather than a made-up key.
 */
export function forwardedClientAddress(headers: Pick<Headers, 'get'>, hops = trustedProxyHops()): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = entries[entries.length - hops];
  if (!address) return null;
  const unmapped = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return isIP(unmapped) ? unmapped : null;
}
