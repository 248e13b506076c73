import { formatInFamilyZone } from '@/lib/format/family-time';
import { type CreditReason, REASON_LABELS } from './options';

export type LedgerCsvRow = {
  seq: number;
  created_at: string;
  reason: CreditReason;
  delta: number;
  paid_delta: number;
  granted_delta: number;
  balance_after: number;
  memo: string | null;
  actor_name: string | null;
  external_tx_id: string | null;
  job_id: string | null;
};

const HEADER = [
  '#',
  'Date',
  'What',
  'Credits',
  'Paid',
  'Granted',
  'Balance after',
  'Note',
  'By',
  'Reference',
  'Story job',
];

/**
 * A cell per RFC 4180 (quoted when it holds a comma, quote or line break), and never a formula:
 * spreadsheet apps run text starting with = + - @ (or a tab/CR), so such text gets a leading quote.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The ledger as CSV (dates in the family's time zone), with a header row and CRLF line ends. */
export function ledgerToCsv(rows: LedgerCsvRow[], timeZone: string): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.seq,
        formatInFamilyZone(row.created_at, timeZone, 'dateTime'),
        REASON_LABELS[row.reason],
        row.delta,
        row.paid_delta,
        row.granted_delta,
        row.balance_after,
        row.memo,
        row.actor_name,
        row.external_tx_id,
        row.job_id,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
