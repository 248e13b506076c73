import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Whom the gateway believes about the client's address. Anyone can send `X-Forwarded-For`, so it is
 * only read when the hop that passed it on is trusted: a peer whose address is in `addresses`
 * (IPs or CIDRs), or one of the `hops` nearest hops when the count of proxies in front is known.
 * The default trusts nobody: the client is the TCP peer, as for a stack nobody proxies.
 */
export interface TrustedProxies {
  addresses: string[];
  hops: number;
}

export const TRUST_NOBODY: TrustedProxies = Object.freeze({ addresses: [], hops: 0 }) as TrustedProxies;

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** Throws on an entry that is neither an address nor a CIDR, so a typo never silently trusts nobody. */
export function trustList(addresses: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of addresses) {
    const [address, prefix, extra] = entry.trim().split('/');
    const kind = isIP(address);
    const bits = prefix === undefined ? (kind === 6 ? 128 : 32) : Number(prefix);
    if (!kind || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (kind === 6 ? 128 : 32)) {
      throw new Error(`not an IP address or CIDR: "${entry}"`);
    }
    list.addSubnet(address, bits, kind === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function headerList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address: walking from the TCP peer leftwards through `X-Forwarded-For`, each entry is
 * believed only if the hop that reported it is trusted; the first address reported by an untrusted
 * hop (or the leftmost) is the client. A malformed entry stops the walk at the hop that sent it.
 * Without `X-Forwarded-For`, a trusted peer's `X-Real-IP` is believed.
 */
export function clientAddress(
  peer: string | undefined,
  headers: IncomingHttpHeaders,
  trust: TrustedProxies,
  list: BlockList = trustList(trust.addresses),
): string {
  const self = normalise(peer ?? 'unknown');
  const trusted = (address: string, depth: number) =>
    depth < trust.hops || (isIP(address) !== 0 && list.check(address, family(address)));
  const forwarded = headerList(headers['x-forwarded-for']).map(normalise);
  if (forwarded.length === 0) {
    const realIp = normalise(headerList(headers['x-real-ip'])[0] ?? '');
    return realIp && isIP(realIp) && trusted(self, 0) ? realIp : self;
  }
  const chain = [...forwarded, self];
  let i = chain.length - 1;
  for (let depth = 0; i > 0 && trusted(chain[i], depth); depth++) {
    if (!isIP(chain[i - 1])) break;
    i--;
  }
  return chain[i];
}
