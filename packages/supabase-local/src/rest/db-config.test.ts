import { describe, expect, it } from 'vitest';
import { coerceBool } from './db-config';

describe('coerceBool (PostgREST in-database config booleans)', () => {
  it('reads true/false in any case and quoting, and numbers as > 0', () => {
    for (const v of ['true', 'TRUE', 'True', '"true"', ' true ']) expect(coerceBool(v)).toBe(true);
    for (const v of ['false', 'FALSE', "'false'"]) expect(coerceBool(v)).toBe(false);
    expect(coerceBool('1')).toBe(true);
    expect(coerceBool('0')).toBe(false);
    expect(coerceBool('yes')).toBeUndefined();
    expect(coerceBool('')).toBeUndefined();
  });
});
