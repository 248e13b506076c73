'use server';

import { redirect } from 'next/navigation';
import { parentAction } from '@/lib/actions/action';
import { subscribeSchema } from '@/lib/credits/credits.schema';
import { paymentProvider } from '@/lib/payments/config';
import { startCheckout } from '@/lib/payments/start-checkout';

/** Starts the Family plan: a plan purchase, paid at the provider's checkout like a package. */
export const subscribeAction = parentAction(
  subscribeSchema,
  async ({ planCode, idempotencyKey }, { supabase, familyId }) => {
    const provider = await paymentProvider();
    const { data, error } = await supabase.rpc('create_purchase', {
      p_kind: 'plan',
      p_code: planCode,
      p_provider: provider.name,
      p_idempotency_key: idempotencyKey,
    });
    if (error) throw error;
    const { purchase_id: purchaseId } = data as { purchase_id: string };
    redirect(await startCheckout(supabase, provider, { purchaseId, familyId }));
  },
);
