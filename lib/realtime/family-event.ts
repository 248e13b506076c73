// What the database broadcasts on child:<id> and family:<id> (20261201091000_family_realtime_events.sql).
export type FamilyEventKind = 'controls' | 'requests' | 'reading' | 'consent';
export type FamilyEvent = { kind: FamilyEventKind; childId: string };

export function toFamilyEvent(event: string, payload: unknown): FamilyEvent | null {
  const data = (payload ?? {}) as { child_id?: unknown; payload?: { child_id?: unknown } };
  // Broadcasts from realtime.send arrive with the row payload either flat or under `payload`.
  const childId = data.child_id ?? data.payload?.child_id;
  if (typeof childId !== 'string') return null;
  if (!['controls', 'requests', 'reading', 'consent'].includes(event)) return null;
  return { kind: event as FamilyEventKind, childId };
}
