'use client';

import Link from 'next/link';
import { decideRequestAction } from '@/app/parent/decide-request-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { decideRequestSchema, GRANT_CHOICES } from '@/lib/family/child.schema';
import { useInvalidateFamily } from '@/lib/family/use-invalidate-family';
import type { PendingRequest } from '@/lib/family/use-pending-requests';
import { useActionForm } from '@/lib/forms/use-action-form';

// The choice closest to what the child asked for, rounded up.
function preselected(asked: number | null): number {
  return GRANT_CHOICES.find((choice) => choice >= (asked ?? 0)) ?? GRANT_CHOICES.at(-1) ?? 15;
}

/** One open request: more time (how much to give, one radio group, one tab stop) or a spend of credits. */
export function RequestAnswer({ request, childName }: { request: PendingRequest; childName: string }) {
  const { form, pending, error } = useActionForm(decideRequestSchema, decideRequestAction, {
    onSuccess: useInvalidateFamily(),
  });
  if (request.kind === 'credit_spend') {
    return (
      <form {...form} className="space-y-2" aria-label={`Answer ${childName}'s request`}>
        <p className="text-sm">
          <strong>{childName}</strong> asks to spend {request.credits} credits, more than this month's allowance.
        </p>
        {request.message ? <p className="break-words text-sm text-ink-muted">“{request.message}”</p> : null}
        <input type="hidden" name="requestId" value={request.id} />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" name="decision" value="approve" size="sm" disabled={pending}>
            Approve
          </Button>
          <Button type="submit" name="decision" value="deny" size="sm" variant="quiet" disabled={pending}>
            Not this time
          </Button>
        </div>
        <FormAlert message={error} />
      </form>
    );
  }
  const asked = request.requested_minutes ?? request.minutes;
  return (
    <form {...form} className="space-y-2" aria-label={`Answer ${childName}'s request`}>
      <p className="text-sm">
        <strong>{childName}</strong> asks for {asked ? `${asked} more minutes` : 'more time'} today.
      </p>
      {request.stories ? (
        <p className="break-words text-sm text-ink-muted" data-testid="request-story">
          Reading “{request.stories.title}”{request.story_segments ? `, page ${request.story_segments.depth + 1}` : ''}.{' '}
          {request.story_id ? (
            <Link
              href={`/stories/${request.story_id}`}
              className="font-medium text-accent-strong underline underline-offset-2"
            >
              Open the story
            </Link>
          ) : null}
        </p>
      ) : null}
      {request.message ? <p className="break-words text-sm text-ink-muted">“{request.message}”</p> : null}
      <input type="hidden" name="requestId" value={request.id} />
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Minutes to give</legend>
          {GRANT_CHOICES.map((choice) => (
            <label
              key={choice}
              className="inline-flex min-h-8 cursor-pointer items-center rounded-md border border-line-strong px-2.5 text-sm has-checked:border-accent has-checked:bg-accent-soft has-checked:font-medium has-checked:text-accent-strong has-focus-visible:outline-2 has-focus-visible:outline-focus"
            >
              <input
                type="radio"
                name="minutes"
                value={choice}
                defaultChecked={choice === preselected(asked)}
                className="sr-only"
              />
              {choice} min
            </label>
          ))}
        </fieldset>
        <Button type="submit" name="decision" value="approve" size="sm" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="decision" value="deny" size="sm" variant="quiet" disabled={pending}>
          Not today
        </Button>
      </div>
      <FormAlert message={error} />
    </form>
  );
}
