import type { SupabaseClient } from '@supabase/supabase-js';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { Database } from '@/lib/database.types';
import { type ApplyResult, applyPaymentEvent, type PaymentEvent } from './payment-event';
import { fromStripeEvent } from './stripe-events';
import { verifySignature } from './webhook-signature';

// The webhook routes' logic, for both providers: verify the signature over the raw body, translate the
// event, apply it through the one database function. 400 for anything unsigned, forged or replayed
// (nothing is applied); 200 once the database has the event (also for duplicates and events we ignore,
// so the provider stops retrying); 500 when the database could not take it (the provider retries).
export type WebhookResponse = { status: number; body: { received: boolean; result?: ApplyResult; error?: string } };

type Admin = SupabaseClient<Database>;

async function apply(admin: Admin, event: PaymentEvent | null): Promise<WebhookResponse> {
  if (!event)
    return { status: 200, body: { received: true, result: { status: 'ignored', reason: 'unused_event_type' } } };
  try {
    return { status: 200, body: { received: true, result: await applyPaymentEvent(admin, event) } };
  } catch (error) {
    console.error('Payment event could not be applied', event.provider, event.eventId, error);
    return { status: 500, body: { received: false, error: 'not_applied' } };
  }
}

const sandboxEvent = z.object({
  provider: z.literal('sandbox'),
  eventId: z.string().min(1).max(255),
  type: z.enum([
    'purchase_paid',
    'purchase_failed',
    'purchase_refunded',
    'subscription_renewed',
    'subscription_updated',
  ]),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});

export async function handleSandboxWebhook(
  rawBody: string,
  signature: string | null,
  { secret, admin }: { secret: string; admin: Admin },
): Promise<WebhookResponse> {
  const check = verifySignature(rawBody, signature, secret);
  if (!check.ok) return { status: 400, body: { received: false, error: `signature_${check.reason}` } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { received: false, error: 'malformed_body' } };
  }
  const event = sandboxEvent.safeParse(parsed);
  if (!event.success) return { status: 400, body: { received: false, error: 'malformed_event' } };
  return apply(admin, event.data as PaymentEvent);
}

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  { stripe, secret, admin }: { stripe: Stripe; secret: string; admin: Admin },
): Promise<WebhookResponse> {
  if (!signature) return { status: 400, body: { received: false, error: 'signature_missing' } };
  let event: Stripe.Event;
  try {
    // Checks the signature and the timestamp (Stripe's default tolerance, 300 s) over the raw body.
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: { received: false, error: 'signature_invalid' } };
  }
  let translated: PaymentEvent | null;
  try {
    translated = fromStripeEvent(event);
  } catch {
    return { status: 400, body: { received: false, error: 'malformed_event' } };
  }
  return apply(admin, translated);
}
