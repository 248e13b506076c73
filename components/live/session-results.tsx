'use client';

import { useQuery } from '@tanstack/react-query';
import { liveKeys } from '@/lib/live/keys';
import { getSessionResults } from '@/lib/live/queries';
import { createClient } from '@/lib/supabase/client';

/** An ended session: what each vote chose, in order (its transcript is the chat beside it). */
export function SessionResults({ sessionId, kid }: { sessionId: string; kid: boolean }) {
  const results = useQuery({
    queryKey: liveKeys.results(sessionId),
    queryFn: () => getSessionResults(createClient(), { sessionId }),
  });
  return (
    <section
      aria-labelledby="results-heading"
      className="space-y-3 rounded-xl border border-line bg-surface p-4 sm:p-5"
    >
      <h2 id="results-heading" className={kid ? 'text-2xl font-bold' : 'text-lg font-semibold'}>
        This session has ended
      </h2>
      {results.data?.length ? (
        <ol className="list-decimal space-y-1 pl-6" aria-label="What the votes chose">
          {results.data.map((round) => {
            const total = Object.values((round.tally as Record<string, number> | null) ?? {}).reduce(
              (a, b) => a + b,
              0,
            );
            return (
              <li key={round.id}>
                {round.story_choices?.label ?? 'A choice'}{' '}
                <span className="text-ink-muted">
                  ({total} {total === 1 ? 'vote' : 'votes'} in all)
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-ink-muted">{results.isPending ? 'Loading the results…' : 'No votes were taken.'}</p>
      )}
    </section>
  );
}
