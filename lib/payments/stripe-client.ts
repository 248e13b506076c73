import Stripe from 'stripe';

/**
 * The official SDK. `apiBase` (STRIPE_API_BASE, e.g. http://127.0.0.1:12111) points it at another
 * server speaking Stripe's API, such as the tests' local stand-in; unset, it talks to Stripe.
 */
export function makeStripe(secretKey: string, apiBase?: string): Stripe {
  if (!apiBase) return new Stripe(secretKey, { maxNetworkRetries: 2 });
  const url = new URL(apiBase);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 0,
  });
}
