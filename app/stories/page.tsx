import type { Metadata } from 'next';
import { LibrarySearchForm } from '@/components/stories/library-search-form';
import { RemixStoryButton } from '@/components/stories/remix-story-button';
import { StoryCard } from '@/components/stories/story-card';
import { StoryManagePanel } from '@/components/stories/story-manage-panel';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireParent } from '@/lib/family/require-parent';
import { getLatestPublicRequests, listFamilyShelf } from '@/lib/stories/family-shelf-query';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';
import { parseLibraryFilter } from '@/lib/stories/library-filter.schema';
import { searchLibrary } from '@/lib/stories/library-search-query';
import { LIBRARY_SORT_LABELS, shelfSort } from '@/lib/stories/library-sort';
import { isModerator } from '@/lib/stories/moderation-query';
import { getThemes } from '@/lib/stories/themes-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Stories' };

/**
 * The grown-ups' library: the family's own stories (each with its housekeeping: rename, who reads it,
 * the public library, trash), and a ranked search over everything they may read, where a public story
 * of another family or of Tale Forge can be remixed into the family.
 */
export default async function StoriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ familyId }, params] = await Promise.all([requireParent(), searchParams]);
  const filter = parseLibraryFilter(params);
  const supabase = await createClient();
  const themes = await getThemes(supabase);
  const sort = shelfSort(filter.sort);
  const [family, found, moderator] = await Promise.all([
    listFamilyShelf(supabase, { sort }, themes),
    searchLibrary(
      supabase,
      {
        query: filter.q,
        ageBand: filter.band,
        theme: filter.theme,
        length: filter.length,
        sort: filter.sort,
        limit: 24,
      },
      themes,
    ),
    isModerator(supabase),
  ]);
  const [covers, requests] = await Promise.all([
    getIllustrationUrls(supabase, { paths: [...family, ...found].map((s) => s.cover_path) }),
    getLatestPublicRequests(supabase, { storyIds: family.map((s) => s.id) }),
  ]);
  const cover = (path: string | null) => (path ? (covers[path] ?? null) : null);
  const searching = Boolean(filter.q || filter.band || filter.theme || filter.length);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Stories</h1>
        <div className="flex flex-wrap gap-2">
          {moderator ? (
            <ButtonLink href="/moderation" variant="secondary">
              Moderation queue
            </ButtonLink>
          ) : null}
          <ButtonLink href="/stories/new">New story</ButtonLink>
        </div>
      </header>

      <Card
        id="family-stories"
        title="Our family's stories"
        intro={`Stories your family made or remixed, ${LIBRARY_SORT_LABELS[sort].toLowerCase()} first.`}
      >
        {family.length ? (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="family-stories">
            {family.map((story) => (
              <StoryCard
                key={story.id}
                story={story}
                href={`/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
                footer={
                  story.status === 'generating' ? null : (
                    <StoryManagePanel story={story} request={requests.get(story.id) ?? null} />
                  )
                }
              />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-ink-muted">No stories yet. Make the first one with “New story”.</p>
        )}
      </Card>

      <Card
        id="library"
        title={searching ? 'Search results' : 'The library'}
        intro="Your family's stories and the public library. A public story can be remixed into your family for free."
      >
        <div className="space-y-4">
          <LibrarySearchForm action="/stories" filter={filter} themes={themes} />
          {found.length ? (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="library-results">
              {found.map((story) => (
                <StoryCard
                  key={story.id}
                  story={story}
                  href={`/stories/${story.id}`}
                  coverUrl={cover(story.cover_path)}
                  footer={
                    story.visibility === 'public' && story.family_id !== familyId ? (
                      <RemixStoryButton storyId={story.id} title={story.title} />
                    ) : null
                  }
                />
              ))}
            </ul>
          ) : (
            <p role="status" className="text-sm text-ink-muted">
              No stories match. Try fewer words or another filter.
            </p>
          )}
        </div>
      </Card>
    </div>
  );
}
