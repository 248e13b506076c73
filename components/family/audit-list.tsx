import type { Database } from '@/lib/database.types';
import { formatInFamilyZone } from '@/lib/format/family-time';

type Entry = Database['public']['Functions']['get_family_audit_log']['Returns'][number];
type Row = Record<string, unknown>;

const TABLE_LABELS: Record<string, string> = {
  'public.parental_controls': 'Controls',
  'public.parental_consents': 'Consent',
  'public.family_members': 'Member',
  'public.families': 'Family',
  'public.approval_requests': 'More-time request',
  'public.family_invites': 'Invite code',
  'private.child_logins': 'Child sign-in',
  'private.parent_pins': 'Parent PIN',
};

// Columns whose change says nothing to a parent on its own (bookkeeping, or the other half of a pair).
const HIDDEN_COLUMNS = new Set(['updated_at', 'updated_by', 'accepted_by', 'decided_by']);
const COLUMN_LABELS: Record<string, string> = {
  bedtime_start: 'bedtime',
  bedtime_end: 'bedtime',
  accepted_at: 'accepted',
  decided_at: 'answered',
};

/** What changed, without the raw rows: friendly names of the columns whose values differ. */
function change(entry: Entry): string {
  if (entry.operation === 'INSERT') return 'added';
  if (entry.operation === 'DELETE') return 'removed';
  const before = (entry.old_row ?? {}) as Row;
  const after = (entry.new_row ?? {}) as Row;
  const labels = Object.keys(after)
    .filter((key) => !HIDDEN_COLUMNS.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => COLUMN_LABELS[key] ?? key.replaceAll('_', ' '));
  const unique = [...new Set(labels)];
  return unique.length ? `changed: ${unique.join(', ')}` : 'saved, nothing changed';
}

/** "Controls for Mia": the child (or member) a row is about, when the row names one we know. */
function subject(entry: Entry, names: Map<string, string>): string {
  const label = TABLE_LABELS[entry.table_name] ?? entry.table_name;
  const row = (entry.new_row ?? entry.old_row ?? {}) as Row;
  const personId = row.child_id ?? (entry.table_name === 'public.family_members' ? row.user_id : undefined);
  const name = typeof personId === 'string' ? names.get(personId) : undefined;
  return name ? `${label} · ${name}` : label;
}

export function AuditList({
  entries,
  names,
  timeZone,
}: {
  entries: Entry[];
  names: Map<string, string>;
  timeZone: string;
}) {
  if (!entries.length) return <p className="text-sm text-ink-subtle">No changes yet.</p>;
  return (
    <ul className="divide-y divide-line text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-2 first:pt-0 last:pb-0">
          <span className="min-w-0">
            <span className="font-medium text-ink">{subject(entry, names)}</span>{' '}
            <span className="text-ink-muted">{change(entry)}</span>
          </span>
          <span className="text-xs text-ink-subtle sm:text-sm">
            {entry.actor_id ? (names.get(entry.actor_id) ?? 'Someone') : 'Tale Forge'} ·{' '}
            <time dateTime={entry.created_at}>{formatInFamilyZone(entry.created_at, timeZone)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
