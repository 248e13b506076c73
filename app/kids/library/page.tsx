import type { Metadata } from 'next';
import { ChildLiveUpdates } from '@/components/kids/child-live-updates';
import { FavouriteButton } from '@/components/stories/favourite-button';
import { LibrarySearchForm } from '@/components/stories/library-search-form';
import { StoryCard } from '@/components/stories/story-card';
import { ButtonLink } from '@/components/ui/button';
import { AGE_BANDS } from '@/lib/family/options';
import { getChildControls } from '@/lib/family/queries';
import { getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { getMyFavourites } from '@/lib/stories/favourites-query';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';
import { parseLibraryFilter } from '@/lib/stories/library-filter.schema';
import { searchLibrary } from '@/lib/stories/library-search-query';
import { readingBlockedText } from '@/lib/stories/reading-blocked';
import { getThemes } from '@/lib/stories/themes-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'My library' };

/**
 * A child's library, picture first: their favourites, then everything they may read. What is there is
 * the database's answer (RLS: their band and below, their family's and public stories, and nothing at
 * all while reading is switched off).
 */
export default async function KidLibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [child, params] = await Promise.all([requireChild(), searchParams]);
  const filter = parseLibraryFilter(params);
  const supabase = await createClient();
  const [day, controls, favourites, themes] = await Promise.all([
    getMyReadingDay(supabase),
    getChildControls(supabase, { childId: child.id }),
    getMyFavourites(supabase),
    getThemes(supabase),
  ]);
  const found = await searchLibrary(
    supabase,
    { query: filter.q, ageBand: filter.band, theme: filter.theme, length: filter.length, sort: filter.sort, limit: 30 },
    themes,
  );
  const band = controls?.age_band ?? '4-6';
  const bands = AGE_BANDS.filter((b) => AGE_BANDS.indexOf(b) <= AGE_BANDS.indexOf(band));
  const covers = await getIllustrationUrls(supabase, { paths: [...favourites, ...found].map((s) => s.cover_path) });
  const cover = (path: string | null) => (path ? (covers[path] ?? null) : null);
  const favouriteIds = new Set(favourites.map((s) => s.id));
  const blocked = readingBlockedText(day);
  const grid = 'grid gap-4 sm:grid-cols-2 lg:grid-cols-3';

  return (
    <div className="mx-auto max-w-5xl space-y-6 rounded-kid bg-kid-canvas px-4 py-6 font-kid sm:p-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-black text-kid-ink sm:text-4xl">My library</h1>
        {controls?.creating_allowed ? (
          <ButtonLink href="/kids/create" variant="kid">
            Make a story
          </ButtonLink>
        ) : null}
      </header>
      {blocked ? (
        <p role="status" className="rounded-kid bg-kid-sun px-4 py-3 text-xl text-kid-ink">
          {blocked}
        </p>
      ) : null}
      {favourites.length ? (
        <section aria-labelledby="favourites" className="space-y-3">
          <h2 id="favourites" className="text-2xl font-black text-kid-ink">
            My favourites
          </h2>
          <ul className={grid} data-testid="favourite-stories">
            {favourites.map((story) => (
              <StoryCard
                kid
                key={story.id}
                story={story}
                href={`/kids/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
                action={<FavouriteButton storyId={story.id} title={story.title} favourite />}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="all-stories" className="space-y-3">
        <h2 id="all-stories" className="text-2xl font-black text-kid-ink">
          Stories for me
        </h2>
        <LibrarySearchForm kid action="/kids/library" filter={filter} themes={themes} bands={bands} />
        {found.length ? (
          <ul className={grid} data-testid="library-results">
            {found.map((story) => (
              <StoryCard
                kid
                key={story.id}
                story={story}
                href={`/kids/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
                action={
                  <FavouriteButton storyId={story.id} title={story.title} favourite={favouriteIds.has(story.id)} />
                }
              />
            ))}
          </ul>
        ) : (
          <p role="status" className="text-xl text-kid-ink-muted">
            No stories here yet.
          </p>
        )}
      </section>
      <ChildLiveUpdates childId={child.id} />
    </div>
  );
}
