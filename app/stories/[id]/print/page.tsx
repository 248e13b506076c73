import type { Metadata } from 'next';
import { PrintButton } from '@/components/stories/print-button';
import { AGE_BAND_LABELS } from '@/lib/family/options';
import { requireParent } from '@/lib/family/require-parent';
import { gamebookPages } from '@/lib/stories/gamebook';
import { loadReader } from '@/lib/stories/load-reader';

export const metadata: Metadata = { title: 'Printable gamebook' };

/** The story as a gamebook on paper: numbered pages, each choice "turn to page N" (print stylesheet). */
export default async function PrintStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, parent] = await Promise.all([params, requireParent()]);
  const { data } = await loadReader({ storyId: id, readerId: parent.id, familyId: parent.familyId });
  const { story, pictures } = data;
  const pages = gamebookPages(story);
  return (
    <article className="mx-auto max-w-2xl space-y-8 text-ink" data-gamebook>
      <header className="space-y-2 border-b border-line pb-6 text-center">
        <h1 className="text-3xl font-bold">{story.title}</h1>
        {story.summary ? <p className="text-ink-muted">{story.summary}</p> : null}
        <p className="text-sm text-ink-muted">
          {AGE_BAND_LABELS[story.age_band]} · A story where you choose. Start on page 1.
        </p>
        <PrintButton />
      </header>
      <ol className="space-y-10">
        {pages.map((page) => (
          <li
            key={page.segment.id}
            id={`page-${page.number}`}
            className="gamebook-page space-y-3"
            data-testid="gamebook-page"
          >
            <h2 className="text-lg font-bold">Page {page.number}</h2>
            {page.segment.illustration_path && pictures[page.segment.illustration_path] ? (
              // biome-ignore lint/performance/noImgElement: Storage URLs (signed, per reader) are not next/image sources.
              <img
                src={pictures[page.segment.illustration_path]}
                alt={page.segment.scene || ''}
                className="mx-auto max-h-64 rounded-lg"
              />
            ) : null}
            {page.segment.text
              .split(/\n\s*\n|\n/)
              .filter((p) => p.trim())
              .map((paragraph, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one page never move.
                <p key={index} className="leading-relaxed">
                  {paragraph}
                </p>
              ))}
            {page.segment.is_ending ? (
              <p className="font-bold">The end.</p>
            ) : (
              <ul className="space-y-1">
                {page.choices.map((choice) => (
                  <li key={choice.label}>
                    {choice.label} —{' '}
                    {choice.turnTo ? (
                      <a href={`#page-${choice.turnTo}`}>turn to page {choice.turnTo}</a>
                    ) : (
                      <em>not written yet</em>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
