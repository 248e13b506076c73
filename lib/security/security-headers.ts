// The one place that says which security headers the app sends. proxy.ts sets the per-request CSP (its
// script nonce must be new for every response); next.config.ts sends the static ones on every route,
// static files included. Pure functions, so unit tests and the e2e test read the same values.

export interface CspOptions {
  nonce: string;
  /** The Supabase API the browser talks to (REST, Auth, Storage images, Realtime over WebSocket). */
  supabaseUrl: string;
  /** `next dev` needs eval for React's debugging helpers; production never does. */
  dev?: boolean;
  /** Served over https: let the browser upgrade stray http sub-resources. */
  https?: boolean;
}

/** A fresh, unguessable nonce (128 random bits, base64) for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The WebSocket origin Realtime uses for an http(s) Supabase URL. */
function realtimeOrigin(url: URL): string {
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

/**
 * Scripts only with this response's nonce ('strict-dynamic' lets them load Next's chunks); no plugins,
 * no <base> tricks, forms only to us, and no framing by anyone (the parent dashboard must not be
 * clickjacked by another same-site page).
 */
export function contentSecurityPolicy({ nonce, supabaseUrl, dev = false, https = false }: CspOptions): string {
  const supabase = new URL(supabaseUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React renders dynamic widths (progress bars) as style attributes; attributes cannot run script.
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' blob: data: ${supabase.origin}`,
    "font-src 'self'",
    `connect-src 'self' ${supabase.origin} ${realtimeOrigin(supabase)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers that do not change per request. X-Frame-Options backs up frame-ancestors for old browsers. */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
