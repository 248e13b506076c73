import type { Database, Enums } from '@/lib/database.types';
import { AGE_BAND_LABELS } from './options';

export type AuditEntry = Database['public']['Functions']['get_family_audit_log']['Returns'][number];
type Row = Record<string, unknown>;

export type AuditChange = { label: string; from: string; to: string };
export type AuditDescription = { subject: string; action: string; changes: AuditChange[] };

const CHAT_SHORT: Record<Enums<'chat_level'>, string> = {
  off: 'Off',
  phrases: 'Phrases only',
  filtered: 'Filtered',
  held_for_review: 'Held for review',
};

const yesNo = (value: unknown) => (value ? 'Yes' : 'No');
const allowed = (value: unknown) => (value ? 'Allowed' : 'Off');
const hhmm = (value: unknown) => (typeof value === 'string' ? value.slice(0, 5) : '');

/** Each column a parent cares about: its label and how its values read. Others are bookkeeping. */
const CONTROL_FIELDS: Record<string, { label: string; show: (value: unknown) => string }> = {
  daily_minutes: { label: 'Daily minutes', show: (v) => String(v) },
  age_band: { label: 'Age band', show: (v) => AGE_BAND_LABELS[v as Enums<'age_band'>] ?? String(v) },
  reading_allowed: { label: 'Reading', show: allowed },
  creating_allowed: { label: 'Creating stories', show: allowed },
  live_sessions_allowed: { label: 'Live sessions', show: allowed },
  chat_level: { label: 'Chat', show: (v) => CHAT_SHORT[v as Enums<'chat_level'>] ?? String(v) },
  monthly_credit_allowance: { label: 'Monthly credits', show: (v) => String(v) },
  approval_above_allowance: { label: 'Ask me above the allowance', show: yesNo },
  paused: { label: 'Paused', show: yesNo },
};

const FAMILY_FIELDS: Record<string, { label: string; show: (value: unknown) => string }> = {
  name: { label: 'Family name', show: (v) => String(v) },
  time_zone: { label: 'Time zone', show: (v) => String(v) },
};

function bedtime(row: Row): string {
  return row.bedtime_start ? `${hhmm(row.bedtime_start)}–${hhmm(row.bedtime_end)}` : 'None';
}

