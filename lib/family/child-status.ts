import type { Database } from '@/lib/database.types';
import { formatInFamilyZone } from '@/lib/format/family-time';

export type ChildOverview = Database['public']['Functions']['get_children_overview']['Returns'][number];
export type StatusTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** The one status a parent reads first for a child, most important first. */
export function childStatus(child: ChildOverview, timeZone: string): { label: string; tone: StatusTone } {
  if (child.deactivated) return { label: 'Deactivated', tone: 'neutral' };
  if (!child.consented) return { label: 'Waiting for your consent', tone: 'warning' };
  // The family's clock, not the server's: "locked until 19:40" must mean the parent's 19:40.
  if (child.locked_until) {
    return {
      label: `Sign-in locked until ${formatInFamilyZone(child.locked_until, timeZone, 'time')}`,
      tone: 'danger',
    };
  }
  if (child.paused) return { label: 'Paused', tone: 'neutral' };
  if (child.in_bedtime) return { label: 'Bedtime', tone: 'info' };
  if (child.minutes_used >= child.minutes_allowed) return { label: 'Daily time used up', tone: 'warning' };
  return { label: 'Can read', tone: 'success' };
}

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "12 of 30 minutes today" and how full the day is, for the progress bar. */
export function minutesToday(child: ChildOverview): { text: string; percent: number } {
  const percent = child.minutes_allowed
    ? Math.min(100, Math.round((child.minutes_used / child.minutes_allowed) * 100))
    : 100;
  return { text: `${child.minutes_used} of ${plural(child.minutes_allowed, 'minute', 'minutes')} today`, percent };
}
