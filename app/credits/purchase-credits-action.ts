'use server';

import { redirect } from 'next/navigation';
import { parentAction } from '@/lib/actions/action';
import { purchaseCreditsSchema } from '@/lib/credits/credits.schema';
import { paymentProvider } from '@/lib/payments/config';
import { startCheckout } from '@/lib/payments/start-checkout';

/** purchaseCredits: validates the package and key, creates the purchase, hands over to the provider. */
export const purchaseCreditsAction = parentAction(
  purchaseCreditsSchema,
  async ({ packageCode, idempotencyKey }, { supabase, familyId }) => {
    const provider = await paymentProvider();
    const { data, error } = await supabase.rpc('create_purchase', {
      p_kind: 'credits',
      p_code: packageCode,
      p_provider: provider.name,
      p_idempotency_key: idempotencyKey,
    });
    if (error) throw error;
    const { purchase_id: purchaseId } = data as { purchase_id: string };
    redirect(await startCheckout(supabase, provider, { purchaseId, familyId }));
  },
);
