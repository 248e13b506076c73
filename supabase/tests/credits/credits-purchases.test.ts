import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { adminQuery, anonClient, type FreshDatabase, serviceClient } from 'supabase-local/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { addChild, expectError, type Parent } from '../rls/family-helpers';
import { withMigratedDatabase } from '../setup/migrated-database';
import { callAs, createGuest, expectInvariants, ledgerOf, newKey, signUpEmptyParent, walletOf } from './credit-helpers';

// Purchases from creation to the provider's events, all through private.apply_payment_event(): each
// external transaction applies once whatever the number and order of deliveries; founders 1..500.
type Purchase = { purchase_id: string; credits: number; price_cents: number; currency: string };

async function createPurchase(parent: Parent, code = 'starter', key = newKey()) {
  const { data, error } = await parent.client.rpc('create_purchase', {
    p_kind: 'credits',
    p_code: code,
    p_provider: 'sandbox',
    p_idempotency_key: key,
  });
  if (error) throw error;
  return data as Purchase;
}

/** What the webhook route does after verifying a signature: the service role applies the event. */
async function deliver(
  type: string,
  data: Record<string, unknown>,
  eventId = `evt_${randomUUID()}`,
  provider = 'sandbox',
) {
  const { data: result, error } = await serviceClient().rpc('apply_payment_event', {
    p_provider: provider,
    p_event_id: eventId,
    p_type: type,
    p_occurred_at: new Date().toISOString(),
    p_data: data,
  });
  if (error) throw error;
  return result as { status: string; reason?: string; founder_number?: number | null };
}

const paid = (p: Purchase, tx = `pi_${randomUUID()}`) => ({
  purchase_id: p.purchase_id,
  external_tx_id: tx,
  amount_cents: p.price_cents,
  currency: p.currency,
});

let parent: Parent;

beforeAll(async () => {
  parent = await signUpEmptyParent();
});

describe('create_purchase', () => {
  it('creates a pending purchase at the price list price, idempotently per key', async () => {
    const key = newKey();
    const first = await createPurchase(parent, 'family', key);
    const again = await createPurchase(parent, 'family', key);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ credits: 300, price_cents: 1199, currency: 'eur' });
    const { data } = await parent.client.from('purchases').select('id, status, credits').eq('id', first.purchase_id);
    expect(data).toEqual([{ id: first.purchase_id, status: 'pending', credits: 300 }]);
    expectError(
      await parent.client.rpc('create_purchase', {
        p_kind: 'credits',
        p_code: 'saga',
        p_provider: 'sandbox',
        p_idempotency_key: key,
      }),
      'idempotency_key_reused',
    );
  });

  it('concurrent duplicates of one key make one purchase, and every one of them gets its response', async () => {
    const key = newKey();
    const purchasesOf = async () =>
      (
        await adminQuery<{ count: number }>(
          'select count(*)::int as count from public.purchases where created_by = $1',
          [parent.id],
        )
      )[0].count;
    const before = await purchasesOf();
    // Straight to the database, each on its own connection, so that the requests really overlap.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        callAs<Purchase>(parent.id, 'select public.create_purchase($1, $2, $3, $4)', [
          'credits',
          'starter',
          'sandbox',
          key,
        ]),
      ),
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(new Set(outcomes.map((o) => (o.ok ? JSON.stringify(o.value) : ''))).size).toBe(1);
    expect(await purchasesOf()).toBe(before + 1);
    const [{ count }] = await adminQuery<{ count: number }>(
      `select count(*)::int as count from private.idempotency_keys where user_id = $1 and key = $2`,
      [parent.id, key],
    );
    expect(count).toBe(1);
  });

  it('refuses unknown packages, bad providers and keys, children, guests, other families and anon', async () => {
    const call = (client: typeof parent.client, p: Record<string, unknown>) =>
      client.rpc('create_purchase', {
        p_kind: 'credits',
        p_code: 'starter',
        p_provider: 'sandbox',
        p_idempotency_key: newKey(),
        ...p,
      } as never);
    expectError(await call(parent.client, { p_code: 'free_money' }), 'package_unknown');
    expectError(await call(parent.client, { p_code: null }), 'package_unknown');
    expectError(await call(parent.client, { p_kind: 'plan', p_code: 'free' }), 'plan_unknown');
    expectError(await call(parent.client, { p_kind: 'bogus' }), /invalid input value/);
    expectError(await call(parent.client, { p_provider: 'paypal' }), 'payment_provider_unknown');
    expectError(await call(parent.client, { p_idempotency_key: 'short' }), 'idempotency_key_invalid');
    const child = await addChild(parent);
    expectError(await call(child.client, {}), 'not_a_parent');
    const guest = await createGuest();
    expectError(await call(guest.client, {}), 'plan_feature_unavailable', { plan: 'guest', feature: 'buy_credits' });
    expectError(await call(anonClient(), {}), /permission denied/);
    // Purchases of one family are invisible to another.
    const other = await signUpEmptyParent();
    const mine = await createPurchase(parent);
    expect((await other.client.from('purchases').select('id').eq('id', mine.purchase_id)).data).toEqual([]);
  });
});

