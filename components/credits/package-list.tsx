'use client';

import { purchaseCreditsAction } from '@/app/credits/purchase-credits-action';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { purchaseCreditsSchema } from '@/lib/credits/credits.schema';
import { formatPrice } from '@/lib/credits/format';
import { useIdempotencyKey } from '@/lib/credits/use-idempotency-key';
import { useActionForm } from '@/lib/forms/use-action-form';

type CreditPackage = { code: string; name: string; credits: number; price_cents: number; currency: string };

function PackageItem({ pkg, founder }: { pkg: CreditPackage; founder: boolean }) {
  const [key] = useIdempotencyKey();
  const { onSubmit, pending, error } = useActionForm(purchaseCreditsSchema, purchaseCreditsAction);
  return (
    <li className="flex flex-col justify-between gap-3 rounded-lg border border-stone-200 p-4">
      <div>
        <h3 className="font-medium text-stone-900">{pkg.name}</h3>
        <p className="text-2xl font-semibold text-stone-900">{pkg.credits.toLocaleString('en-GB')} credits</p>
        {founder ? <p className="text-xs text-amber-800">+{Math.floor(pkg.credits / 5)} founder bonus</p> : null}
        <p className="text-sm text-stone-600">{formatPrice(pkg.price_cents, pkg.currency)}</p>
      </div>
      <form onSubmit={onSubmit} aria-label={`Buy ${pkg.name}`} className="space-y-2">
        <input type="hidden" name="packageCode" value={pkg.code} />
        <input type="hidden" name="idempotencyKey" value={key} />
        <FormAlert message={error} />
        <Button type="submit" disabled={pending || !key} className="w-full">
          {pending ? 'Opening checkout…' : `Buy ${pkg.name}`}
        </Button>
      </form>
    </li>
  );
}

export function PackageList({ packages, founder }: { packages: CreditPackage[]; founder: boolean }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      {packages.map((pkg) => (
        <PackageItem key={pkg.code} pkg={pkg} founder={founder} />
      ))}
    </ul>
  );
}
