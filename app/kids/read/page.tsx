import type { Metadata } from 'next';
import { KidCard } from '@/components/kids/kid-card';
import { KidHomeStatus } from '@/components/kids/kid-home-status';
import { LeaveKidMode } from '@/components/kids/leave-kid-mode';
import { StoryCard } from '@/components/stories/story-card';
import { ButtonLink } from '@/components/ui/button';
import { avatarEmoji } from '@/lib/family/avatars';
import { hasParentPin } from '@/lib/family/queries';
import { getLatestMoreTimeRequest, getMyReadingDay } from '@/lib/kids/queries';
import { requireChild } from '@/lib/kids/require-child';
import { getUnfinishedStories } from '@/lib/stories/continue-reading-query';
import { getIllustrationUrls } from '@/lib/stories/illustration-urls-query';
import { searchLibrary } from '@/lib/stories/library-search-query';
import { getThemes } from '@/lib/stories/themes-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Read' };

/**
 * The kid home: today's reading status and time left, then stories — the ones the child left unfinished
 * (continue where they left off) and a few more for them, with the whole library a tap away. What is
 * offered is the database's answer (RLS: their band, and nothing while they may not read).
 */
export default async function KidReadPage() {
  const child = await requireChild();
  const supabase = await createClient();
  const day = await getMyReadingDay(supabase);
  if (!day) {
    return (
      <KidCard>
        <p role="status" className="text-2xl">
          A grown-up needs to finish setting up your account.
        </p>
      </KidCard>
    );
  }
  const [request, needsPin, unfinished, themes] = await Promise.all([
    getLatestMoreTimeRequest(supabase, { childId: child.id, date: day.local_date }),
    hasParentPin(supabase),
    getUnfinishedStories(supabase, { readerId: child.id }),
    getThemes(supabase),
  ]);
  const started = new Set(unfinished.map((u) => u.story.id));
  const picks = (await searchLibrary(supabase, { limit: 6 }, themes)).filter((s) => !started.has(s.id)).slice(0, 3);
  const covers = await getIllustrationUrls(supabase, {
    paths: [...unfinished.map((u) => u.story.cover_path), ...picks.map((s) => s.cover_path)],
  });
  const cover = (path: string | null) => (path ? (covers[path] ?? null) : null);
  const next = unfinished[0]?.story ?? picks[0];
  const grid = 'grid gap-4 text-left sm:grid-cols-2';

  return (
    <KidCard wide>
      <h1 className="text-3xl font-black sm:text-4xl">
        <span aria-hidden="true">{avatarEmoji(child.profile.avatar_url)} </span>Hi, {child.profile.display_name}!
      </h1>
      <KidHomeStatus
        start={{
          childId: child.id,
          initialDay: day,
          initialRequest: request ? { status: request.status, minutes: request.minutes } : null,
        }}
      />
      {next ? (
        <ButtonLink href={`/kids/stories/${next.id}`} variant="kid" className="w-full max-w-sm text-2xl">
          Start reading
        </ButtonLink>
      ) : null}
      {unfinished.length ? (
        <section aria-labelledby="continue-reading" className="space-y-3">
          <h2 id="continue-reading" className="text-2xl font-black">
            Continue where you left off
          </h2>
          <ul className={grid} data-testid="continue-reading">
            {unfinished.map(({ story, page }) => (
              <StoryCard
                kid
                key={story.id}
                story={story}
                href={`/kids/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
                action={<span className="text-lg text-kid-ink-muted">Page {page}</span>}
              />
            ))}
          </ul>
        </section>
      ) : null}
      {picks.length ? (
        <section aria-labelledby="stories-for-you" className="space-y-3">
          <h2 id="stories-for-you" className="text-2xl font-black">
            Stories for you
          </h2>
          <ul className={grid} data-testid="story-picks">
            {picks.map((story) => (
              <StoryCard
                kid
                key={story.id}
                story={story}
                href={`/kids/stories/${story.id}`}
                coverUrl={cover(story.cover_path)}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <ButtonLink href="/kids/library" variant="secondary" size="kid">
        All my stories
      </ButtonLink>
      <LeaveKidMode needsPin={Boolean(needsPin)} />
    </KidCard>
  );
}
