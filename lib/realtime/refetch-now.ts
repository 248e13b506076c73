import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Fetches the queries under `queryKey` again, starting NOW: what a realtime event or a (re)join needs,
 * because the data must be read after the change it announces.
 *
 * invalidateQueries alone is not enough. While a query's first fetch is still in flight (no data yet),
 * TanStack Query hands the invalidation that same fetch instead of a new one (its cancelRefetch only
 * applies to a query that has data). That fetch may have been read before the join, so events sent
 * before the join are never seen: a job's progress bar stayed on a stale row. Cancelling first (the
 * query reverts to its state before that fetch) makes the invalidation start a new one.
 */
export async function refetchNow(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}