describe('apply_payment_event', () => {
  it('a paid purchase credits the package once, whatever the number of deliveries', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family, 'starter');
    const event = paid(purchase);
    const eventId = `evt_${randomUUID()}`;
    expect(await deliver('purchase_paid', event, eventId)).toMatchObject({ status: 'applied' });
    expect(await deliver('purchase_paid', event, eventId)).toMatchObject({ status: 'duplicate' });
    // The same payment in another event (a provider's retry with a new id) is applied already.
    expect(await deliver('purchase_paid', event)).toMatchObject({ status: 'already_applied' });
    expect(await walletOf(family.familyId)).toMatchObject({ paid_balance: 100 });
    const { data } = await family.client
      .from('purchases')
      .select('status, external_tx_id')
      .eq('id', purchase.purchase_id)
      .single();
    expect(data).toEqual({ status: 'paid', external_tx_id: event.external_tx_id });
    await expectInvariants([family.familyId]);
  });

  it('duplicate and out-of-order deliveries racing each other grant once', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family, 'family');
    const event = paid(purchase);
    const failed = { purchase_id: purchase.purchase_id, reason: 'card_declined' };
    const eventIds = Array.from({ length: 5 }, () => `evt_${randomUUID()}`);
    await Promise.all([
      ...eventIds.flatMap((id) => [deliver('purchase_paid', event, id), deliver('purchase_paid', event, id)]),
      deliver('purchase_failed', failed),
      deliver('purchase_failed', failed),
    ]);
    expect((await walletOf(family.familyId)).paid_balance).toBe(300);
    const { data } = await family.client.from('purchases').select('status').eq('id', purchase.purchase_id).single();
    expect(data?.status).toBe('paid');
    expect((await ledgerOf(family.familyId)).filter((r) => r.reason === 'purchase')).toHaveLength(1);
    await expectInvariants([family.familyId]);
  });

  it('a declined payment leaves the purchase payable; a late decline after success changes nothing', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family);
    expect(
      await deliver('purchase_failed', { purchase_id: purchase.purchase_id, reason: 'card_declined' }),
    ).toMatchObject({
      status: 'applied',
    });
    expect((await family.client.from('purchases').select('status, failure_reason').single()).data).toEqual({
      status: 'failed',
      failure_reason: 'card_declined',
    });
    expect((await walletOf(family.familyId)).balance).toBe(0);
    await deliver('purchase_paid', paid(purchase));
    expect(await deliver('purchase_failed', { purchase_id: purchase.purchase_id, reason: 'late' })).toMatchObject({
      status: 'ignored',
    });
    expect((await family.client.from('purchases').select('status, failure_reason').single()).data).toEqual({
      status: 'paid',
      failure_reason: null,
    });
  });

  it('unknown purchases, wrong amounts, another provider and malformed data are ignored, balance unchanged', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family);
    expect(await deliver('purchase_paid', { ...paid(purchase), purchase_id: randomUUID() })).toMatchObject({
      status: 'ignored',
      reason: 'unknown_purchase',
    });
    expect(await deliver('purchase_paid', { ...paid(purchase), amount_cents: 1 })).toMatchObject({
      reason: 'amount_mismatch',
    });
    expect(await deliver('purchase_paid', { ...paid(purchase), currency: 'usd' })).toMatchObject({
      reason: 'amount_mismatch',
    });
    expect(await deliver('purchase_paid', paid(purchase), `evt_${randomUUID()}`, 'stripe')).toMatchObject({
      reason: 'unknown_purchase',
    });
    expect(await deliver('purchase_paid', { ...paid(purchase), purchase_id: 'not-a-uuid' })).toMatchObject({
      reason: 'malformed_data',
    });
    expect(await deliver('purchase_paid', { ...paid(purchase), amount_cents: 'lots' })).toMatchObject({
      reason: 'malformed_data',
    });
    expect(await deliver('credits_for_free', {})).toMatchObject({ reason: 'unknown_type' });
    expect((await walletOf(family.familyId)).balance).toBe(0);
    const svc = serviceClient();
    expectError(
      await svc.rpc('apply_payment_event', {
        p_provider: 'sandbox',
        p_event_id: '',
        p_type: 'purchase_paid',
        p_occurred_at: new Date().toISOString(),
        p_data: {},
      }),
      'payment_event_invalid',
    );
    expectError(
      await svc.rpc('apply_payment_event', {
        p_provider: 'sandbox',
        p_event_id: 'e1',
        p_type: 'x',
        p_occurred_at: new Date().toISOString(),
        p_data: [],
      }),
      'payment_event_invalid',
    );
  });

  it('only the service role may apply events or attach checkouts', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family);
    const args = {
      p_provider: 'sandbox',
      p_event_id: `evt_${randomUUID()}`,
      p_type: 'purchase_paid',
      p_occurred_at: new Date().toISOString(),
      p_data: paid(purchase),
    };
    expectError(await family.client.rpc('apply_payment_event', args), /permission denied/);
    expectError(await anonClient().rpc('apply_payment_event', args), /permission denied/);
    expectError(
      await family.client.rpc('attach_checkout_session', {
        p_purchase_id: purchase.purchase_id,
        p_session_id: 'cs_1',
        p_url: 'https://x',
      }),
      /permission denied/,
    );
    expect((await walletOf(family.familyId)).balance).toBe(0);
  });

  it('a refund takes back what is left of the purchase, once, and a refund before the payment wins', async () => {
    const family = await signUpEmptyParent();
    const purchase = await createPurchase(family);
    const event = paid(purchase);
    await deliver('purchase_paid', event);
    await callAs(family.id, 'select public.spend_credits(30, $1, $2)', ['a story', newKey()]);
    const refund = { external_tx_id: event.external_tx_id, refund_id: `re_${randomUUID()}` };
    // What is left: 70 paid, plus whatever a founder bonus left after the spend took granted credits first.
    const left = (await walletOf(family.familyId)).balance;
    expect(await deliver('purchase_refunded', refund)).toMatchObject({ status: 'applied', credits_removed: left });
    expect(await deliver('purchase_refunded', refund)).toMatchObject({ status: 'already_applied' });
    expect(await walletOf(family.familyId)).toMatchObject({ balance: 0 });
    const ledger = await ledgerOf(family.familyId);
    expect(ledger.filter((r) => r.reason === 'purchase_refund').map((r) => r.delta)).toEqual([-left]);
    expect(ledger.filter((r) => r.reason === 'spend').map((r) => r.delta)).toEqual([-30]);

    const early = await createPurchase(family);
    const earlyEvent = paid(early);
    await adminQuery('update public.purchases set external_tx_id = $2 where id = $1', [
      early.purchase_id,
      earlyEvent.external_tx_id,
    ]);
    await deliver('purchase_refunded', { external_tx_id: earlyEvent.external_tx_id, refund_id: 're_early' });
    expect(await deliver('purchase_paid', earlyEvent)).toMatchObject({ status: 'ignored', reason: 'already_refunded' });
    expect((await walletOf(family.familyId)).balance).toBe(0);
    await expectInvariants([family.familyId]);
  });
});

