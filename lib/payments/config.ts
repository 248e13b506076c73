import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import { supabaseServiceRoleKey } from '@/lib/supabase/service-role-env';
import type { PaymentProviderName } from './payment-event';
import type { PaymentProvider } from './provider';
import { sandboxProvider } from './sandbox-provider';
import { makeStripe } from './stripe-client';
import { stripeProvider } from './stripe-provider';

// Which payment provider runs: Stripe when both of its keys are set, otherwise the built-in sandbox.
export function stripeSettings(): { secretKey: string; webhookSecret: string; apiBase?: string } | null {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secretKey || !webhookSecret) return null;
  return { secretKey, webhookSecret, apiBase: process.env.STRIPE_API_BASE || undefined };
}

/**
 * The sandbox signs its webhooks with a secret only this server knows, derived from the service-role
 * key (which every deployment has), so nobody outside can forge a "paid" event.
 */
export function sandboxWebhookSecret(): string {
  return createHmac('sha256', supabaseServiceRoleKey()).update('tale-forge sandbox payment webhooks').digest('hex');
}

/** The app's own origin, as the browser reached it (APP_URL overrides, e.g. behind a proxy). */
export async function appOrigin(): Promise<string> {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? '127.0.0.1:3000';
  const proto =
    h.get('x-forwarded-proto') ?? (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** The provider new purchases go to. */
export async function paymentProvider(): Promise<PaymentProvider> {
  return paymentProviderNamed(stripeSettings() ? 'stripe' : 'sandbox');
}

/** The provider an existing purchase or subscription belongs to (e.g. to cancel it). */
export async function paymentProviderNamed(name: PaymentProviderName): Promise<PaymentProvider> {
  if (name === 'stripe') {
    const stripe = stripeSettings();
    if (!stripe) throw new Error('This subscription is with Stripe, but STRIPE_SECRET_KEY is not set.');
    return stripeProvider(makeStripe(stripe.secretKey, stripe.apiBase));
  }
  return sandboxProvider(await appOrigin(), sandboxWebhookSecret());
}
