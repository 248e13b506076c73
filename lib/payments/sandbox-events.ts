import { randomUUID } from 'node:crypto';
import type { PaymentEvent } from './payment-event';
import type { CardOutcome } from './sandbox-cards';
import { signPayload } from './webhook-signature';

export type SandboxPurchase = {
  id: string;
  familyId: string;
  kind: 'credits' | 'plan';
  priceCents: number;
  currency: string;
  planCode: string | null;
};

/**
 * The events the sandbox's "payment network" reports for one payment attempt, as Stripe would: a paid
 * purchase (and, for a plan, its first paid month), or a failed attempt.
 */
export function eventsForPayment(purchase: SandboxPurchase, outcome: CardOutcome, now = new Date()): PaymentEvent[] {
  const base = { provider: 'sandbox' as const, occurredAt: now.toISOString() };
  if (outcome !== 'success') {
    return [
      {
        ...base,
        eventId: `sbx_evt_${randomUUID()}`,
        type: 'purchase_failed',
        data: { purchase_id: purchase.id, reason: outcome },
      },
    ];
  }
  if (purchase.kind === 'credits') {
    return [
      {
        ...base,
        eventId: `sbx_evt_${randomUUID()}`,
        type: 'purchase_paid',
        data: {
          purchase_id: purchase.id,
          external_tx_id: `sbx_pi_${randomUUID()}`,
          amount_cents: purchase.priceCents,
          currency: purchase.currency,
        },
      },
    ];
  }
  const subscriptionId = `sbx_sub_${randomUUID()}`;
  const periodEnd = new Date(now);
  periodEnd.setUTCMonth(periodEnd.getUTCMonth() + 1);
  return [
    {
      ...base,
      eventId: `sbx_evt_${randomUUID()}`,
      type: 'purchase_paid',
      data: {
        purchase_id: purchase.id,
        external_tx_id: subscriptionId,
        amount_cents: purchase.priceCents,
        currency: purchase.currency,
      },
    },
    {
      ...base,
      eventId: `sbx_evt_${randomUUID()}`,
      type: 'subscription_renewed',
      data: {
        subscription_id: subscriptionId,
        family_id: purchase.familyId,
        plan_code: purchase.planCode,
        period_start: now.toISOString(),
        period_end: periodEnd.toISOString(),
        invoice_id: `sbx_in_${randomUUID()}`,
      },
    },
  ];
}

export function cancelEvent(subscriptionId: string, now = new Date()): PaymentEvent {
  return {
    provider: 'sandbox',
    eventId: `sbx_evt_${randomUUID()}`,
    occurredAt: now.toISOString(),
    type: 'subscription_updated',
    data: { subscription_id: subscriptionId, cancel_at_period_end: true },
  };
}

/** Sends events to our own sandbox webhook route, signed, one request each, as a provider does. */
export async function deliverSandboxEvents(webhookUrl: string, secret: string, events: PaymentEvent[]): Promise<void> {
  for (const event of events) {
    const body = JSON.stringify(event);
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sandbox-signature': signPayload(body, secret) },
      body,
    });
    if (!response.ok) throw new Error(`sandbox webhook answered ${response.status}: ${await response.text()}`);
  }
}
