import type { IncomingHttpHeaders } from 'node:http';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys';

/**
 * Which of the project's keys a request presented as its `apikey`. Hosted Supabase's gateway knows
 * its keys as Kong consumers (anon: the anon JWT and the publishable key; service_role: the
 * service_role JWT and secret keys); anything else is `other` (a JWT signed by hand, a typo).
 */
export type ApiKeyKind = 'anon' | 'publishable' | 'service_role' | 'secret' | 'other';

/** Kong's key-auth reads the `apikey` header, else the `apikey` query parameter (key_in_query). */
export function presentedApiKey(headers: IncomingHttpHeaders, query: URLSearchParams): string | undefined {
  const header = Array.isArray(headers.apikey) ? headers.apikey[0] : headers.apikey;
  if (header) return header;
  return query.get('apikey') || undefined;
}

export function apiKeyKind(key: string): ApiKeyKind {
  if (key === ANON_KEY) return 'anon';
  if (key === PUBLISHABLE_KEY) return 'publishable';
  if (key === SERVICE_ROLE_KEY) return 'service_role';
  if (key === SECRET_KEY) return 'secret';
  return 'other';
}

/** The keys only a server holds (Kong's `admin` ACL group). */
export function isServerKey(kind: ApiKeyKind | null): boolean {
  return kind === 'service_role' || kind === 'secret';
}
