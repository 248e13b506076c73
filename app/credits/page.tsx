import type { Metadata } from 'next';
import Link from 'next/link';
import { BalanceCard } from '@/components/credits/balance-card';
import { GuestTrialPanel } from '@/components/credits/guest-trial-panel';
import { LedgerTable } from '@/components/credits/ledger-table';
import { PackageList } from '@/components/credits/package-list';
import { PlanCard } from '@/components/credits/plan-card';
import { ReceiptsList } from '@/components/credits/receipts-list';
import { FamilyLiveUpdates } from '@/components/family/family-live-updates';
import { Card } from '@/components/ui/card';
import {
  getCreditPackages,
  getExpiringGrants,
  getFounder,
  getGuestTrial,
  getHolds,
  getLedger,
  getMyPlan,
  getPurchasablePlans,
  getWallet,
} from '@/lib/credits/queries';
import { getFamily, getFamilyMembers } from '@/lib/family/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Credits' };

export default async function CreditsPage({
  searchParams,
}: {
  searchParams: Promise<{ purchase?: string; welcome?: string }>;
}) {
  const { familyId } = await requireParent();
  const supabase = await createClient();
  const wallet = await getWallet(supabase, { familyId });
  const [{ purchase, welcome }, family, expiring, founder, plan, offers, packages, ledger, holds, members, trial] =
    await Promise.all([
      searchParams,
      getFamily(supabase, { familyId }),
      getExpiringGrants(supabase, { familyId }),
      getFounder(supabase, { familyId }),
      getMyPlan(supabase),
      getPurchasablePlans(supabase),
      getCreditPackages(supabase),
      getLedger(supabase, { walletId: wallet.id, limit: 10 }),
      getHolds(supabase, { familyId, limit: 10 }),
      getFamilyMembers(supabase, { familyId }),
      getGuestTrial(supabase),
    ]);
  const names = new Map(members.map((m) => [m.user_id, m.displayName]));
  const isGuest = trial.is_guest;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">Credits</h1>
        {isGuest ? null : (
          <Link
            href="/credits/billing"
            className="text-sm font-medium text-brand-700 underline underline-offset-2 hover:text-brand-600"
          >
            Billing and full history
          </Link>
        )}
      </header>
      {purchase ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Thank you! Your payment went through; the credits are in your balance below.
        </p>
      ) : null}
      {welcome === 'account' ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Your account is ready. Everything you made as a guest is still here.
        </p>
      ) : null}

      <Card id="balance-heading" title="Balance">
        <BalanceCard
          wallet={wallet}
          expiring={expiring}
          founderNumber={founder?.number ?? null}
          timeZone={family.time_zone}
        />
      </Card>

      {isGuest ? (
        <Card
          id="guest-heading"
          title="Trying Tale Forge"
          intro="You're a guest: nothing to fill in until you want to keep it."
        >
          <GuestTrialPanel claimed={trial.claimed} />
        </Card>
      ) : (
        <>
          <Card
            id="packages-heading"
            title="Buy credits"
            intro="One payment, no subscription. Bought credits never expire."
          >
            <PackageList packages={packages} founder={Boolean(founder)} />
          </Card>
          {plan ? (
            <Card id="plan-heading" title="Plan">
              <PlanCard plan={plan} offers={offers} timeZone={family.time_zone} />
            </Card>
          ) : null}
        </>
      )}

      <Card id="history-heading" title="Recent history">
        <LedgerTable rows={ledger} names={names} timeZone={family.time_zone} caption="Recent credit history" />
      </Card>

      <Card
        id="receipts-heading"
        title="Story receipts"
        intro="Credits are held while a story is made, then charged, or given back if it fails."
      >
        <ReceiptsList holds={holds} timeZone={family.time_zone} />
      </Card>
      <FamilyLiveUpdates familyId={familyId} wallet />
    </div>
  );
}
