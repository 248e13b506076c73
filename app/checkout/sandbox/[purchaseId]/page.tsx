import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SandboxCheckoutForm } from '@/components/credits/sandbox-checkout-form';
import { formatCredits, formatPrice } from '@/lib/credits/format';
import { getPurchase } from '@/lib/credits/queries';
import { requireParent } from '@/lib/family/require-parent';
import { createClient } from '@/lib/supabase/server';

export const metadata: Metadata = { title: 'Sandbox checkout' };

/** The built-in sandbox's checkout page: what Stripe Checkout would be, with test cards only. */
export default async function SandboxCheckoutPage({ params }: { params: Promise<{ purchaseId: string }> }) {
  await requireParent();
  const { purchaseId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(purchaseId)) notFound();
  const supabase = await createClient();
  const purchase = await getPurchase(supabase, { purchaseId });
  // RLS: another family's purchase is simply not there.
  if (!purchase) notFound();
  if (purchase.provider !== 'sandbox') notFound();
  const price = formatPrice(purchase.price_cents, purchase.currency);
  const what =
    purchase.kind === 'plan'
      ? `${purchase.plans?.name ?? 'Family'} plan, monthly`
      : `${purchase.credit_packages?.name ?? 'Credits'}: ${formatCredits(purchase.credits)}`;

  return (
    <div className="mx-auto max-w-md space-y-6 rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
      <header className="space-y-1">
        <p className="text-xs font-semibold tracking-wide text-amber-700 uppercase">Sandbox checkout</p>
        <h1 className="text-xl font-semibold text-stone-900">{what}</h1>
        <p className="text-2xl font-semibold text-stone-900" data-testid="checkout-price">
          {price}
          {purchase.kind === 'plan' ? <span className="text-sm font-normal text-stone-500"> / month</span> : null}
        </p>
      </header>
      {purchase.status === 'paid' || purchase.status === 'refunded' ? (
        <p role="status" className="text-sm text-stone-700">
          This purchase is already {purchase.status}.{' '}
          <Link href="/credits" className="font-medium text-brand-700 underline">
            Back to credits
          </Link>
        </p>
      ) : (
        <SandboxCheckoutForm purchaseId={purchase.id} price={price} />
      )}
      <Link href="/credits" className="block text-center text-sm text-stone-600 underline underline-offset-2">
        Cancel and go back
      </Link>
    </div>
  );
}
