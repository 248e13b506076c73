import type Stripe from 'stripe';
import { z } from 'zod';
import type { PaymentEvent } from './payment-event';

// Stripe's events, translated into our PaymentEvent. Only the fields we use are read, through zod, so
// an API version that moves other fields around cannot break us; events we do not use map to null.
const metadata = z.record(z.string(), z.string()).nullish();
const id = (value: unknown) => (typeof value === 'string' ? value : ((value as { id?: string } | null)?.id ?? null));

const checkoutSession = z.object({
  id: z.string(),
  mode: z.string(),
  payment_status: z.string(),
  payment_intent: z.unknown(),
  subscription: z.unknown(),
  amount_total: z.number().nullable(),
  currency: z.string().nullable(),
  metadata,
});

const paymentIntent = z.object({
  id: z.string(),
  metadata,
  last_payment_error: z.object({ code: z.string().nullish(), decline_code: z.string().nullish() }).nullish(),
});

const charge = z.object({
  id: z.string(),
  payment_intent: z.unknown(),
  refunds: z.object({ data: z.array(z.object({ id: z.string() })) }).nullish(),
});

const invoice = z.object({
  id: z.string(),
  parent: z
    .object({
      subscription_details: z.object({ subscription: z.unknown(), metadata }).nullish(),
    })
    .nullish(),
  lines: z.object({ data: z.array(z.object({ period: z.object({ start: z.number(), end: z.number() }) })) }),
});

const subscription = z.object({ id: z.string(), status: z.string(), cancel_at_period_end: z.boolean() });

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const SUBSCRIPTION_STATUS: Record<string, 'active' | 'past_due' | 'canceled' | undefined> = {
  active: 'active',
  trialing: 'active',
  past_due: 'past_due',
  unpaid: 'past_due',
  canceled: 'canceled',
  incomplete_expired: 'canceled',
};

export function fromStripeEvent(event: Stripe.Event): PaymentEvent | null {
  const base = { provider: 'stripe' as const, eventId: event.id, occurredAt: iso(event.created) };
  const object: unknown = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = checkoutSession.parse(object);
      const purchaseId = session.metadata?.purchase_id;
      // "unpaid" means a delayed payment method: async_payment_succeeded follows.
      if (!purchaseId || session.payment_status !== 'paid') return null;
      const externalTxId = session.mode === 'subscription' ? id(session.subscription) : id(session.payment_intent);
      if (!externalTxId) return null;
      return {
        ...base,
        type: 'purchase_paid',
        data: {
          purchase_id: purchaseId,
          external_tx_id: externalTxId,
          amount_cents: session.amount_total ?? 0,
          currency: session.currency ?? '',
        },
      };
    }
    case 'checkout.session.async_payment_failed': {
      const session = checkoutSession.parse(object);
      const purchaseId = session.metadata?.purchase_id;
      return purchaseId
        ? { ...base, type: 'purchase_failed', data: { purchase_id: purchaseId, reason: 'payment_failed' } }
        : null;
    }
    case 'payment_intent.payment_failed': {
      const intent = paymentIntent.parse(object);
      const purchaseId = intent.metadata?.purchase_id;
      const reason = intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? 'payment_failed';
      return purchaseId ? { ...base, type: 'purchase_failed', data: { purchase_id: purchaseId, reason } } : null;
    }
    case 'charge.refunded': {
      const refunded = charge.parse(object);
      const intentId = id(refunded.payment_intent);
      if (!intentId) return null;
      return {
        ...base,
        type: 'purchase_refunded',
        data: { external_tx_id: intentId, refund_id: refunded.refunds?.data[0]?.id ?? event.id },
      };
    }
    case 'invoice.paid': {
      const paid = invoice.parse(object);
      const details = paid.parent?.subscription_details;
      const subscriptionId = id(details?.subscription);
      const period = paid.lines.data[0]?.period;
      if (!subscriptionId || !period) return null;
      return {
        ...base,
        type: 'subscription_renewed',
        data: {
          subscription_id: subscriptionId,
          family_id: details?.metadata?.family_id ?? null,
          plan_code: details?.metadata?.plan_code ?? null,
          period_start: iso(period.start),
          period_end: iso(period.end),
          invoice_id: paid.id,
        },
      };
    }
    case 'invoice.payment_failed': {
      const subscriptionId = id(invoice.parse(object).parent?.subscription_details?.subscription);
      return subscriptionId
        ? { ...base, type: 'subscription_updated', data: { subscription_id: subscriptionId, status: 'past_due' } }
        : null;
    }
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const sub = subscription.parse(object);
      return {
        ...base,
        type: 'subscription_updated',
        data: {
          subscription_id: sub.id,
          status: event.type === 'customer.subscription.deleted' ? 'canceled' : SUBSCRIPTION_STATUS[sub.status],
          cancel_at_period_end: sub.cancel_at_period_end,
        },
      };
    }
    default:
      return null;
  }
}