function diff(before: Row, after: Row, fields: typeof CONTROL_FIELDS): AuditChange[] {
  return Object.entries(fields)
    .filter(([key]) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(([key, { label, show }]) => ({ label, from: show(before[key]), to: show(after[key]) }));
}

const minutes = (value: unknown) => `${value} ${value === 1 ? 'minute' : 'minutes'}`;

function describeRow(entry: AuditEntry, before: Row, after: Row): { action: string; changes: AuditChange[] } {
  const { table_name: table, operation: op } = entry;
  switch (table) {
    case 'public.parental_controls': {
      if (op === 'INSERT') return { action: 'Controls set up', changes: [] };
      if (op === 'DELETE') return { action: 'Controls removed', changes: [] };
      const changes = diff(before, after, CONTROL_FIELDS);
      if (bedtime(before) !== bedtime(after)) {
        changes.splice(1, 0, { label: 'Bedtime', from: bedtime(before), to: bedtime(after) });
      }
      if (changes.length === 1 && changes[0].label === 'Paused') {
        return { action: after.paused ? 'Paused' : 'Resumed', changes: [] };
      }
      return { action: changes.length ? 'Controls changed' : 'Controls saved, nothing changed', changes };
    }
    case 'public.parental_consents':
      if (op === 'INSERT') return { action: 'Consent given', changes: [] };
      if (!before.revoked_at && after.revoked_at) return { action: 'Consent withdrawn', changes: [] };
      return { action: 'Consent record updated', changes: [] };
    case 'public.family_members': {
      const role = (after.role ?? before.role) === 'parent' ? 'parent' : 'child';
      if (op === 'INSERT')
        return { action: role === 'parent' ? 'Joined as a parent' : 'Added to the family', changes: [] };
      if (op === 'DELETE') return { action: 'Left the family', changes: [] };
      if (!before.deactivated_at && after.deactivated_at) return { action: 'Deactivated', changes: [] };
      if (before.deactivated_at && !after.deactivated_at) return { action: 'Reactivated', changes: [] };
      return { action: 'Membership updated', changes: [] };
    }
    case 'public.families':
      if (op === 'INSERT') return { action: 'Family created', changes: [] };
      return { action: 'Family settings changed', changes: diff(before, after, FAMILY_FIELDS) };
    case 'public.approval_requests': {
      if (op === 'INSERT')
        return { action: `Asked for ${minutes(after.requested_minutes ?? after.minutes)} more`, changes: [] };
      if (op === 'DELETE') return { action: 'Request removed', changes: [] };
      if (before.status === 'pending' && after.status === 'approved') {
        return { action: `More time approved: ${minutes(after.minutes)}`, changes: [] };
      }
      if (before.status === 'pending' && after.status === 'denied')
        return { action: 'More time: not today', changes: [] };
      if (before.for_date !== after.for_date) return { action: 'Open request moved to today', changes: [] };
      return { action: 'Request updated', changes: [] };
    }
    case 'public.family_invites':
      if (op === 'INSERT') return { action: 'Invite code created', changes: [] };
      if (!before.accepted_at && after.accepted_at) return { action: 'Invite code used', changes: [] };
      if (!before.revoked_at && after.revoked_at) return { action: 'Invite code withdrawn', changes: [] };
      return { action: 'Invite code updated', changes: [] };
    case 'private.child_logins': {
      if (op === 'INSERT') return { action: 'Sign-in set up', changes: [] };
      if (op === 'DELETE') return { action: 'Sign-in removed', changes: [] };
      if (before.login_name !== after.login_name) {
        return {
          action: 'Renamed',
          changes: [{ label: 'Name', from: String(before.login_name), to: String(after.login_name) }],
        };
      }
      // The PIN hash itself never reaches the log; an update without a visible change is a new PIN.
      return { action: 'PIN changed', changes: [] };
    }
    case 'private.parent_pins':
      return { action: op === 'INSERT' ? 'Parent PIN set' : 'Parent PIN changed', changes: [] };
    case 'public.story_public_requests': {
      if (op === 'INSERT') return { action: 'Asked for the public library', changes: [] };
      if (before.status === 'pending' && after.status === 'approved')
        return { action: 'Approved for the public library', changes: [] };
      if (before.status === 'pending' && after.status === 'rejected') {
        const note = typeof after.review_note === 'string' ? after.review_note : '';
        return { action: `Not approved for the public library${note ? `: “${note}”` : ''}`, changes: [] };
      }
      if (after.status === 'withdrawn') return { action: 'Public library request withdrawn', changes: [] };
      return { action: 'Public library request updated', changes: [] };
    }
    default:
      return { action: `${op.toLowerCase()} in ${table}`, changes: [] };
  }
}

const SUBJECTS: Record<string, string> = {
  'public.families': 'Family',
  'public.family_invites': 'Invite code',
  'private.parent_pins': 'Parent PIN',
  'public.story_public_requests': 'A story',
};

/** "Mia · Controls changed · Daily minutes: 30 → 45": what an audit entry means to a parent. */
export function describeAuditEntry(entry: AuditEntry, names: ReadonlyMap<string, string>): AuditDescription {
  const before = (entry.old_row ?? {}) as Row;
  const after = (entry.new_row ?? {}) as Row;
  const row = entry.new_row ? after : before;
  const personId = row.child_id ?? (entry.table_name === 'public.family_members' ? row.user_id : undefined);
  const person = typeof personId === 'string' ? names.get(personId) : undefined;
  const subject = SUBJECTS[entry.table_name] ?? person ?? 'Someone no longer in the family';
  return { subject, ...describeRow(entry, before, after) };
}

/** Who made the change: a member's name, "Tale Forge" for the system, or a member who has left. */
export function auditActor(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  if (!entry.actor_id) return 'Tale Forge';
  return names.get(entry.actor_id) ?? 'A former member';
}
