import { formatCredits, formatPrice } from '@/lib/credits/format';
import { PURCHASE_STATUS_LABELS } from '@/lib/credits/options';
import type { Enums } from '@/lib/database.types';
import { formatInFamilyZone } from '@/lib/format/family-time';

type Purchase = {
  id: string;
  kind: Enums<'purchase_kind'>;
  credits: number;
  price_cents: number;
  currency: string;
  status: Enums<'purchase_status'>;
  failure_reason: string | null;
  created_at: string;
};

export function PurchasesList({ purchases, timeZone }: { purchases: Purchase[]; timeZone: string }) {
  if (!purchases.length) return <p className="text-sm text-stone-500">No purchases yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 text-sm" data-testid="purchases">
      {purchases.map((p) => (
        <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="text-stone-900">
            {p.kind === 'plan' ? 'Family plan' : formatCredits(p.credits)} · {formatPrice(p.price_cents, p.currency)}
            <span className="block text-xs text-stone-500">
              {formatInFamilyZone(p.created_at, timeZone, 'dateTime')}
            </span>
          </span>
          <span className="text-xs font-medium text-stone-700">
            {PURCHASE_STATUS_LABELS[p.status]}
            {p.status === 'failed' && p.failure_reason ? ` (${p.failure_reason.replaceAll('_', ' ')})` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
