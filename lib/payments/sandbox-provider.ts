import type { PaymentProvider } from './provider';
import { cancelEvent, deliverSandboxEvents } from './sandbox-events';

/**
 * The built-in sandbox: checkout is our own page (/checkout/sandbox/<purchase>) with test cards, and
 * the outcome reaches us as a signed webhook to /api/webhooks/sandbox, like a real provider's.
 */
export function sandboxProvider(appOrigin: string, secret: string): PaymentProvider {
  return {
    name: 'sandbox',
    async createCheckout(item) {
      return { sessionId: `sbx_cs_${item.purchaseId}`, url: `${appOrigin}/checkout/sandbox/${item.purchaseId}` };
    },
    async cancelAtPeriodEnd(subscriptionId) {
      await deliverSandboxEvents(sandboxWebhookUrl(appOrigin), secret, [cancelEvent(subscriptionId)]);
    },
  };
}

export const sandboxWebhookUrl = (appOrigin: string) => `${appOrigin}/api/webhooks/sandbox`;
