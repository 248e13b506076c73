import type { Metadata } from 'next';
import { KidHomeStatus } from '@/components/kids/kid-home-status';
import { KidStoryReader } from '@/components/stories/kid-story-reader';
import { ButtonLink } from '@/components/ui/button';
import { getLatestMoreTimeRequest, getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { loadReader } from '@/lib/stories/load-reader';
import { getReadingProgress } from '@/lib/stories/queries';
import { readingBlockedText } from '@/lib/stories/reading-blocked';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Reading' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kid reader: the same reading status as the kid home (paused, bedtime, reading off, today's
 * minutes: the database's get_my_reading_day), reading time counted while the story is open, and "to be
 * continued" when the child may not read on. Opened while reading is closed (RLS hides every story
 * then), it shows the status, and a "more time" request names this story when the child has a bookmark
 * in it; the page re-renders into the story once they may read.
 */
export default async function KidStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, child] = await Promise.all([params, requireChild()]);
  const supabase = await createClient();
  const day = await getMyReadingDay(supabase);
  const request = day ? await getLatestMoreTimeRequest(supabase, { childId: child.id, date: day.local_date }) : null;
  const start = day && {
    childId: child.id,
    initialDay: day,
    initialRequest: request ? { status: request.status, minutes: request.minutes } : null,
  };
  if (!start || readingBlockedText(day)) {
    const bookmark =
      start && UUID.test(id) ? await getReadingProgress(supabase, { storyId: id, readerId: child.id }) : null;
    return (
      <div className="mx-auto max-w-xl space-y-6 rounded-kid bg-kid-canvas px-5 py-8 text-center font-kid">
        {start ? (
          <KidHomeStatus start={start} storyId={bookmark ? id : undefined} />
        ) : (
          <p role="status" className="rounded-kid bg-kid-sun px-4 py-3 text-2xl text-kid-ink">
            {readingBlockedText(day)}
          </p>
        )}
        <ButtonLink href="/kids/read" variant="kid">
          Back home
        </ButtonLink>
      </div>
    );
  }
  const reader = await loadReader({ storyId: id, readerId: child.id, familyId: child.familyId });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <KidStoryReader
        key={id}
        start={start}
        storyId={id}
        readerId={child.id}
        initial={reader.data}
        savedPath={reader.savedPath}
        branchCredits={reader.branchCredits}
        canExplore={reader.canExplore}
        jobId={reader.jobId}
      />
      <ButtonLink href="/kids/library" variant="secondary" size="kid">
        Back to my library
      </ButtonLink>
    </div>
  );
}
