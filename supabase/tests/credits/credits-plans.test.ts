import { randomUUID } from 'node:crypto';
import { adminQuery, serviceClient } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { expectError, type Parent, signUpParent } from '../rls/family-helpers';
import { createGuest, expectInvariants, ledgerOf, newKey, signUpEmptyParent, walletOf } from './credit-helpers';

// Plans: what each includes (one table), enforced in the database; subscriptions from provider events
// (renewals, failed payments, cancellations) in any order; monthly grants expiring at the period's end.
const DAY = 86_400_000;

async function event(type: string, data: Record<string, unknown>, occurredAt: Date, eventId = `evt_${randomUUID()}`) {
  const { data: result, error } = await serviceClient().rpc('apply_payment_event', {
    p_provider: 'stripe',
    p_event_id: eventId,
    p_type: type,
    p_occurred_at: occurredAt.toISOString(),
    p_data: data,
  });
  if (error) throw error;
  return result as { status: string; reason?: string };
}

function renewal(parent: Parent, subscriptionId: string, start: Date, invoiceId = `in_${randomUUID()}`) {
  return {
    subscription_id: subscriptionId,
    family_id: parent.familyId,
    plan_code: 'family',
    period_start: start.toISOString(),
    period_end: new Date(start.getTime() + 30 * DAY).toISOString(),
    invoice_id: invoiceId,
  };
}

async function planOf(parent: Parent) {
  const { data } = await parent.client.rpc('get_my_plan');
  return data as { plan: { code: string }; subscription: { status: string; cancel_at_period_end: boolean } | null };
}

describe('plans and features', () => {
  it('lists every plan and its features in one public table', async () => {
    const { data } = await serviceClient().from('plan_features').select('feature, enabled, limit_value, plans(code)');
    const byPlan = (code: string) =>
      (data ?? [])
        .filter((f) => (f.plans as unknown as { code: string }).code === code)
        .map((f) => f.feature)
        .sort();
    expect(byPlan('guest')).toContain('create_stories');
    expect(byPlan('family')).toEqual(expect.arrayContaining(['premium_models', 'live_sessions', 'buy_credits']));
    expect(byPlan('free')).not.toContain('premium_models');
  });

  it('require_plan_feature enforces enabled features and monthly limits per plan', async () => {
    const free = await signUpEmptyParent();
    const check = (familyId: string, feature: string, used: number) =>
      adminQuery('select private.require_plan_feature($1, $2, $3)', [familyId, feature, used]).then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(await check(free.familyId, 'create_stories', 4)).toBe('ok');
    expect(await check(free.familyId, 'create_stories', 5)).toBe('plan_limit_reached');
    expect(await check(free.familyId, 'premium_models', 0)).toBe('plan_feature_unavailable');
    expect(await check(free.familyId, 'no_such_feature', 0)).toBe('plan_feature_unavailable');
    const guest = await createGuest();
    expect(await check(guest.familyId, 'create_stories', 0)).toBe('ok');
    expect(await check(guest.familyId, 'create_stories', 1)).toBe('plan_limit_reached');
    expect(await check(guest.familyId, 'buy_credits', 0)).toBe('plan_feature_unavailable');
  });
});

