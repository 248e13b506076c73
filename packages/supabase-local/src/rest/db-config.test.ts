import { describe, expect, it } from 'vitest';
import { coerceBool, parseDbConfig } from './db-config';

describe('parseDbConfig', () => {
  it('reads db-tx-end and db-plan-enabled as PostgREST coerces them', () => {
    expect(parseDbConfig(new Map())).toEqual({
      txRollbackAll: false,
      txAllowOverride: false,
      planEnabled: false,
      aggregatesEnabled: false,
    });
    const cases: [string, boolean, boolean][] = [
      ['commit', false, false],
      ['commit-allow-override', false, true],
      ['rollback', true, false],
      ['rollback-allow-override', true, true],
      ['', false, false],
    ];
    for (const [v, all, override] of cases) {
      expect(parseDbConfig(new Map([['db_tx_end', v]]))).toMatchObject({
        txRollbackAll: all,
        txAllowOverride: override,
      });
    }
    expect(() => parseDbConfig(new Map([['db_tx_end', 'sometimes']]))).toThrow(/Invalid transaction termination/);
    for (const [v, on] of [
      ['true', true],
      ['TRUE', true],
      ['"true"', true],
      ['1', true],
      ['false', false],
      ['0', false],
      ['on', false],
    ] as const)
      expect(parseDbConfig(new Map([['db_plan_enabled', v]])).planEnabled).toBe(on);
    expect(parseDbConfig(new Map([['db_aggregates_enabled', 'true']])).aggregatesEnabled).toBe(true);
  });
});

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
