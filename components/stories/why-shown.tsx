'use client';

import { useState } from 'react';
import { provenanceLines } from '@/lib/stories/provenance-summary';
import { useSegmentProvenance } from '@/lib/stories/use-segment-provenance';

/**
 * "Why was this shown?" under a page, for grown-ups: who wrote the page (provider and model), from what
 * (story idea or prompt and their versions), the hash of its inputs and the readability and safety
 * checks it passed — loaded when opened.
 */
export function WhyShown({ segmentId }: { segmentId: string }) {
  const [open, setOpen] = useState(false);
  const provenance = useSegmentProvenance(segmentId, open);
  return (
    <details
      className="rounded-lg border border-line bg-surface px-4 py-2 text-sm text-ink"
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="why-shown"
    >
      <summary className="cursor-pointer font-medium text-accent-strong">Why was this shown?</summary>
      {provenance.isPending && open ? <p className="py-2 text-ink-muted">Loading…</p> : null}
      {provenance.isError ? (
        <p role="alert" className="py-2 text-danger">
          We couldn't load where this page came from. Please try again.
        </p>
      ) : null}
      {provenance.data ? (
        <dl className="grid gap-x-4 gap-y-1 py-2 sm:grid-cols-[max-content_1fr]">
          {provenanceLines(provenance.data.provenance).map((line) => (
            <div key={line.label} className="contents">
              <dt className="font-medium text-ink-muted">{line.label}</dt>
              <dd className="break-all sm:break-words">{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </details>
  );
}
