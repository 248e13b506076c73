import { stripeSettings } from '@/lib/payments/config';
import { makeStripe } from '@/lib/payments/stripe-client';
import { handleStripeWebhook } from '@/lib/payments/webhook';
import { createAdminClient } from '@/lib/supabase/admin';

// Stripe's webhook endpoint (configure it in the Stripe dashboard with the events listed in README).
export async function POST(request: Request) {
  const settings = stripeSettings();
  if (!settings) return Response.json({ received: false, error: 'stripe_not_configured' }, { status: 404 });
  const { status, body } = await handleStripeWebhook(await request.text(), request.headers.get('stripe-signature'), {
    stripe: makeStripe(settings.secretKey, settings.apiBase),
    secret: settings.webhookSecret,
    admin: createAdminClient(),
  });
  return Response.json(body, { status });
}
