import { describe, expect, it } from 'vitest';
import { spendCreditsSchema } from './credits.schema';
import { csvCell, ledgerToCsv } from './ledger-csv';
import { ledgerFilterQuery, parseLedgerFilter } from './ledger-filter';

describe('ledger CSV', () => {
  it('quotes what needs quoting and never lets a spreadsheet run a formula', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it("writes a header and one row per entry, dated in the family's time zone", () => {
    const csv = ledgerToCsv(
      [
        {
          seq: 1,
          created_at: '2027-01-31T23:30:00Z',
          reason: 'purchase',
          delta: 100,
          paid_delta: 100,
          granted_delta: 0,
          balance_after: 100,
          memo: 'Bought Starter',
          actor_name: 'Ana',
          external_tx_id: 'payment:pi_1',
          job_id: null,
        },
      ],
      'Europe/Berlin',
    );
    expect(csv.split('\r\n')).toEqual([
      '#,Date,What,Credits,Paid,Granted,Balance after,Note,By,Reference,Story job',
      '1,"1 Feb 2027, 00:30",Purchase,100,100,0,100,Bought Starter,Ana,payment:pi_1,',
      '',
    ]);
  });
});

describe('ledger filter', () => {
  it('keeps valid values and drops invalid ones', () => {
    expect(parseLedgerFilter({ reason: 'spend', from: '2027-01-01', to: '2027-01-31' })).toEqual({
      reason: 'spend',
      from: '2027-01-01',
      to: '2027-01-31',
    });
    expect(parseLedgerFilter({ reason: 'free_money', from: 'yesterday', to: ['2027-02-01', 'x'] })).toEqual({
      reason: undefined,
      from: undefined,
      to: '2027-02-01',
    });
    expect(parseLedgerFilter(new URLSearchParams('reason=expiry'))).toEqual({
      reason: 'expiry',
      from: undefined,
      to: undefined,
    });
    expect(ledgerFilterQuery({ reason: 'spend', from: undefined, to: '2027-01-31' })).toBe(
      '?reason=spend&to=2027-01-31',
    );
    expect(ledgerFilterQuery({})).toBe('');
  });
});

describe('spend schema', () => {
  const key = 'k'.repeat(20);
  it('takes whole positive amounts within range and a valid key', () => {
    expect(spendCreditsSchema.safeParse({ amount: '5', idempotencyKey: key }).success).toBe(true);
    for (const amount of ['0', '-1', '1.5', 'ten', '100001', '']) {
      expect(spendCreditsSchema.safeParse({ amount, idempotencyKey: key }).success).toBe(false);
    }
    expect(spendCreditsSchema.safeParse({ amount: '5', idempotencyKey: 'short' }).success).toBe(false);
    expect(spendCreditsSchema.safeParse({ amount: '5', idempotencyKey: key, memo: 'x'.repeat(201) }).success).toBe(
      false,
    );
  });
});
