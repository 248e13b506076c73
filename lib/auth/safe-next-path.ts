// Where to go after signing in, from a `next` someone else may have written into the link. Parsed the
// way a browser parses a Location (WHATWG URL: tabs and newlines dropped, backslashes read as slashes,
// dot segments resolved) against a stand-in origin; only a path that stays on that origin is kept, and it
// is returned in its parsed form, so the redirect is exactly what was checked ("/\t/evil.example" parses
// to "//evil.example", another host, and is refused).
const ORIGIN = 'http://app.invalid';

export function safeNextPath(next: string | undefined | null, fallback = '/dashboard'): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/a/..//evil.example" resolves to the path "//evil.example", which a browser would read as a host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}
