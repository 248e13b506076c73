import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type Stripe from 'stripe';
import { serviceClient } from 'supabase-local/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/database.types';
import { eventsForPayment } from '@/lib/payments/sandbox-events';
import { sandboxProvider } from '@/lib/payments/sandbox-provider';
import { makeStripe } from '@/lib/payments/stripe-client';
import { stripeProvider } from '@/lib/payments/stripe-provider';
import { handleSandboxWebhook, handleStripeWebhook } from '@/lib/payments/webhook';
import { signPayload } from '@/lib/payments/webhook-signature';
import type { Parent } from '../rls/family-helpers';
import { expectInvariants, ledgerOf, newKey, signUpEmptyParent, walletOf } from './credit-helpers';
import { startStripeStandIn } from './stripe-stand-in';

// Both providers end to end at the boundary we own: the official Stripe SDK against a local stand-in
// for Stripe's API, webhooks signed with the SDK's own test header, the sandbox's own signatures, and
// the webhook handlers the routes run, applying events in the test stack's database.
const WEBHOOK_SECRET = 'whsec_test_local';
let standIn: Awaited<ReturnType<typeof startStripeStandIn>>;
let stripe: Stripe;
let admin: SupabaseClient<Database>;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  stripe = makeStripe('sk_test_local', standIn.apiBase);
  admin = serviceClient() as unknown as SupabaseClient<Database>;
});
afterAll(() => standIn.close());

async function purchase(parent: Parent, kind: 'credits' | 'plan', code: string) {
  const { data, error } = await parent.client.rpc('create_purchase', {
    p_kind: kind,
    p_code: code,
    p_provider: 'stripe',
    p_idempotency_key: newKey(),
  });
  if (error) throw error;
  return data as { purchase_id: string; price_cents: number; currency: string; credits: number };
}

