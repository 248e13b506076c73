import type { Metadata } from 'next';
import { StoryActionButton } from '@/components/stories/story-action-button';
import { StoryCard } from '@/components/stories/story-card';
import { Card } from '@/components/ui/card';
import { getFamily } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { listFamilyShelf } from '@/lib/stories/family-shelf-query';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';
import { getThemes } from '@/lib/stories/themes-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Trash' };

/** The family's trash (parents only): stories moved there by anyone in the family, ready to come back. */
export default async function StoriesTrashPage() {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const [themes, family] = await Promise.all([getThemes(supabase), getFamily(supabase, { familyId })]);
  const trashed = await listFamilyShelf(supabase, { trash: true }, themes);
  const covers = await getIllustrationUrls(supabase, { paths: trashed.map((s) => s.cover_path) });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Trash</h1>
      <Card
        id="trash"
        title="Stories in the trash"
        intro="Stories moved to the trash are hidden from the children and the library. Restore one to bring it back as it was."
      >
        {trashed.length ? (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="trashed-stories">
            {trashed.map((story) => (
              <StoryCard
                key={story.id}
                story={story}
                href={`/stories/${story.id}`}
                coverUrl={story.cover_path ? (covers[story.cover_path] ?? null) : null}
                footer={
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="text-xs text-ink-muted">
                      Trashed {story.deleted_at ? formatInFamilyZone(story.deleted_at, family.time_zone) : ''}
                    </span>
                    <StoryActionButton kind="restore" storyId={story.id} title={story.title} />
                  </div>
                }
              />
            ))}
          </ul>
        ) : (
          <p role="status" className="text-sm text-ink-muted">
            The trash is empty.
          </p>
        )}
      </Card>
    </div>
  );
}
