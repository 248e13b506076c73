import { formatCredits } from '@/lib/credits/format';
import { formatInFamilyZone } from '@/lib/format/family-time';

type Props = {
  wallet: { balance: number; paid_balance: number; granted_balance: number; lifetime_purchased: number };
  expiring: { remaining: number; expires_at: string | null }[];
  founderNumber: number | null;
  timeZone: string;
};

export function BalanceCard({ wallet, expiring, founderNumber, timeZone }: Props) {
  const next = expiring[0];
  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end">
      <div>
        <p className="text-sm text-stone-500">Your family's credits</p>
        <p className="text-4xl font-semibold tracking-tight text-stone-900" data-testid="credit-balance">
          {wallet.balance.toLocaleString('en-GB')}
        </p>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1">
            <dt className="text-stone-500">Bought:</dt>
            <dd className="font-medium text-stone-900" data-testid="paid-balance">
              {formatCredits(wallet.paid_balance)}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-stone-500">Gifted:</dt>
            <dd className="font-medium text-stone-900" data-testid="granted-balance">
              {formatCredits(wallet.granted_balance)}
            </dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-stone-500">
          Gifted credits are used first.
          {next?.expires_at
            ? ` ${formatCredits(next.remaining)} expire on ${formatInFamilyZone(next.expires_at, timeZone, 'date')}.`
            : ''}{' '}
          Bought credits never expire.
        </p>
      </div>
      {founderNumber ? (
        <p
          className="rounded-full bg-amber-100 px-3 py-1 text-sm font-medium text-amber-900"
          data-testid="founder-badge"
        >
          Founder #{founderNumber} · +20 % on every purchase
        </p>
      ) : null}
    </div>
  );
}
