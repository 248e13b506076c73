import { formatDelta } from '@/lib/credits/format';
import { type CreditReason, REASON_LABELS } from '@/lib/credits/options';
import { formatInFamilyZone } from '@/lib/format/family-time';

export type LedgerRow = {
  id: string;
  seq: number;
  created_at: string;
  reason: CreditReason;
  delta: number;
  paid_delta: number;
  granted_delta: number;
  balance_after: number;
  memo: string | null;
  actor_id: string | null;
};

/** Ledger rows, newest first; on a phone each row stacks, on wider screens it is a table. */
export function LedgerTable({
  rows,
  names,
  timeZone,
  caption,
}: {
  rows: LedgerRow[];
  names: Map<string, string>;
  timeZone: string;
  caption: string;
}) {
  if (!rows.length) return <p className="text-sm text-stone-500">Nothing here yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="ledger">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              When
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              What
            </th>
            <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
              Who
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Credits
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Balance
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="ledger-row">
              <td className="py-2 pr-3 whitespace-nowrap text-stone-600">
                {formatInFamilyZone(row.created_at, timeZone, 'dateTime')}
              </td>
              <td className="py-2 pr-3 text-stone-900">
                <span className="font-medium">{REASON_LABELS[row.reason]}</span>
                {row.memo ? <span className="block text-xs break-words text-stone-500">{row.memo}</span> : null}
              </td>
              <td className="hidden py-2 pr-3 text-stone-600 sm:table-cell">
                {row.actor_id ? (names.get(row.actor_id) ?? 'Someone') : 'Tale Forge'}
              </td>
              <td
                className={`py-2 pr-3 text-right font-medium whitespace-nowrap tabular-nums ${row.delta < 0 ? 'text-stone-900' : 'text-emerald-700'}`}
              >
                {formatDelta(row.delta)}
              </td>
              <td className="hidden py-2 text-right text-stone-600 tabular-nums sm:table-cell">
                {row.balance_after.toLocaleString('en-GB')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
