import { formatCredits } from '@/lib/credits/format';
import { HOLD_STATUS_LABELS } from '@/lib/credits/options';
import type { Enums } from '@/lib/database.types';
import { formatInFamilyZone } from '@/lib/format/family-time';

type Hold = {
  job_id: string;
  amount: number;
  status: Enums<'credit_hold_status'>;
  settle_reason: string | null;
  created_at: string;
  settled_at: string | null;
};

const STATUS_STYLE: Record<Hold['status'], string> = {
  held: 'bg-sky-50 text-sky-800',
  captured: 'bg-stone-100 text-stone-800',
  released: 'bg-emerald-50 text-emerald-800',
};

/** A receipt per generation job: what it held, and whether that was charged or given back. */
export function ReceiptsList({ holds, timeZone }: { holds: Hold[]; timeZone: string }) {
  if (!holds.length) return <p className="text-sm text-stone-500">No stories made with credits yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 text-sm" data-testid="receipts">
      {holds.map((hold) => (
        <li key={hold.job_id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="text-stone-900">
              Story job <code className="font-mono text-xs">{hold.job_id.slice(0, 8)}</code>: held{' '}
              {formatCredits(hold.amount)}
            </p>
            <p className="text-xs text-stone-500">
              {formatInFamilyZone(hold.created_at, timeZone, 'dateTime')}
              {hold.settled_at
                ? ` · ${hold.status === 'captured' ? 'charged' : `given back (${hold.settle_reason ?? 'failed'})`} ${formatInFamilyZone(hold.settled_at, timeZone, 'time')}`
                : ''}
            </p>
          </div>
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[hold.status]}`}>
            {HOLD_STATUS_LABELS[hold.status]}
          </span>
        </li>
      ))}
    </ul>
  );
}
