'use client';

import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { avatarEmoji } from '@/lib/family/avatars';
import { type ChildOverview, childStatus, minutesToday } from '@/lib/family/child-status';
import { AGE_BAND_LABELS } from '@/lib/family/options';
import type { PendingRequest } from '@/lib/family/use-pending-requests';
import { PauseButton } from './pause-button';
import { RequestAnswer } from './request-answer';

/** One child at a glance: status, minutes against the limit, open requests, pause. */
export function ChildSummaryCard({
  child,
  requests,
  timeZone,
  linkToPage = true,
}: {
  child: ChildOverview;
  requests: PendingRequest[];
  timeZone: string;
  linkToPage?: boolean;
}) {
  const status = childStatus(child, timeZone);
  const today = minutesToday(child);
  const headingId = `child-${child.child_id}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`child-status-${child.display_name}`}
      className="rounded-xl border border-line bg-surface p-4 shadow-xs"
    >
      <div className="flex items-start gap-3">
        <span className="text-3xl leading-none" aria-hidden="true">
          {avatarEmoji(child.avatar_url)}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
            <h2 id={headingId} className="text-base font-semibold">
              {linkToPage ? (
                <Link
                  href={`/parent/children/${child.child_id}`}
                  className="inline-flex min-h-6 items-center gap-0.5 rounded-sm hover:text-accent-strong"
                >
                  {child.display_name}
                  <ChevronRight aria-hidden="true" className="size-4 text-ink-subtle" />
                  <span className="sr-only">: open settings and activity</span>
                </Link>
              ) : (
                child.display_name
              )}
            </h2>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          <p className="text-xs text-ink-subtle">{AGE_BAND_LABELS[child.age_band]}</p>
        </div>
      </div>
      {child.deactivated ? (
        <p className="mt-3 text-sm text-ink-muted">Deactivated: no sign-in. Their reading history is kept.</p>
      ) : (
        <>
          <div className="mt-3">
            <div
              className="h-2 w-full rounded-full bg-surface-muted"
              role="progressbar"
              aria-label={`${child.display_name}'s reading time today`}
              aria-valuemin={0}
              aria-valuemax={child.minutes_allowed}
              aria-valuenow={Math.min(child.minutes_used, child.minutes_allowed)}
              aria-valuetext={today.text}
            >
              <div className="h-2 rounded-full bg-accent" style={{ width: `${today.percent}%` }} />
            </div>
            <p className="mt-1 text-sm text-ink-muted">{today.text}</p>
          </div>
          {requests.length ? (
            <div
              className="mt-3 space-y-3 rounded-lg border border-accent/30 bg-accent-soft/50 p-3"
              data-testid="open-requests"
            >
              {requests.map((request) => (
                <RequestAnswer key={request.id} request={request} childName={child.display_name} />
              ))}
            </div>
          ) : null}
          {child.consented ? (
            <div className="mt-3">
              <PauseButton childId={child.child_id} childName={child.display_name} paused={child.paused} />
            </div>
          ) : linkToPage ? (
            <p className="mt-3 text-sm">
              <Link
                href={`/parent/children/${child.child_id}#consent`}
                className="font-medium text-accent-strong underline underline-offset-2"
              >
                Give consent to activate {child.display_name}'s account
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
