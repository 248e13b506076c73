import { QueryClient } from '@tanstack/react-query';

// Retrying a request the server refused for lack of rights only repeats the refusal (and hides it
// from the user for several seconds).
function isUnauthorized(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { status, code } = error as { status?: unknown; code?: unknown };
  if (status === 401 || status === 403) return true;
  // PostgREST: JWT expired / invalid, and insufficient_privilege from RLS or grants.
  return code === 'PGRST301' || code === 'PGRST302' || code === '42501';
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Data shown right after a server render is fresh; don't refetch it the moment the page hydrates.
        staleTime: 60 * 1000,
        retry: (failureCount, error) => !isUnauthorized(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
