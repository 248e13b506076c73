import type { Metadata } from 'next';
import Link from 'next/link';
import { StoryReader } from '@/components/stories/story-reader';
import { requireParent } from '@/lib/family/require-parent';
import { loadReader } from '@/lib/stories/load-reader';

export const metadata: Metadata = { title: 'Read a story' };

export default async function StoryPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, parent] = await Promise.all([params, requireParent()]);
  const reader = await loadReader({ storyId: id, readerId: parent.id, familyId: parent.familyId });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <StoryReader
        key={id}
        storyId={id}
        readerId={parent.id}
        initial={reader.data}
        savedPath={reader.savedPath}
        branchCredits={reader.branchCredits}
        canExplore={reader.canExplore}
        jobId={reader.jobId}
      />
      <Link
        href={`/stories/${id}/print`}
        className="inline-block text-sm font-medium text-accent-strong underline underline-offset-2"
      >
        Printable gamebook
      </Link>
    </div>
  );
}
