import type Stripe from 'stripe';
import type { PaymentProvider } from './provider';

/** Stripe Checkout for packages (one payment) and the Family plan (Stripe Billing subscription). */
export function stripeProvider(stripe: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    async createCheckout(item, { successUrl, cancelUrl }) {
      const metadata = { purchase_id: item.purchaseId, family_id: item.familyId, plan_code: item.planCode ?? '' };
      const session = await stripe.checkout.sessions.create(
        {
          mode: item.kind === 'plan' ? 'subscription' : 'payment',
          client_reference_id: item.purchaseId,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: item.currency,
                unit_amount: item.priceCents,
                product_data: { name: item.name },
                ...(item.kind === 'plan' ? { recurring: { interval: 'month' as const } } : {}),
              },
            },
          ],
          metadata,
          ...(item.kind === 'plan' ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
          success_url: successUrl,
          cancel_url: cancelUrl,
        },
        // A repeated request for the same purchase gets the same session back from Stripe.
        { idempotencyKey: `checkout-${item.purchaseId}` },
      );
      if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
      return { sessionId: session.id, url: session.url };
    },
    async cancelAtPeriodEnd(subscriptionId) {
      await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    },
  };
}
