'use client';

import { ArrowRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { userMessage } from '@/lib/errors/user-message';
import { type AuditEntry, auditActor, describeAuditEntry } from '@/lib/family/audit-entry';
import { useFamilyActivity } from '@/lib/family/use-family-activity';
import { formatInFamilyZone } from '@/lib/format/family-time';

/** Who changed what, with old → new values, newest first; "Show older" pages back through everything. */
export function ActivityList({
  familyId,
  childId = null,
  firstPage,
  names,
  timeZone,
}: {
  familyId: string;
  childId?: string | null;
  firstPage: AuditEntry[];
  names: Record<string, string>;
  timeZone: string;
}) {
  const activity = useFamilyActivity(familyId, childId, firstPage);
  const nameMap = new Map(Object.entries(names));
  const entries = activity.data.pages.flat();
  if (!entries.length) return <p className="text-sm text-ink-subtle">No changes yet.</p>;
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-line text-sm" data-testid="activity">
        {entries.map((entry) => {
          const { subject, action, changes } = describeAuditEntry(entry, nameMap);
          return (
            <li key={entry.id} className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-2 first:pt-0">
              <div className="min-w-0">
                <p>
                  {childId ? null : <span className="font-medium">{subject} · </span>}
                  <span>{action}</span>
                </p>
                {changes.length ? (
                  <ul className="mt-0.5 text-ink-muted">
                    {changes.map((change) => (
                      <li key={change.label} className="flex flex-wrap items-center gap-1">
                        {change.label}: {change.from}
                        <ArrowRight aria-label="to" className="size-3.5" /> {change.to}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <p className="text-xs text-ink-subtle">
                {auditActor(entry, nameMap)} ·{' '}
                <time dateTime={entry.created_at}>{formatInFamilyZone(entry.created_at, timeZone)}</time>
              </p>
            </li>
          );
        })}
      </ol>
      {activity.error ? <FormAlert message={userMessage(activity.error as never)} /> : null}
      {activity.hasNextPage ? (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => activity.fetchNextPage()}
          disabled={activity.isFetchingNextPage}
        >
          {activity.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
        </Button>
      ) : (
        <p className="text-xs text-ink-subtle">That is everything.</p>
      )}
    </div>
  );
}
