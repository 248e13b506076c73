'use client';

import Link from 'next/link';
import type { ChildOverview } from '@/lib/family/child-status';
import { useChildrenOverview } from '@/lib/family/use-children-overview';
import { type PendingRequest, usePendingRequests } from '@/lib/family/use-pending-requests';
import { ChildSummaryCard } from './child-summary-card';

/** The parent home's cards, live: requests, minutes and pauses arrive without a reload. */
export function ChildrenSummary({
  familyId,
  timeZone,
  initialChildren,
  initialRequests,
}: {
  familyId: string;
  timeZone: string;
  initialChildren: ChildOverview[];
  initialRequests: PendingRequest[];
}) {
  const { data: children } = useChildrenOverview(familyId, initialChildren);
  const { data: requests } = usePendingRequests(familyId, initialRequests);
  if (!children.length) {
    return (
      <p className="rounded-xl border border-dashed border-line-strong p-6 text-center text-sm text-ink-muted">
        No children yet.{' '}
        <Link href="/parent/children/new" className="font-medium text-accent-strong underline underline-offset-2">
          Add your first child
        </Link>
      </p>
    );
  }
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      {children.map((child) => (
        <ChildSummaryCard
          key={child.child_id}
          child={child}
          timeZone={timeZone}
          requests={requests.filter((r) => r.child_id === child.child_id)}
        />
      ))}
    </div>
  );
}

/** A single child's card (their own page), following the same live queries. */
export function LiveChildCard({
  familyId,
  childId,
  timeZone,
  initialChildren,
  initialRequests,
}: {
  familyId: string;
  childId: string;
  timeZone: string;
  initialChildren: ChildOverview[];
  initialRequests: PendingRequest[];
}) {
  const { data: children } = useChildrenOverview(familyId, initialChildren);
  const { data: requests } = usePendingRequests(familyId, initialRequests);
  const child = children.find((c) => c.child_id === childId);
  if (!child) return null;
  return (
    <ChildSummaryCard
      child={child}
      timeZone={timeZone}
      linkToPage={false}
      requests={requests.filter((r) => r.child_id === childId)}
    />
  );
}
