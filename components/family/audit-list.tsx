import type { Database } from '@/lib/database.types';

type Entry = Database['public']['Functions']['get_family_audit_log']['Returns'][number];

const TABLE_LABELS: Record<string, string> = {
  'public.parental_controls': 'Controls',
  'public.parental_consents': 'Consent',
  'public.family_members': 'Members',
  'public.families': 'Family',
  'public.approval_requests': 'Request',
  'public.family_invites': 'Invite',
  'private.child_logins': 'Child sign-in',
  'private.parent_pins': 'Parent PIN',
};

const format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** What changed, without the raw rows: the names of the columns whose values differ. */
function changedColumns(entry: Entry): string {
  if (entry.operation !== 'UPDATE') return entry.operation === 'INSERT' ? 'created' : 'removed';
  const before = (entry.old_row ?? {}) as Record<string, unknown>;
  const after = (entry.new_row ?? {}) as Record<string, unknown>;
  const keys = Object.keys(after).filter(
    (key) => !['updated_at', 'updated_by'].includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return keys.length ? keys.join(', ').replaceAll('_', ' ') : 'updated';
}

export function AuditList({ entries, names }: { entries: Entry[]; names: Map<string, string> }) {
  if (!entries.length) return <p className="text-sm text-stone-500">Nothing yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
          <span>
            <span className="font-medium text-stone-800">{TABLE_LABELS[entry.table_name] ?? entry.table_name}</span>{' '}
            <span className="text-stone-600">{changedColumns(entry)}</span>
          </span>
          <span className="text-stone-500">
            {entry.actor_id ? (names.get(entry.actor_id) ?? 'someone') : 'Tale Forge'} ·{' '}
            {format.format(new Date(entry.created_at))}
          </span>
        </li>
      ))}
    </ul>
  );
}
