import type { Database } from '@/lib/database.types';
import { avatarEmoji } from './avatars';

export type ChildOverview = Database['public']['Functions']['get_children_overview']['Returns'][number];

const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });

function statusOf(child: ChildOverview): { label: string; tone: string } {
  if (!child.consented) return { label: 'Waiting for your consent', tone: 'bg-amber-100 text-amber-900' };
  if (child.locked_until) {
    return {
      label: `Sign-in locked until ${timeFormat.format(new Date(child.locked_until))}`,
      tone: 'bg-red-100 text-red-900',
    };
  }
  if (child.paused) return { label: 'Paused', tone: 'bg-stone-200 text-stone-800' };
  if (child.in_bedtime) return { label: 'Bedtime', tone: 'bg-indigo-100 text-indigo-900' };
  if (child.minutes_used >= child.minutes_allowed)
    return { label: 'Daily time used up', tone: 'bg-orange-100 text-orange-900' };
  return { label: 'Can read', tone: 'bg-emerald-100 text-emerald-900' };
}

export function ChildStatus({ child }: { child: ChildOverview }) {
  const status = statusOf(child);
  const percent = child.minutes_allowed
    ? Math.min(100, Math.round((child.minutes_used / child.minutes_allowed) * 100))
    : 100;
  return (
    <div className="flex flex-wrap items-center gap-4" data-testid={`child-status-${child.display_name}`}>
      <span className="text-3xl" aria-hidden="true">
        {avatarEmoji(child.avatar_url)}
      </span>
      <div className="min-w-40 flex-1">
        <div className="flex items-baseline gap-2">
          <span className="font-medium text-stone-900">{child.display_name}</span>
          <span className="text-xs text-stone-500">ages {child.age_band}</span>
        </div>
        <div className="mt-1 h-1.5 w-full rounded bg-stone-100" aria-hidden="true">
          <div className="h-1.5 rounded bg-brand-500" style={{ width: `${percent}%` }} />
        </div>
        <p className="mt-1 text-xs text-stone-600">
          {child.minutes_used} of {child.minutes_allowed} minutes today
          {child.pending_requests ? ` · ${child.pending_requests} open request` : ''}
        </p>
      </div>
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.tone}`}>{status.label}</span>
    </div>
  );
}
