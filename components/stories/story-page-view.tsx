import type { ReaderSegment } from '@/lib/stories/story-reader-query';

type Styles = { page: string; text: string; picture: string; note: string };

/** One page of a story: its picture (an <img>, where an SVG's scripts never run) and its text as text. */
export function StoryPageView({
  segment,
  pictureUrl,
  pageNumber,
  styles,
}: {
  segment: Pick<ReaderSegment, 'id' | 'text' | 'scene' | 'place' | 'hidden_at'>;
  pictureUrl: string | null;
  pageNumber: number;
  styles: Styles;
}) {
  const paragraphs = segment.text.split(/\n\s*\n|\n/).filter((p) => p.trim());
  return (
    <article
      className={styles.page}
      aria-labelledby="story-page-heading"
      data-testid="story-page"
      data-segment={segment.id}
    >
      <h2 id="story-page-heading" className="sr-only">
        Page {pageNumber}
      </h2>
      {segment.hidden_at ? (
        <p className={styles.note} role="note">
          This page was reported. Children don't see it while it is checked and rewritten.
        </p>
      ) : null}
      {pictureUrl ? (
        // biome-ignore lint/performance/noImgElement: Storage URLs (signed, per reader) are not next/image sources.
        <img src={pictureUrl} alt={segment.scene || `A picture of ${segment.place}`} className={styles.picture} />
      ) : null}
      <div className={styles.text} data-testid="story-text">
        {paragraphs.map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one page never move.
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}
