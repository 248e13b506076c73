import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refetchNow } from './refetch-now';

// A query whose fetches the test answers by hand, in any order, with an observer keeping it active.
function controlledQuery() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const answers: ((value: string) => void)[] = [];
  const queryKey = ['job', 'j1'];
  const observer = new QueryObserver<string>(queryClient, {
    queryKey,
    queryFn: ({ signal }) =>
      new Promise<string>((resolve, reject) => {
        answers.push(resolve);
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  });
  const unsubscribe = observer.subscribe(() => {});
  return { queryClient, queryKey, answers, data: () => queryClient.getQueryData<string>(queryKey), unsubscribe };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('refetchNow', () => {
  it('starts a new fetch while the first one is still in flight, so its late answer is not the last word', async () => {
    const q = controlledQuery();
    cleanup = q.unsubscribe;
    expect(q.answers).toHaveLength(1); // the first fetch, read before the channel joined
    const refetched = refetchNow(q.queryClient, q.queryKey);
    await vi.waitFor(() => expect(q.answers).toHaveLength(2));
    q.answers[0]('queued'); // cancelled: ignored
    q.answers[1]('completed');
    await refetched;
    expect(q.data()).toBe('completed');
  });

  it('is what invalidateQueries alone does not do (the case it exists for)', async () => {
    const q = controlledQuery();
    cleanup = q.unsubscribe;
    const invalidated = q.queryClient.invalidateQueries({ queryKey: q.queryKey });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(q.answers).toHaveLength(1); // deduplicated onto the stale fetch
    q.answers[0]('queued');
    await invalidated;
    expect(q.data()).toBe('queued');
  });

  it('refetches a query that has data, keeping the data until the new answer', async () => {
    const q = controlledQuery();
    cleanup = q.unsubscribe;
    q.answers[0]('running');
    await q.queryClient.getQueryCache().find({ queryKey: q.queryKey })?.promise;
    const refetched = refetchNow(q.queryClient, q.queryKey);
    await vi.waitFor(() => expect(q.answers).toHaveLength(2));
    expect(q.data()).toBe('running');
    q.answers[1]('completed');
    await refetched;
    expect(q.data()).toBe('completed');
  });

  it('touches only the queries under its key', async () => {
    const q = controlledQuery();
    cleanup = q.unsubscribe;
    q.answers[0]('running');
    await q.queryClient.getQueryCache().find({ queryKey: q.queryKey })?.promise;
    await refetchNow(q.queryClient, ['job', 'other']);
    expect(q.answers).toHaveLength(1);
    expect(q.data()).toBe('running');
  });
});
