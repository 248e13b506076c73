import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviewRequestForm } from '@/components/stories/review-request-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/require-user';
import { AGE_BAND_LABELS } from '@/lib/family/options';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { getModerationQueue, isModerator } from '@/lib/stories/moderation-query';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Moderation' };

// Requests come from families in any time zone; the queue shows times in UTC.
const QUEUE_TIME_ZONE = 'UTC';

/**
 * The moderation queue for public stories: each waiting request with the story to read (RLS lets a
 * moderator read it while it waits), approve or reject with a note. Moderators only: for anyone else
 * the page does not exist.
 */
export default async function ModerationPage() {
  await requireUser();
  const supabase = await createClient();
  if (!(await isModerator(supabase))) notFound();
  const queue = await getModerationQueue(supabase);

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Moderation</h1>
      <Card
        id="public-requests"
        title="Stories waiting for the public library"
        intro="Read each story before you answer: approved stories are read by every family's children."
      >
        {queue.length ? (
          <ul className="divide-y divide-line" data-testid="moderation-queue">
            {queue.map((item) => (
              <li key={item.id} className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="moderation-item">
                <div className="space-y-1">
                  <h3 className="font-semibold text-ink">{item.stories?.title ?? 'A story'}</h3>
                  {item.stories?.summary ? <p className="text-sm text-ink-muted">{item.stories.summary}</p> : null}
                  <div className="flex flex-wrap items-center gap-1.5 text-xs text-ink-muted">
                    {item.stories ? <Badge tone="accent">{AGE_BAND_LABELS[item.stories.age_band]}</Badge> : null}
                    {item.stories?.themes ? <Badge>{item.stories.themes.name}</Badge> : null}
                    <span>
                      {item.stories?.story_segments?.[0]?.count ?? 0} pages · asked{' '}
                      {formatInFamilyZone(item.created_at, QUEUE_TIME_ZONE)} UTC
                    </span>
                  </div>
                  <Link
                    href={`/stories/${item.story_id}`}
                    className="inline-block text-sm font-medium text-accent-strong underline underline-offset-2"
                  >
                    Read the story
                  </Link>
                </div>
                <ReviewRequestForm requestId={item.id} title={item.stories?.title ?? 'this story'} />
              </li>
            ))}
          </ul>
        ) : (
          <p role="status" className="text-sm text-ink-muted">
            Nothing is waiting. Well done.
          </p>
        )}
      </Card>
    </div>
  );
}