describe("founders' programme", () => {
  // On a database of its own: the race hands out every founder number there is, and the shared test
  // database must keep numbers for the other files (the access matrix makes founders of its families).
  it('600 families racing for 500 founder numbers: exactly 500, numbered 1..500, each with its bonus line', {
    timeout: 240_000,
  }, async () => {
    await withMigratedDatabase(async (db) => {
      const on = new pg.Pool({ connectionString: db.adminUrl, max: 40 });
      // Dropping the scratch database ends connections the pool is still closing: not a test failure.
      on.on('error', () => {});
      try {
        await race(db, on);
      } finally {
        await on.end();
      }
    });
  });
});

async function race(db: FreshDatabase, on: pg.Pool) {
  const users = await db.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                             confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
     select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated', 'founder-' || id || '@example.test',
            '{}'::jsonb, '{}'::jsonb, now(), now(), '', '', '', '', false, false
       from (select gen_random_uuid() as id from generate_series(1, 600)) made
     returning id`,
  );
  // Each got a family of which they are the parent (the sign-up trigger).
  const families = await db.query<{ id: string; user_id: string }>(
    'select family_id as id, user_id from public.family_members where user_id = any($1)',
    [users.map((u) => u.id)],
  );
  expect(families).toHaveLength(600);
  const buy = async (userId: string, code: string) => {
    const made = await callAs<Purchase>(
      userId,
      'select public.create_purchase($1, $2, $3, $4)',
      ['credits', code, 'sandbox', newKey()],
      { on },
    );
    if (!made.ok) throw new Error(made.message);
    return made.value;
  };
  // What the webhook route does: the service role applies the provider's event.
  const pay = async (purchase: Purchase) => {
    const applied = await callAs<{ status: string; founder_number: number | null }>(
      null,
      'select public.apply_payment_event($1, $2, $3, $4, $5)',
      ['sandbox', `evt_${randomUUID()}`, 'purchase_paid', new Date().toISOString(), paid(purchase)],
      { on, role: 'service_role' },
    );
    if (!applied.ok) throw new Error(applied.message);
    return applied.value;
  };
  // Each family creates a purchase as its parent, then all 600 payments arrive at once.
  const purchases = await Promise.all(families.map((f) => buy(f.user_id, 'starter')));
  const results = await Promise.all(purchases.map(pay));
  expect(results.every((r) => r.status === 'applied')).toBe(true);
  const founders = await db.query<{ number: number; family_id: string }>(
    'select number, family_id from public.founders order by number',
  );
  expect(founders.map((f) => f.number)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
  expect(results.filter((r) => r.founder_number != null)).toHaveLength(500);
  const ids = families.map((f) => f.id);
  const bonuses = await db.query<{ n: number }>(
    `select count(*)::int as n from public.credit_ledger where reason = 'founder_bonus' and family_id = any($1) and granted_delta = 20`,
    [ids],
  );
  expect(bonuses[0].n).toBe(500);
  await expectInvariants(ids, db.query);

  // A founder's next purchase gets the bonus again; a family that came too late gets none.
  const again = families.find((f) => f.id === founders[499].family_id);
  const late = families.find((f) => !founders.some((founder) => founder.family_id === f.id));
  if (!again || !late) throw new Error('the race left no founder or no latecomer');
  for (const family of [again, late]) await pay(await buy(family.user_id, 'family'));
  const bonusesOf = async (familyId: string) =>
    (await ledgerOf(familyId, db.query)).filter((r) => r.reason === 'founder_bonus').map((r) => r.granted_delta);
  expect(await bonusesOf(again.id)).toEqual([20, 60]);
  expect(await bonusesOf(late.id)).toEqual([]);
  expect(await db.query('select 1 from public.founders')).toHaveLength(500);
}
