import { type ApiKeyKind, isServerKey } from './api-keys';
import { type ApiResponse, json } from './http';

// Hosted Supabase's gateway (Kong's key-auth and ACL plugins, as in supabase/docker's kong.yml) in
// front of the APIs: what it refuses before any service sees the request.

/**
 * Routes Kong serves without key-auth: links opened from mails and OAuth redirects (a browser
 * following a link sends no apikey), the JWKS, and Storage, which checks its own tokens (public
 * objects need none). Kong matches route paths as prefixes.
 */
const KEYLESS_PREFIXES = [
  '/auth/v1/verify',
  '/auth/v1/callback',
  '/auth/v1/authorize',
  '/auth/v1/.well-known/jwks.json',
  '/storage/v1/',
];

export function needsApiKey(pathname: string): boolean {
  return !KEYLESS_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** key-auth's refusal of a request with neither an `apikey` header nor an `apikey` query parameter. */
export function missingApiKey(): ApiResponse {
  return json(401, {
    message: 'No API key found in request',
    hint: 'No `apikey` request header or url param was found.',
  });
}

/**
 * Since March 2026 hosted Supabase serves the REST root (the OpenAPI description of every exposed
 * table and function) only to the service_role and secret keys; the anon and publishable keys get
 * this 403 from the gateway, signed in or not. The rest of /rest/v1 is unchanged.
 */
export function schemaRootRefusal(pathname: string, kind: ApiKeyKind | null): ApiResponse | null {
  if (pathname !== '/rest/v1' && pathname !== '/rest/v1/') return null;
  if (isServerKey(kind)) return null;
  return json(403, {
    message: 'Access to schema is forbidden',
    hint: 'Accessing the schema via the Data API is only allowed using a secret API key.',
  });
}