/** Stripe delivering an event: the JSON body and its Stripe-Signature header from the SDK's helper. */
function stripeDelivery(
  type: string,
  object: Record<string, unknown>,
  {
    id = `evt_${randomUUID()}`,
    created = Math.floor(Date.now() / 1000),
    secret = WEBHOOK_SECRET,
    timestamp,
  }: { id?: string; created?: number; secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify({
    id,
    object: 'event',
    type,
    created,
    api_version: '2026-10-28.endive',
    data: { object },
  });
  return { payload, header: stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

const deliverToStripeRoute = ({ payload, header }: { payload: string; header: string | null }) =>
  handleStripeWebhook(payload, header, { stripe, secret: WEBHOOK_SECRET, admin });

describe('Stripe: Checkout through the SDK, webhooks verified by the SDK', () => {
  it('creates a Checkout Session for a package, idempotently per purchase', async () => {
    const parent = await signUpEmptyParent();
    const bought = await purchase(parent, 'credits', 'starter');
    const provider = stripeProvider(stripe);
    const item = {
      purchaseId: bought.purchase_id,
      familyId: parent.familyId,
      kind: 'credits' as const,
      name: 'Starter',
      priceCents: bought.price_cents,
      currency: bought.currency,
    };
    const urls = { successUrl: 'http://app.test/credits?purchase=ok', cancelUrl: 'http://app.test/credits' };
    const first = await provider.createCheckout(item, urls);
    const again = await provider.createCheckout(item, urls);
    expect(again).toEqual(first);
    const created = standIn.requests.filter((r) => r.path === '/v1/checkout/sessions');
    expect(created.at(-1)).toMatchObject({
      idempotencyKey: `checkout-${bought.purchase_id}`,
      body: {
        mode: 'payment',
        client_reference_id: bought.purchase_id,
        metadata: { purchase_id: bought.purchase_id, family_id: parent.familyId },
        line_items: [
          { quantity: '1', price_data: { currency: 'eur', unit_amount: '499', product_data: { name: 'Starter' } } },
        ],
        payment_intent_data: { metadata: { purchase_id: bought.purchase_id } },
      },
    });
  });

  it('a completed checkout credits the package once, however often Stripe delivers it', async () => {
    const parent = await signUpEmptyParent();
    const bought = await purchase(parent, 'credits', 'family');
    const session = {
      id: `cs_${randomUUID()}`,
      mode: 'payment',
      payment_status: 'paid',
      payment_intent: `pi_${randomUUID()}`,
      subscription: null,
      amount_total: bought.price_cents,
      currency: 'eur',
      metadata: { purchase_id: bought.purchase_id },
    };
    const delivery = stripeDelivery('checkout.session.completed', session);
    expect(await deliverToStripeRoute(delivery)).toMatchObject({
      status: 200,
      body: { result: { status: 'applied' } },
    });
    expect(await deliverToStripeRoute(delivery)).toMatchObject({
      status: 200,
      body: { result: { status: 'duplicate' } },
    });
    // A redelivery with a fresh event id (e.g. async_payment_succeeded for the same payment) applies nothing more.
    expect(
      await deliverToStripeRoute(stripeDelivery('checkout.session.async_payment_succeeded', session)),
    ).toMatchObject({
      body: { result: { status: 'already_applied' } },
    });
    expect((await walletOf(parent.familyId)).paid_balance).toBe(300);
    // Refunded from the Stripe dashboard: charge.refunded.
    const refund = stripeDelivery('charge.refunded', {
      id: `ch_${randomUUID()}`,
      payment_intent: session.payment_intent,
      refunds: { data: [{ id: `re_${randomUUID()}` }] },
    });
    expect(await deliverToStripeRoute(refund)).toMatchObject({ status: 200, body: { result: { status: 'applied' } } });
    expect((await walletOf(parent.familyId)).paid_balance).toBe(0);
    await expectInvariants([parent.familyId]);
  });

  it('refuses unsigned, forged, tampered and replayed deliveries with 400, applying nothing', async () => {
    const parent = await signUpEmptyParent();
    const bought = await purchase(parent, 'credits', 'starter');
    const session = {
      id: `cs_${randomUUID()}`,
      mode: 'payment',
      payment_status: 'paid',
      payment_intent: `pi_${randomUUID()}`,
      subscription: null,
      amount_total: bought.price_cents,
      currency: 'eur',
      metadata: { purchase_id: bought.purchase_id },
    };
    const genuine = stripeDelivery('checkout.session.completed', session);
    expect(await deliverToStripeRoute({ payload: genuine.payload, header: null })).toMatchObject({ status: 400 });
    expect(
      await deliverToStripeRoute(stripeDelivery('checkout.session.completed', session, { secret: 'whsec_attacker' })),
    ).toMatchObject({ status: 400 });
    expect(
      await deliverToStripeRoute({ payload: genuine.payload.replace('"paid"', '"paid" '), header: genuine.header }),
    ).toMatchObject({ status: 400 });
    expect(await deliverToStripeRoute({ payload: genuine.payload, header: 't=1,v1=deadbeef' })).toMatchObject({
      status: 400,
    });
    const old = stripeDelivery('checkout.session.completed', session, {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(await deliverToStripeRoute(old)).toMatchObject({ status: 400, body: { error: 'signature_invalid' } });
    expect((await walletOf(parent.familyId)).balance).toBe(0);
    // A signed event for a purchase we never made is taken (200) and ignored.
    const unknown = stripeDelivery('checkout.session.completed', {
      ...session,
      metadata: { purchase_id: randomUUID() },
    });
    expect(await deliverToStripeRoute(unknown)).toMatchObject({
      status: 200,
      body: { result: { status: 'ignored', reason: 'unknown_purchase' } },
    });
    // Events we do not use are acknowledged.
    expect(await deliverToStripeRoute(stripeDelivery('customer.created', { id: 'cus_1' }))).toMatchObject({
      status: 200,
      body: { result: { status: 'ignored' } },
    });
  });

  it('a subscription: invoice.paid before checkout.session.completed grants once; cancelling goes through the SDK', async () => {
    const parent = await signUpEmptyParent();
    const bought = await purchase(parent, 'plan', 'family');
    const provider = stripeProvider(stripe);
    await provider.createCheckout(
      {
        purchaseId: bought.purchase_id,
        familyId: parent.familyId,
        kind: 'plan',
        name: 'Family plan',
        priceCents: bought.price_cents,
        currency: bought.currency,
        planCode: 'family',
      },
      { successUrl: 'http://app.test/credits', cancelUrl: 'http://app.test/credits' },
    );
    expect(standIn.requests.at(-1)?.body).toMatchObject({
      mode: 'subscription',
      line_items: [{ price_data: { recurring: { interval: 'month' }, unit_amount: '799' } }],
      subscription_data: {
        metadata: { family_id: parent.familyId, plan_code: 'family', purchase_id: bought.purchase_id },
      },
    });
    const subscriptionId = `sub_${randomUUID()}`;
    const now = Math.floor(Date.now() / 1000);
    const invoice = {
      id: `in_${randomUUID()}`,
      parent: {
        subscription_details: {
          subscription: subscriptionId,
          metadata: { family_id: parent.familyId, plan_code: 'family' },
        },
      },
      lines: { data: [{ period: { start: now, end: now + 30 * 86_400 } }] },
    };
    const session = {
      id: `cs_${randomUUID()}`,
      mode: 'subscription',
      payment_status: 'paid',
      payment_intent: null,
      subscription: subscriptionId,
      amount_total: 799,
      currency: 'eur',
      metadata: { purchase_id: bought.purchase_id },
    };
    const invoicePaid = stripeDelivery('invoice.paid', invoice, { created: now });
    const completed = stripeDelivery('checkout.session.completed', session, { created: now - 1 });
    const results = await Promise.all([
      deliverToStripeRoute(invoicePaid),
      deliverToStripeRoute(invoicePaid),
      deliverToStripeRoute(completed),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(
      (await ledgerOf(parent.familyId)).filter((r) => r.reason === 'plan_grant').map((r) => r.granted_delta),
    ).toEqual([300]);
    const { data: plan } = await parent.client.rpc('get_my_plan');
    expect(plan).toMatchObject({ plan: { code: 'family' }, subscription: { provider: 'stripe', status: 'active' } });

    await provider.cancelAtPeriodEnd(subscriptionId);
    expect(standIn.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/subscriptions/${subscriptionId}`,
      body: { cancel_at_period_end: 'true' },
    });
    await deliverToStripeRoute(
      stripeDelivery(
        'customer.subscription.updated',
        { id: subscriptionId, status: 'active', cancel_at_period_end: true },
        { created: now + 5 },
      ),
    );
    expect(
      ((await parent.client.rpc('get_my_plan')).data as { subscription: { cancel_at_period_end: boolean } })
        .subscription.cancel_at_period_end,
    ).toBe(true);
    await deliverToStripeRoute(stripeDelivery('invoice.payment_failed', invoice, { created: now + 2 })); // older than the update: ignored
    await deliverToStripeRoute(
      stripeDelivery(
        'customer.subscription.deleted',
        { id: subscriptionId, status: 'canceled', cancel_at_period_end: true },
        { created: now + 10 },
      ),
    );
    expect(((await parent.client.rpc('get_my_plan')).data as { plan: { code: string } }).plan.code).toBe('free');
    await expectInvariants([parent.familyId]);
  });
});

describe('sandbox: its own signed webhooks, the same path after them', () => {
  const SECRET = 'sandbox-secret-for-tests';
  const deliver = (payload: string, header: string | null) =>
    handleSandboxWebhook(payload, header, { secret: SECRET, admin });

  it('a successful test card pays once; forged, unsigned, expired and malformed deliveries are refused', async () => {
    const parent = await signUpEmptyParent();
    const { data } = await parent.client.rpc('create_purchase', {
      p_kind: 'credits',
      p_code: 'starter',
      p_provider: 'sandbox',
      p_idempotency_key: newKey(),
    });
    const bought = data as { purchase_id: string; price_cents: number; currency: string };
    const [event] = eventsForPayment(
      {
        id: bought.purchase_id,
        familyId: parent.familyId,
        kind: 'credits',
        priceCents: bought.price_cents,
        currency: bought.currency,
        planCode: null,
      },
      'success',
    );
    const body = JSON.stringify(event);
    expect(await deliver(body, null)).toMatchObject({ status: 400, body: { error: 'signature_missing' } });
    expect(await deliver(body, signPayload(body, 'not-our-secret'))).toMatchObject({
      status: 400,
      body: { error: 'signature_mismatch' },
    });
    expect(await deliver(body, signPayload(body, SECRET, Math.floor(Date.now() / 1000) - 301))).toMatchObject({
      status: 400,
      body: { error: 'signature_expired' },
    });
    expect(await deliver('{not json', signPayload('{not json', SECRET))).toMatchObject({ status: 400 });
    const wrongShape = JSON.stringify({ ...event, provider: 'stripe' });
    expect(await deliver(wrongShape, signPayload(wrongShape, SECRET))).toMatchObject({
      status: 400,
      body: { error: 'malformed_event' },
    });
    expect((await walletOf(parent.familyId)).balance).toBe(0);
    const signed = signPayload(body, SECRET);
    expect(await deliver(body, signed)).toMatchObject({ status: 200, body: { result: { status: 'applied' } } });
    expect(await deliver(body, signed)).toMatchObject({ status: 200, body: { result: { status: 'duplicate' } } });
    expect((await walletOf(parent.familyId)).paid_balance).toBe(100);
  });

  it('a declined card leaves the purchase payable; the sandbox checkout is our own page', async () => {
    const parent = await signUpEmptyParent();
    const { data } = await parent.client.rpc('create_purchase', {
      p_kind: 'credits',
      p_code: 'starter',
      p_provider: 'sandbox',
      p_idempotency_key: newKey(),
    });
    const bought = data as { purchase_id: string; price_cents: number; currency: string };
    const purchaseInfo = {
      id: bought.purchase_id,
      familyId: parent.familyId,
      kind: 'credits' as const,
      priceCents: bought.price_cents,
      currency: bought.currency,
      planCode: null,
    };
    for (const event of eventsForPayment(purchaseInfo, 'insufficient_funds')) {
      const body = JSON.stringify(event);
      expect(await deliver(body, signPayload(body, SECRET))).toMatchObject({ status: 200 });
    }
    const { data: row } = await parent.client
      .from('purchases')
      .select('status, failure_reason')
      .eq('id', bought.purchase_id)
      .single();
    expect(row).toEqual({ status: 'failed', failure_reason: 'insufficient_funds' });
    const checkout = await sandboxProvider('http://app.test', SECRET).createCheckout(
      {
        purchaseId: bought.purchase_id,
        familyId: parent.familyId,
        kind: 'credits',
        name: 'Starter',
        priceCents: 499,
        currency: 'eur',
      },
      { successUrl: '', cancelUrl: '' },
    );
    expect(checkout.url).toBe(`http://app.test/checkout/sandbox/${bought.purchase_id}`);
    expect((await walletOf(parent.familyId)).balance).toBe(0);
  });
});
