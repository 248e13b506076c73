import type { Database } from '@/lib/database.types';
import { formatInFamilyZone } from '@/lib/format/family-time';
import { avatarEmoji } from './avatars';

export type ChildOverview = Database['public']['Functions']['get_children_overview']['Returns'][number];

function statusOf(child: ChildOverview, timeZone: string): { label: string; tone: string } {
  // The family's clock, not the server's: "locked until 19:40" must mean the parent's 19:40.
  if (!child.consented) return { label: 'Waiting for your consent', tone: 'bg-amber-100 text-amber-900' };
  if (child.locked_until) {
    return {
      label: `Sign-in locked until ${formatInFamilyZone(child.locked_until, timeZone, 'time')}`,
      tone: 'bg-red-100 text-red-900',
    };
  }
  if (child.paused) return { label: 'Paused', tone: 'bg-stone-200 text-ink' };
  if (child.in_bedtime) return { label: 'Bedtime', tone: 'bg-indigo-100 text-indigo-900' };
  if (child.minutes_used >= child.minutes_allowed)
    return { label: 'Daily time used up', tone: 'bg-orange-100 text-orange-900' };
  return { label: 'Can read', tone: 'bg-emerald-100 text-emerald-900' };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function ChildStatus({ child, timeZone }: { child: ChildOverview; timeZone: string }) {
  const status = statusOf(child, timeZone);
  const percent = child.minutes_allowed
    ? Math.min(100, Math.round((child.minutes_used / child.minutes_allowed) * 100))
    : 100;
  return (
    <div className="flex items-start gap-3 sm:gap-4" data-testid={`child-status-${child.display_name}`}>
      <span className="text-3xl leading-none" aria-hidden="true">
        {avatarEmoji(child.avatar_url)}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <p className="flex items-baseline gap-2">
            <span className="font-medium text-ink">{child.display_name}</span>
            <span className="text-xs text-ink-subtle">ages {child.age_band}</span>
          </p>
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.tone}`}>{status.label}</span>
        </div>
        <div className="mt-2 h-1.5 w-full rounded bg-surface-muted" aria-hidden="true">
          <div className="h-1.5 rounded bg-accent" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-1 text-xs text-ink-muted">
          {child.minutes_used} of {plural(child.minutes_allowed, 'minute', 'minutes')} today
          {child.pending_requests ? ` · ${plural(child.pending_requests, 'open request', 'open requests')}` : ''}
        </p>
      </div>
    </div>
  );
}
