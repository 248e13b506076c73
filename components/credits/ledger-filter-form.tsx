import { type LedgerFilter, ledgerFilterQuery } from '@/lib/credits/ledger-filter';
import { CREDIT_REASONS, REASON_LABELS } from '@/lib/credits/options';

const field = 'rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm text-stone-900';

/** A plain GET form: the filter lives in the URL, so it can be shared and the CSV link follows it. */
export function LedgerFilterForm({ filter }: { filter: LedgerFilter }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the ledger">
        <label className="space-y-1 text-sm text-stone-700">
          <span className="block font-medium">What</span>
          <select name="reason" defaultValue={filter.reason ?? ''} className={field}>
            <option value="">Everything</option>
            {CREDIT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {REASON_LABELS[reason]}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm text-stone-700">
          <span className="block font-medium">From</span>
          <input type="date" name="from" defaultValue={filter.from ?? ''} className={field} />
        </label>
        <label className="space-y-1 text-sm text-stone-700">
          <span className="block font-medium">To</span>
          <input type="date" name="to" defaultValue={filter.to ?? ''} className={field} />
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-300 bg-white px-4 py-1.5 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50"
        >
          Filter
        </button>
      </form>
      <a
        href={`/credits/billing/export${ledgerFilterQuery(filter)}`}
        download
        className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      >
        Download CSV
      </a>
    </div>
  );
}
