import { describe, expect, it } from 'vitest';
import { type AuditEntry, auditActor, describeAuditEntry } from './audit-entry';

const mia = '11111111-1111-4111-8111-111111111111';
const mum = '22222222-2222-4222-8222-222222222222';
const names = new Map([
  [mia, 'Mia'],
  [mum, 'Mum'],
]);

function entry(table: string, operation: string, oldRow: object | null, newRow: object | null): AuditEntry {
  return {
    id: 1,
    table_name: table,
    operation,
    actor_id: mum,
    old_row: oldRow as AuditEntry['old_row'],
    new_row: newRow as AuditEntry['new_row'],
    created_at: '2026-12-01T10:00:00Z',
  };
}

const controls = {
  child_id: mia,
  daily_minutes: 30,
  age_band: '4-6',
  bedtime_start: '19:30:00',
  bedtime_end: '07:00:00',
  reading_allowed: true,
  creating_allowed: false,
  live_sessions_allowed: false,
  chat_level: 'phrases',
  monthly_credit_allowance: 0,
  approval_above_allowance: true,
  paused: false,
  updated_at: '2026-12-01T09:00:00Z',
  updated_by: mum,
};

describe('describeAuditEntry', () => {
  it('shows old → new values with labels, not raw columns', () => {
    const changed = {
      ...controls,
      daily_minutes: 45,
      bedtime_start: '20:00:00',
      chat_level: 'filtered',
      updated_at: 'x',
    };
    expect(describeAuditEntry(entry('public.parental_controls', 'UPDATE', controls, changed), names)).toEqual({
      subject: 'Mia',
      action: 'Controls changed',
      changes: [
        { label: 'Daily minutes', from: '30', to: '45' },
        { label: 'Bedtime', from: '19:30–07:00', to: '20:00–07:00' },
        { label: 'Chat', from: 'Phrases only', to: 'Filtered' },
      ],
    });
  });

  it('names pausing, removing a bedtime and switching activities plainly', () => {
    const paused = describeAuditEntry(
      entry('public.parental_controls', 'UPDATE', controls, { ...controls, paused: true }),
      names,
    );
    expect(paused).toEqual({ subject: 'Mia', action: 'Paused', changes: [] });
    const noBedtime = { ...controls, bedtime_start: null, bedtime_end: null, creating_allowed: true, age_band: '7-9' };
    expect(describeAuditEntry(entry('public.parental_controls', 'UPDATE', controls, noBedtime), names).changes).toEqual(
      [
        { label: 'Age band', from: 'Ages 4–6', to: 'Ages 7–9' },
        { label: 'Bedtime', from: '19:30–07:00', to: 'None' },
        { label: 'Creating stories', from: 'Off', to: 'Allowed' },
      ],
    );
  });

  it('reads consent, requests, membership and sign-in rows as events', () => {
    const consent = { child_id: mia, revoked_at: null };
    expect(describeAuditEntry(entry('public.parental_consents', 'INSERT', null, consent), names).action).toBe(
      'Consent given',
    );
    expect(
      describeAuditEntry(entry('public.parental_consents', 'UPDATE', consent, { ...consent, revoked_at: 'now' }), names)
        .action,
    ).toBe('Consent withdrawn');
    const request = { child_id: mia, status: 'pending', minutes: 15, requested_minutes: 15, for_date: '2026-12-01' };
    expect(describeAuditEntry(entry('public.approval_requests', 'INSERT', null, request), names).action).toBe(
      'Asked for 15 minutes more',
    );
    expect(
      describeAuditEntry(
        entry('public.approval_requests', 'UPDATE', request, { ...request, status: 'approved', minutes: 60 }),
        names,
      ).action,
    ).toBe('More time approved: 60 minutes');
    expect(
      describeAuditEntry(entry('public.approval_requests', 'UPDATE', request, { ...request, status: 'denied' }), names)
        .action,
    ).toBe('More time: not today');
    expect(describeAuditEntry(entry('public.approval_requests', 'DELETE', request, null), names).action).toBe(
      'Request removed',
    );
    const member = { user_id: mia, role: 'child', deactivated_at: null };
    expect(describeAuditEntry(entry('public.family_members', 'INSERT', null, member), names)).toMatchObject({
      subject: 'Mia',
      action: 'Added to the family',
    });
    expect(
      describeAuditEntry(entry('public.family_members', 'UPDATE', member, { ...member, deactivated_at: 'now' }), names)
        .action,
    ).toBe('Deactivated');
    const login = { child_id: mia, login_name: 'Mia', failed_attempts: 0 };
    expect(
      describeAuditEntry(entry('private.child_logins', 'UPDATE', login, { ...login, login_name: 'Mimi' }), names),
    ).toEqual({ subject: 'Mia', action: 'Renamed', changes: [{ label: 'Name', from: 'Mia', to: 'Mimi' }] });
    expect(describeAuditEntry(entry('private.child_logins', 'UPDATE', login, login), names).action).toBe('PIN changed');
    expect(
      describeAuditEntry(entry('public.family_invites', 'UPDATE', { revoked_at: null }, { revoked_at: 'now' }), names),
    ).toEqual({ subject: 'Invite code', action: 'Invite code withdrawn', changes: [] });
  });

  it("reads a story's public library request: asked, approved, not approved with the note, withdrawn", () => {
    const request = { family_id: mum, story_id: mia, status: 'pending', review_note: null };
    const table = 'public.story_public_requests';
    expect(describeAuditEntry(entry(table, 'INSERT', null, request), names)).toEqual({
      subject: 'A story',
      action: 'Asked for the public library',
      changes: [],
    });
    expect(describeAuditEntry(entry(table, 'UPDATE', request, { ...request, status: 'approved' }), names).action).toBe(
      'Approved for the public library',
    );
    expect(
      describeAuditEntry(
        entry(table, 'UPDATE', request, { ...request, status: 'rejected', review_note: 'Too sad' }),
        names,
      ),
    ).toMatchObject({ action: 'Not approved for the public library: “Too sad”', changes: [] });
    expect(describeAuditEntry(entry(table, 'UPDATE', request, { ...request, status: 'withdrawn' }), names).action).toBe(
      'Public library request withdrawn',
    );
  });

  it('shows family settings changes and falls back for people and tables it does not know', () => {
    const family = { id: 'f', name: 'The Smiths', time_zone: 'Europe/London' };
    expect(
      describeAuditEntry(entry('public.families', 'UPDATE', family, { ...family, time_zone: 'Europe/Berlin' }), names),
    ).toEqual({
      subject: 'Family',
      action: 'Family settings changed',
      changes: [{ label: 'Time zone', from: 'Europe/London', to: 'Europe/Berlin' }],
    });
    expect(
      describeAuditEntry(entry('public.parental_consents', 'INSERT', null, { child_id: 'gone' }), names).subject,
    ).toBe('Someone no longer in the family');
  });
});

describe('auditActor', () => {
  it('names the member, the system or a member who has left', () => {
    const e = entry('public.families', 'UPDATE', {}, {});
    expect(auditActor(e, names)).toBe('Mum');
    // The generated type says string, but the log stores null for changes the system made.
    expect(auditActor({ ...e, actor_id: null as unknown as string }, names)).toBe('Tale Forge');
    expect(auditActor({ ...e, actor_id: 'someone-else' }, names)).toBe('A former member');
  });
});