describe('subscriptions from provider events', () => {
  it('a paid period makes the family Family-plan, grants its credits once, expiring at the period end', async () => {
    const parent = await signUpEmptyParent();
    expect((await planOf(parent)).plan.code).toBe('free');
    const sub = `sub_${randomUUID()}`;
    const start = new Date(Date.now() - DAY);
    const first = renewal(parent, sub, start);
    expect(await event('subscription_renewed', first, start)).toMatchObject({ status: 'applied' });
    expect(await event('subscription_renewed', first, start)).toMatchObject({ status: 'applied' }); // new event id, same invoice
    expect((await planOf(parent)).plan.code).toBe('family');
    expect(await walletOf(parent.familyId)).toMatchObject({ granted_balance: 300 });
    const [lot] = await adminQuery<{ expires_at: Date }>(
      `select expires_at from public.credit_grants where family_id = $1 and ledger_id not in (select id from public.credit_ledger where external_tx_id like 'free:%')`,
      [parent.familyId],
    );
    expect(lot.expires_at.toISOString()).toBe(first.period_end);
    // Subscribing again while on the plan is refused.
    expectError(
      await parent.client.rpc('create_purchase', {
        p_kind: 'plan',
        p_code: 'family',
        p_provider: 'stripe',
        p_idempotency_key: newKey(),
      }),
      'already_subscribed',
    );
    await expectInvariants([parent.familyId]);
  });

  it('renewals, a failed payment, cancellation: newest event wins, old ones arriving late change nothing', async () => {
    const parent = await signUpEmptyParent();
    const sub = `sub_${randomUUID()}`;
    const t0 = new Date(Date.now() - 40 * DAY);
    const t1 = new Date(t0.getTime() + 30 * DAY);
    await event('subscription_renewed', renewal(parent, sub, t0), t0);
    // The second period's renewal arrives before a stale "payment failed" from the first period.
    await event('subscription_renewed', renewal(parent, sub, t1), t1);
    expect(
      await event('subscription_updated', { subscription_id: sub, status: 'past_due' }, new Date(t0.getTime() + DAY)),
    ).toMatchObject({
      reason: 'stale_event',
    });
    expect((await planOf(parent)).subscription?.status).toBe('active');
    // A real failed payment later, then the cancellation, then a late renewal-failed event.
    const t2 = new Date(Date.now() - DAY);
    await event('subscription_updated', { subscription_id: sub, status: 'past_due' }, t2);
    expect((await planOf(parent)).subscription?.status).toBe('past_due');
    expect((await planOf(parent)).plan.code).toBe('family'); // kept until the period ends
    await event(
      'subscription_updated',
      { subscription_id: sub, cancel_at_period_end: true },
      new Date(t2.getTime() + 1000),
    );
    expect((await planOf(parent)).subscription?.cancel_at_period_end).toBe(true);
    await event('subscription_updated', { subscription_id: sub, status: 'canceled' }, new Date());
    expect(
      await event('subscription_updated', { subscription_id: sub, status: 'active' }, new Date(Date.now() + 1000)),
    ).toMatchObject({
      reason: 'already_canceled',
    });
    expect((await planOf(parent)).plan.code).toBe('free');
    // Two paid periods: two grants, each once.
    expect(
      (await ledgerOf(parent.familyId)).filter((r) => r.reason === 'plan_grant').map((r) => r.granted_delta),
    ).toEqual([300, 300]);
    await expectInvariants([parent.familyId]);
  });

  it('unknown subscriptions and families, bad periods and unpurchasable plans are ignored', async () => {
    const parent = await signUpEmptyParent();
    const now = new Date();
    expect(await event('subscription_updated', { subscription_id: 'sub_nope', status: 'canceled' }, now)).toMatchObject(
      {
        reason: 'unknown_subscription',
      },
    );
    expect(
      await event(
        'subscription_renewed',
        { ...renewal(parent, `sub_${randomUUID()}`, now), family_id: randomUUID() },
        now,
      ),
    ).toMatchObject({
      reason: 'unknown_subscription',
    });
    expect(
      await event('subscription_renewed', { ...renewal(parent, `sub_${randomUUID()}`, now), plan_code: 'free' }, now),
    ).toMatchObject({
      reason: 'unknown_subscription',
    });
    expect(
      await event(
        'subscription_renewed',
        { ...renewal(parent, `sub_${randomUUID()}`, now), period_end: now.toISOString() },
        now,
      ),
    ).toMatchObject({ reason: 'invalid_period' });
    expect((await walletOf(parent.familyId)).balance).toBe(0);
  });
});

describe('monthly plan grants (the worker task)', () => {
  it('gives each free family its month once; renews due sandbox subscriptions and ends cancelled ones', async () => {
    const free = await signUpParent();
    const subscriber = await signUpEmptyParent();
    const leaving = await signUpEmptyParent();
    const guest = await createGuest();
    const past = new Date(Date.now() - 31 * DAY);
    const subA = `sandbox_sub_${randomUUID()}`;
    const subB = `sandbox_sub_${randomUUID()}`;
    for (const [parent, sub] of [
      [subscriber, subA],
      [leaving, subB],
    ] as const) {
      await serviceClient().rpc('apply_payment_event', {
        p_provider: 'sandbox',
        p_event_id: `evt_${randomUUID()}`,
        p_type: 'subscription_renewed',
        p_occurred_at: past.toISOString(),
        p_data: renewal(parent, sub, past),
      });
    }
    await adminQuery(
      'update public.subscriptions set cancel_at_period_end = true where provider_subscription_id = $1',
      [subB],
    );

    const run = () =>
      adminQuery<{ result: { free_grants: number; sandbox_renewals: number } }>(
        'select private.run_monthly_plan_grants() as result',
      );
    await run();
    await run();
    const grants = async (familyId: string) =>
      (await ledgerOf(familyId)).filter((r) => r.reason === 'plan_grant').map((r) => r.granted_delta);
    const freeMonths = async (familyId: string) =>
      (
        await adminQuery('select 1 from public.credit_ledger where family_id = $1 and external_tx_id like $2', [
          familyId,
          'free:%',
        ])
      ).length;
    // The sign-up gave the free family this month's credits; running the job twice adds nothing.
    expect(await freeMonths(free.familyId)).toBe(1);
    expect(await walletOf(free.familyId)).toMatchObject({ granted_balance: 10 });
    expect(await freeMonths(guest.familyId)).toBe(0);
    expect(await grants(subscriber.familyId)).toEqual([300, 300]);
    expect((await planOf(subscriber)).plan.code).toBe('family');
    // The cancelled one ended at its period's end and is back on Free (its month was granted at sign-up).
    expect((await planOf(leaving)).plan.code).toBe('free');
    expect(await grants(leaving.familyId)).toEqual([300]);
    expect(await freeMonths(leaving.familyId)).toBe(1);
    // Next month, the job grants the free families again (and not the subscriber).
    const nextMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 2)).toISOString();
    await adminQuery('select private.grant_free_month($1, $2)', [free.familyId, nextMonth]);
    await adminQuery('select private.grant_free_month($1, $2)', [free.familyId, nextMonth]);
    await adminQuery('select private.grant_free_month($1, $2)', [subscriber.familyId, nextMonth]);
    expect(await freeMonths(free.familyId)).toBe(2);
    expect(await freeMonths(subscriber.familyId)).toBe(1);
    await expectInvariants([free.familyId, subscriber.familyId, leaving.familyId, guest.familyId]);
  });
});
