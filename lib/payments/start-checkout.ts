import 'server-only';
import type { SupabaseClient } from '@supabase/supabase-js';
import { getPurchase } from '@/lib/credits/queries';
import type { Database } from '@/lib/database.types';
import { createAdminClient } from '@/lib/supabase/admin';
import { appOrigin } from './config';
import type { PaymentProvider } from './provider';

/**
 * Hands a freshly created (or, for a repeated request, the same) purchase to the provider and returns
 * where to send the parent. The checkout is remembered on the purchase, so a retry with the same
 * idempotency key goes back to the same checkout instead of opening a second one.
 */
export async function startCheckout(
  supabase: SupabaseClient<Database>,
  provider: PaymentProvider,
  { purchaseId, familyId }: { purchaseId: string; familyId: string },
): Promise<string> {
  const purchase = await getPurchase(supabase, { purchaseId });
  if (!purchase) throw new Error(`purchase ${purchaseId} is not visible to its buyer`);
  if (purchase.checkout_url) return purchase.checkout_url;
  const origin = await appOrigin();
  const { sessionId, url } = await provider.createCheckout(
    {
      purchaseId,
      familyId,
      kind: purchase.kind,
      name:
        purchase.kind === 'plan'
          ? `${purchase.plans?.name ?? 'Family'} plan`
          : (purchase.credit_packages?.name ?? 'Credits'),
      priceCents: purchase.price_cents,
      currency: purchase.currency,
      planCode: purchase.plans?.code,
    },
    { successUrl: `${origin}/credits?purchase=${purchaseId}`, cancelUrl: `${origin}/credits` },
  );
  const { error } = await createAdminClient().rpc('attach_checkout_session', {
    p_purchase_id: purchaseId,
    p_session_id: sessionId,
    p_url: url,
  });
  if (error) throw error;
  return url;
}
