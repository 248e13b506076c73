'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, parentAction } from '@/lib/actions/action';
import { cancelPlanSchema } from '@/lib/credits/credits.schema';
import { paymentProviderNamed } from '@/lib/payments/config';
import type { PaymentProviderName } from '@/lib/payments/payment-event';

/** Asks the subscription's provider to end it with the paid period; its event updates our row. */
export const cancelPlanAction = parentAction(cancelPlanSchema, async ({ subscriptionId }, { supabase }) => {
  const { data: subscription, error } = await supabase
    .from('subscriptions')
    .select('provider, provider_subscription_id, status')
    .eq('id', subscriptionId)
    .maybeSingle();
  if (error) throw error;
  if (!subscription || subscription.status === 'canceled') throw new ActionError('That plan has already ended.');
  const provider = await paymentProviderNamed(subscription.provider as PaymentProviderName);
  await provider.cancelAtPeriodEnd(subscription.provider_subscription_id);
  revalidatePath('/credits');
  return { cancelled: true };
});
