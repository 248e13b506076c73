import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { KidStatus } from '@/lib/kids/reading-status';

/**
 * What the kid reader shows instead of the choices while the child may not read on (the day's limit,
 * bedtime, a pause, waiting for a grown-up): the page they were on stays on screen above it, bookmarked
 * when they opened it, so the story waits right there. At the limit it offers to ask for more time
 * (from this story and page); once a grown-up gives some, "Read on".
 */
export function ToBeContinued({
  status,
  onAsk,
  asking,
  askError,
  onReadOn,
}: {
  status: KidStatus;
  onAsk: () => void;
  asking: boolean;
  askError: string | null;
  onReadOn: () => void;
}) {
  const readOn = status.kind === 'more_time' || status.kind === 'ready';
  return (
    <section
      aria-labelledby="to-be-continued"
      className="space-y-3 rounded-kid bg-kid-sun px-4 py-4 text-xl text-kid-ink"
      data-testid="to-be-continued"
    >
      <h2 id="to-be-continued" className="text-2xl font-black">
        {readOn ? 'Ready to read on?' : 'To be continued…'}
      </h2>
      {readOn ? null : <p>Your place is saved, so the story waits for you right here.</p>}
      {status.kind === 'used_up' ? (
        <Button variant="kid" onClick={onAsk} disabled={asking}>
          Ask for more time
        </Button>
      ) : null}
      {readOn ? (
        <Button variant="kid" onClick={onReadOn}>
          Read on
        </Button>
      ) : null}
      <FormAlert message={askError} size="kid" />
    </section>
  );
}
