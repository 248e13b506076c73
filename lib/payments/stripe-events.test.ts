import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { fromStripeEvent } from './stripe-events';

const event = (type: string, object: Record<string, unknown>) =>
  ({ id: 'evt_1', type, created: 1_900_000_000, data: { object } }) as unknown as Stripe.Event;

describe('fromStripeEvent', () => {
  const session = {
    id: 'cs_1',
    mode: 'payment',
    payment_status: 'paid',
    payment_intent: 'pi_1',
    subscription: null,
    amount_total: 499,
    currency: 'eur',
    metadata: { purchase_id: 'p1' },
  };

  it('maps a paid checkout to purchase_paid, keyed by the payment intent (or the subscription)', () => {
    expect(fromStripeEvent(event('checkout.session.completed', session))).toEqual({
      provider: 'stripe',
      eventId: 'evt_1',
      occurredAt: new Date(1_900_000_000_000).toISOString(),
      type: 'purchase_paid',
      data: { purchase_id: 'p1', external_tx_id: 'pi_1', amount_cents: 499, currency: 'eur' },
    });
    expect(
      fromStripeEvent(
        event('checkout.session.completed', { ...session, mode: 'subscription', subscription: { id: 'sub_1' } }),
      )?.data,
    ).toMatchObject({
      external_tx_id: 'sub_1',
    });
  });

  it('ignores unpaid checkouts, sessions without our purchase and events we do not use', () => {
    expect(fromStripeEvent(event('checkout.session.completed', { ...session, payment_status: 'unpaid' }))).toBeNull();
    expect(fromStripeEvent(event('checkout.session.completed', { ...session, metadata: {} }))).toBeNull();
    expect(fromStripeEvent(event('customer.created', { id: 'cus_1' }))).toBeNull();
  });

  it('maps failures, refunds, invoices and subscription changes', () => {
    expect(
      fromStripeEvent(
        event('payment_intent.payment_failed', {
          id: 'pi_1',
          metadata: { purchase_id: 'p1' },
          last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds' },
        }),
      )?.data,
    ).toEqual({
      purchase_id: 'p1',
      reason: 'insufficient_funds',
    });
    expect(
      fromStripeEvent(
        event('charge.refunded', { id: 'ch_1', payment_intent: 'pi_1', refunds: { data: [{ id: 're_1' }] } }),
      )?.data,
    ).toEqual({
      external_tx_id: 'pi_1',
      refund_id: 're_1',
    });
    const invoice = {
      id: 'in_1',
      parent: { subscription_details: { subscription: 'sub_1', metadata: { family_id: 'f1', plan_code: 'family' } } },
      lines: { data: [{ period: { start: 1_900_000_000, end: 1_902_592_000 } }] },
    };
    expect(fromStripeEvent(event('invoice.paid', invoice))).toMatchObject({
      type: 'subscription_renewed',
      data: { subscription_id: 'sub_1', family_id: 'f1', invoice_id: 'in_1' },
    });
    expect(fromStripeEvent(event('invoice.payment_failed', invoice))?.data).toEqual({
      subscription_id: 'sub_1',
      status: 'past_due',
    });
    expect(
      fromStripeEvent(
        event('customer.subscription.updated', { id: 'sub_1', status: 'unpaid', cancel_at_period_end: true }),
      )?.data,
    ).toEqual({
      subscription_id: 'sub_1',
      status: 'past_due',
      cancel_at_period_end: true,
    });
    expect(
      fromStripeEvent(
        event('customer.subscription.deleted', { id: 'sub_1', status: 'canceled', cancel_at_period_end: false }),
      )?.data,
    ).toMatchObject({ status: 'canceled' });
  });

  it('throws on a malformed object (the route answers 400)', () => {
    expect(() => fromStripeEvent(event('charge.refunded', { payment_intent: 'pi_1' }))).toThrow();
  });
});
