import { describe, expect, it } from 'vitest';
import { formatInFamilyZone, formatWait } from './family-time';

describe('formatInFamilyZone', () => {
  it("shows the family's clock whatever the server's zone", () => {
    const instant = '2027-01-15T19:40:00Z';
    expect(formatInFamilyZone(instant, 'Europe/London', 'time')).toBe('19:40');
    expect(formatInFamilyZone(instant, 'America/New_York', 'time')).toBe('14:40');
    expect(formatInFamilyZone(instant, 'Asia/Tokyo', 'date')).toBe('16 Jan 2027');
  });
});

describe('formatWait', () => {
  it('rounds up to whole minutes, then hours', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    expect(formatWait(now + 10_000, now)).toBe('1 minute');
    expect(formatWait(now + 15 * 60_000, now)).toBe('15 minutes');
    expect(formatWait(now + 5 * 3_600_000, now)).toBe('5 hours');
    expect(formatWait(now - 1, now)).toBe('1 minute');
  });
});
