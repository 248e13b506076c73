import type { Metadata } from 'next';
import { ChildLiveUpdates } from '@/components/kids/child-live-updates';
import { StoryReader } from '@/components/stories/story-reader';
import { ButtonLink } from '@/components/ui/button';
import { getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { loadReader } from '@/lib/stories/load-reader';
import { readingBlockedText } from '@/lib/stories/reading-blocked';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Reading' };

/**
 * The kid reader: the same reading status as /kids/read (paused, bedtime, reading off, today's
 * minutes: the database's get_my_reading_day), its heartbeats while a story is open, and the page
 * re-rendered live when a grown-up changes something (ChildLiveUpdates).
 */
export default async function KidStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, child] = await Promise.all([params, requireChild()]);
  const day = await getMyReadingDay(await createClient());
  const blocked = readingBlockedText(day);
  if (blocked) {
    return (
      <div className="mx-auto max-w-xl space-y-6 rounded-kid bg-kid-canvas px-5 py-8 text-center font-kid">
        <p role="status" className="rounded-kid bg-kid-sun px-4 py-3 text-2xl text-kid-ink">
          {blocked}
        </p>
        <ButtonLink href="/kids/read" variant="kid">
          Back home
        </ButtonLink>
        <ChildLiveUpdates childId={child.id} />
      </div>
    );
  }
  const reader = await loadReader({ storyId: id, readerId: child.id, familyId: child.familyId });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <StoryReader
        kid
        key={id}
        storyId={id}
        initial={reader.data}
        savedPath={reader.savedPath}
        branchCredits={reader.branchCredits}
        canExplore={reader.canExplore}
      />
      <ButtonLink href="/kids/library" variant="secondary" size="kid">
        Back to my library
      </ButtonLink>
      <ChildLiveUpdates childId={child.id} />
    </div>
  );
}
