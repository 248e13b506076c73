import type { Metadata } from 'next';
import Link from 'next/link';
import { ChildrenCreditMonths } from '@/components/credits/children-credit-months';
import { LedgerFilterForm } from '@/components/credits/ledger-filter-form';
import { LedgerTable } from '@/components/credits/ledger-table';
import { PurchasesList } from '@/components/credits/purchases-list';
import { FamilyLiveUpdates } from '@/components/family/family-live-updates';
import { Card } from '@/components/ui/card';
import { formatCredits } from '@/lib/credits/format';
import { parseLedgerFilter } from '@/lib/credits/ledger-filter';
import { getChildrenCreditMonths, getPurchases, getWallet, getWholeLedger } from '@/lib/credits/queries';
import { getFamily, getFamilyMembers } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Billing' };

/** The parent's billing view: the whole ledger (filterable, as CSV), purchases and each child's month. */
export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const filter = parseLedgerFilter(await searchParams);
  const wallet = await getWallet(supabase, { familyId });
  const [family, ledger, purchases, months, members] = await Promise.all([
    getFamily(supabase, { familyId }),
    getWholeLedger(supabase, { walletId: wallet.id, filter }),
    getPurchases(supabase, { familyId, limit: 50 }),
    getChildrenCreditMonths(supabase),
    getFamilyMembers(supabase, { familyId }),
  ]);
  const names = new Map(members.map((m) => [m.user_id, m.displayName]));

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Billing</h1>
          <p className="mt-1 text-sm text-stone-600">
            Balance {formatCredits(wallet.balance)} · bought so far {formatCredits(wallet.lifetime_purchased)}
          </p>
        </div>
        <Link
          href="/credits"
          className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
        >
          Back to credits
        </Link>
      </header>

      <Card
        id="ledger-heading"
        title="Every credit, in and out"
        intro="Nothing here can be changed or deleted, by anyone."
      >
        <div className="space-y-4">
          <LedgerFilterForm filter={filter} />
          <LedgerTable rows={ledger} names={names} timeZone={family.time_zone} caption="Credit ledger" />
        </div>
      </Card>

      <Card
        id="children-months-heading"
        title="Children this month"
        intro="Spends within a child's monthly allowance go through; above it they ask you (Requests on the family page)."
      >
        <ChildrenCreditMonths months={months} />
      </Card>

      <Card id="purchases-heading" title="Purchases">
        <PurchasesList purchases={purchases} timeZone={family.time_zone} />
      </Card>
      <FamilyLiveUpdates familyId={familyId} wallet />
    </div>
  );
}
