import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { Enums } from '@/lib/database.types';
import { AGE_BAND_LABELS } from '@/lib/family/options';
import { STORY_STATUS_LABELS, VISIBILITY_LABELS } from '@/lib/stories/options';

export type StoryCardData = {
  id: string;
  title: string;
  summary: string;
  age_band: Enums<'age_band'>;
  visibility: Enums<'story_visibility'>;
  status: Enums<'story_status'>;
  cover_path: string | null;
  themes: { slug: string; name: string } | null;
};

/** A story in a library: picture first, title, a line of summary, band and theme; the whole card is the link. */
export function StoryCard({
  story,
  href,
  coverUrl,
  kid = false,
  action,
  footer,
}: {
  story: StoryCardData;
  href: string;
  coverUrl: string | null;
  kid?: boolean;
  /** A control beside the link (the kid's favourite heart). */
  action?: ReactNode;
  /** Controls below the card's text (a library card's "Manage", "Restore" or "Remix"). */
  footer?: ReactNode;
}) {
  return (
    <li
      className={
        kid
          ? 'relative flex flex-col overflow-hidden rounded-kid bg-kid-surface shadow-sm'
          : 'relative flex flex-col overflow-hidden rounded-xl border border-line bg-surface shadow-xs'
      }
      data-testid="story-card"
    >
      <div className={kid ? 'aspect-[4/3] bg-kid-sky' : 'aspect-[16/9] bg-surface-muted'}>
        {coverUrl ? (
          // biome-ignore lint/performance/noImgElement: Storage URLs (signed, per reader) are not next/image sources.
          <img src={coverUrl} alt="" className="size-full object-cover" />
        ) : (
          <div className="flex size-full items-center justify-center text-4xl" aria-hidden="true">
            📖
          </div>
        )}
      </div>
      <div className={kid ? 'flex flex-1 flex-col gap-2 p-4' : 'flex flex-1 flex-col gap-1.5 p-3'}>
        <h3 className={kid ? 'font-kid text-xl font-black text-kid-ink' : 'text-sm font-semibold text-ink'}>
          {/* The stretched link makes the whole card a target without nesting the heart inside the link. */}
          <Link href={href} className="after:absolute after:inset-0 after:content-['']">
            {story.title}
          </Link>
        </h3>
        {story.summary ? (
          <p className={kid ? 'line-clamp-2 text-base text-kid-ink-muted' : 'line-clamp-2 text-sm text-ink-muted'}>
            {story.summary}
          </p>
        ) : null}
        <div className="mt-auto flex flex-wrap items-center gap-1.5 pt-1">
          <Badge tone="accent">{AGE_BAND_LABELS[story.age_band]}</Badge>
          {story.themes ? <Badge>{story.themes.name}</Badge> : null}
          {kid ? null : (
            <Badge tone={story.visibility === 'public' ? 'info' : 'neutral'}>
              {VISIBILITY_LABELS[story.visibility]}
            </Badge>
          )}
          {story.status !== 'ready' ? (
            <Badge tone={story.status === 'failed' ? 'danger' : 'warning'}>{STORY_STATUS_LABELS[story.status]}</Badge>
          ) : null}
          {action ? <span className="relative z-10 ml-auto">{action}</span> : null}
        </div>
      </div>
      {/* Above the stretched link, so its controls take their own clicks. */}
      {footer ? <div className="relative z-10 border-t border-line px-3 py-2">{footer}</div> : null}
    </li>
  );
}
