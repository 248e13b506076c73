'use client';

import { readerStyles } from '@/components/stories/reader-styles';
import { StoryPageView } from '@/components/stories/story-page-view';
import type { LiveSession } from '@/lib/live/queries';
import { useLiveSegment } from '@/lib/live/use-live-segment';
import type { useVoting } from '@/lib/live/use-voting';
import { LiveVoting } from './live-voting';

/** The page everyone reads now, with its picture, and the vote on its choices. */
export function LiveStory({
  session,
  voting,
  canBreakTie,
  kid,
}: {
  session: LiveSession;
  voting: ReturnType<typeof useVoting>;
  canBreakTie: boolean;
  kid: boolean;
}) {
  const { segment, loading } = useLiveSegment(session.id, session.current_segment_id);
  const styles = readerStyles(kid);
  if (loading || !segment) return <p className={styles.small}>Opening the page…</p>;
  return (
    <div className={styles.frame}>
      <StoryPageView segment={segment} pictureUrl={segment.pictureUrl} pageNumber={segment.depth + 1} styles={styles} />
      {session.pending_choice_id ? (
        <p role="status" className={styles.note}>
          The next page is being written. Everyone moves on together as soon as it is ready.
        </p>
      ) : segment.is_ending ? (
        <p className={styles.note}>The end. Thanks for reading together!</p>
      ) : (
        <LiveVoting
          segment={segment}
          round={voting.round}
          offsetMs={voting.offsetMs}
          vote={voting.vote}
          canBreakTie={canBreakTie}
          kid={kid}
        />
      )}
    </div>
  );
}
