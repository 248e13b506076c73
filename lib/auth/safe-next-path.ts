// Only same-site paths: "//evil.example" or "/\evil.example" would make the redirect leave the app.
export function safeNextPath(next: string | undefined | null, fallback = '/dashboard'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
