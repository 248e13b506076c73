import type { PaymentProviderName } from './payment-event';

/** What a provider needs to take payment for one purchase (a credit package or the first month of a plan). */
export type CheckoutItem = {
  purchaseId: string;
  familyId: string;
  kind: 'credits' | 'plan';
  name: string;
  priceCents: number;
  currency: string;
  planCode?: string;
};

export type CheckoutUrls = { successUrl: string; cancelUrl: string };

/**
 * A payment provider: the built-in sandbox (default) or Stripe. Both report back only through signed
 * webhooks to our own routes, which end in the same database function (lib/payments/webhook.ts).
 */
export interface PaymentProvider {
  name: PaymentProviderName;
  createCheckout(item: CheckoutItem, urls: CheckoutUrls): Promise<{ sessionId: string; url: string }>;
  /** Ends the plan at the end of the paid period (the provider confirms with an event). */
  cancelAtPeriodEnd(subscriptionId: string): Promise<void>;
}
