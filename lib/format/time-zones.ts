// The zones the picker offers: the runtime's IANA list (the database checks the choice against
// Postgres's own pg_timezone_names), plus UTC, which Intl leaves out, and the family's current zone in
// case it is an alias the list does not name.
export function timeZoneChoices(current: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
