import type { Metadata } from 'next';
import { LibrarySearchForm } from '@/components/stories/library-search-form';
import { StoryCard } from '@/components/stories/story-card';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireParent } from '@/lib/family/require-parent';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';
import { parseLibraryFilter } from '@/lib/stories/library-filter.schema';
import { searchLibrary } from '@/lib/stories/library-search-query';
import { getFamilyStories } from '@/lib/stories/queries';
import { getThemes } from '@/lib/stories/themes-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Stories' };

/** The grown-ups' library: the family's own stories, and a ranked search over everything they may read. */
export default async function StoriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ familyId }, params] = await Promise.all([requireParent(), searchParams]);
  const filter = parseLibraryFilter(params);
  const supabase = await createClient();
  const [family, themes] = await Promise.all([getFamilyStories(supabase, { familyId }), getThemes(supabase)]);
  const found = await searchLibrary(
    supabase,
    { query: filter.q, ageBand: filter.band, theme: filter.theme, length: filter.length, limit: 24 },
    themes,
  );
  const covers = await getIllustrationUrls(supabase, { paths: [...family, ...found].map((s) => s.cover_path) });
  const cover = (path: string | null) => (path ? (covers[path] ?? null) : null);
  const searching = Boolean(filter.q || filter.band || filter.theme || filter.length);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Stories</h1>
        <ButtonLink href="/stories/new">New story</ButtonLink>
      </header>

      <Card id="family-stories" title="Our family's stories" intro="Stories your family made, newest first.">
        {family.length ? (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="family-stories">
            {family.map((story) => (
              <StoryCard
                key={story.id}
                story={story}
                href={`/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
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
        intro="Your family's stories and the public library, best matches first."
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
