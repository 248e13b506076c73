import { isIP } from 'node:net';
import type { AuthConfig } from '../config';
import type { ApiRequest } from '../http';

/** Go's url.QueryEscape: unreserved bytes stay, space becomes `+`, the rest `%XX` of its UTF-8. */
export function goQueryEscape(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's url.Values.Encode: keys sorted, each value escaped. */
export function goEncodeValues(values: Iterable<[string, string]>): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of values) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => (byKey.get(key) ?? []).map((value) => `${goQueryEscape(key)}=${goQueryEscape(value)}`))
    .join('&');
}

/** How Go's URL.String() writes a fragment it was given decoded (encodeFragment mode). */
function goEscapeFragment(fragment: string): string {
  let out = '';
  for (const byte of Buffer.from(fragment, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~$&+,/:;=?@!()*]/.test(c)) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

interface GoUrl {
  /** Everything before `?` (scheme, host, path). */
  base: string;
  query: string;
  fragment: string | null;
}

function splitUrl(url: string): GoUrl {
  const hash = url.indexOf('#');
  const beforeHash = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? null : url.slice(hash + 1);
  const question = beforeHash.indexOf('?');
  return question === -1
    ? { base: beforeHash, query: '', fragment }
    : { base: beforeHash.slice(0, question), query: beforeHash.slice(question + 1), fragment };
}

const joinUrl = (u: GoUrl) => `${u.base}${u.query ? `?${u.query}` : ''}${u.fragment !== null ? `#${u.fragment}` : ''}`;

/**
 * Hostname and scheme the way Go's url.Parse sees them: the raw authority, not a WHATWG-normalised
 * host (which would turn `2130706433` into `127.0.0.1`); null when Go would refuse to parse.
 */
function parseUrl(url: string): { scheme: string; hostname: string } | null {
  // Go's url.Parse refuses ASCII control characters.
  if ([...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (!scheme) return { scheme: '', hostname: '' };
  const rest = url.slice(scheme[0].length);
  if (!rest.startsWith('//')) return { scheme: scheme[1].toLowerCase(), hostname: '' };
  const authority = rest.slice(2).split(/[/?#]/, 1)[0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  let hostname: string;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end === -1) return null;
    hostname = host.slice(1, end);
  } else {
    const colon = host.lastIndexOf(':');
    hostname = colon === -1 ? host : host.slice(0, colon);
    if (colon !== -1 && !/^\d*$/.test(host.slice(colon + 1))) return null;
  }
  return { scheme: scheme[1].toLowerCase(), hostname };
}

const globCache = new Map<string, RegExp>();

/**
 * gobwas/glob compiled with `.` and `/` as separators, as GoTrue compiles GOTRUE_URI_ALLOW_LIST:
 * `*` spans no separator, `**` spans anything, `?` is one non-separator, `[…]`/`[!…]` classes and
 * `{a,b}` alternatives; the whole URL must match.
 */
export function globToRegExp(pattern: string): RegExp {
  const cached = globCache.get(pattern);
  if (cached) return cached;
  let source = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += `\\${pattern[++i]}`;
    else if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^./]*';
    else if (c === '?') source += '[^./]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        source += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      source += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (c === ',' && depth > 0) source += '|';
    else source += c.replace(/[.+^$()|\]\\/]/g, '\\$&');
  }
  let regex: RegExp;
  try {
    regex = new RegExp(`^${source}${')'.repeat(depth)}$`, 's');
  } catch {
    regex = /(?!)/;
  }
  globCache.set(pattern, regex);
  return regex;
}

function isLoopbackIp(hostname: string): boolean {
  const version = isIP(hostname);
  if (version === 4) return hostname.startsWith('127.');
  if (version !== 6) return false;
  // Normalised by the URL parser: ::1 in any spelling, or an IPv4-mapped 127.x address.
  const normal = new URL(`http://[${hostname}]`).hostname;
  return normal === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:/.test(normal);
}

/** GoTrue's utilities.IsRedirectURLValid. */
export function isRedirectUrlValid(config: AuthConfig, redirectUrl: string): boolean {
  if (redirectUrl === '') return false;
  const base = parseUrl(config.siteUrl);
  const target = parseUrl(redirectUrl);
  // As long as the referrer came from the site, GoTrue redirects back there.
  if (base && target && base.hostname === target.hostname) return true;
  if (!target) return false;
  const isHttp = target.scheme === 'http' || target.scheme === 'https';
  if (/^[0-9]+$/.test(target.hostname)) return false;
  if (isIP(target.hostname)) return isLoopbackIp(target.hostname);
  if (isHttp && !/^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/.test(target.hostname)) return false;
  const withoutFragment = redirectUrl.split('#')[0];
  return config.additionalRedirectUrls.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

function header(req: ApiRequest, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** GoTrue's utilities.GetReferrer: `redirect_to` (header, then query), then Referer, then site_url. */
export function referrer(config: AuthConfig, req: ApiRequest): string {
  const requested = header(req, 'redirect_to') || (new URLSearchParams(req.rawQuery).get('redirect_to') ?? '');
  if (isRedirectUrlValid(config, requested)) return requested;
  const referer = header(req, 'referer');
  if (isRedirectUrlValid(config, referer)) return referer;
  return config.siteUrl;
}

/** `#access_token=…&…&type=…` after a verified link (tokens.AccessTokenResponse.AsRedirectURL). */
export function sessionRedirect(url: string, session: Record<string, unknown>, type: string): string {
  return `${url}#${goEncodeValues([
    ['type', type],
    ['access_token', String(session.access_token)],
    ['token_type', String(session.token_type)],
    ['expires_in', String(session.expires_in)],
    ['expires_at', String(session.expires_at)],
    ['refresh_token', String(session.refresh_token)],
    ['sb', ''],
  ])}`;
}

// GoTrue's oauthErrorMap: the OAuth `error` that goes with a status.
const OAUTH_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
};

/** verify.go prepErrorRedirectURL: the error in the fragment, and for PKCE in the query too. */
export function errorRedirect(url: string, error: { status: number; code: string; message: string }, pkce: boolean) {
  const u = splitUrl(url);
  const query = [...new URLSearchParams(u.query)].filter(
    ([k]) => !['error', 'error_code', 'error_description'].includes(k),
  );
  const fields: [string, string][] = [];
  if (OAUTH_ERRORS[error.status]) fields.push(['error', OAUTH_ERRORS[error.status]]);
  fields.push(['error_code', error.code], ['error_description', error.message]);
  if (pkce) u.query = goEncodeValues([...query, ...fields]);
  u.fragment = goEscapeFragment(goEncodeValues([...fields, ['sb', '']]));
  return joinUrl(u);
}

/** verify.go prepRedirectURL: a message (the first of two e-mail change confirmations). */
export function messageRedirect(url: string, message: string, pkce: boolean): string {
  const u = splitUrl(url);
  const query = [...new URLSearchParams(u.query)].filter(([k]) => !pkce || k !== 'message');
  u.query = goEncodeValues(pkce ? [...query, ['message', message]] : query);
  u.fragment = goEscapeFragment(
    goEncodeValues([
      ['message', message],
      ['sb', ''],
    ]),
  );
  return joinUrl(u);
}

/** verify.go prepPKCERedirectURL: `?code=` for the client's exchangeCodeForSession. */
export function codeRedirect(url: string, code: string): string {
  const u = splitUrl(url);
  const query = [...new URLSearchParams(u.query)].filter(([k]) => k !== 'code');
  u.query = goEncodeValues([...query, ['code', code]]);
  return joinUrl(u);
}
