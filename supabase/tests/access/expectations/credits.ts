import { randomUUID } from 'node:crypto';
import { adminQuery, serviceClient } from 'supabase-local/testing';
import type { Person, World } from '../world';
import {
  ALL,
  DENIED,
  type DomainExpectations,
  type InsertOutcome,
  type PerActor,
  type RowOutcome,
  refused,
  returns,
} from './types';

// Credits: wallets, the insert-only ledger, grant lots and generation holds, the price list and plans,
// purchases, subscriptions, founders, the guest trial and children's spending (migrations
// 2026120114*, 20261201150000). Read as: "who can do what to whose rows". A family's money is its
// parents' business: they read the wallet, ledger, lots, holds, purchases, subscription and founder
// number; a child sees only their own allowance (get_my_allowance); nobody writes any of it except
// through the definer functions, not even the service role, which only attaches checkouts and applies
// verified provider events. The price list (on sale) and the plans are public.

const newKey = () => `matrix-${randomUUID()}`;

/** The family's parents read it, and a guest their own trial family's; nobody else. */
const parentsRead: PerActor<RowOutcome> = {
  anon: DENIED,
  stranger: [],
  guest: ['guestFamily'],
  child: [],
  sibling: [],
  parent: ['family'],
  otherParent: ['otherFamily'],
  otherChild: [],
  service: ALL,
};

/** No API role writes it, the service role neither: only definer functions do. */
const nobodyWrites: PerActor<RowOutcome> = { '*': DENIED };
const nobodyInserts: PerActor<InsertOutcome> = { '*': DENIED };

async function walletOf(familyId: string): Promise<string> {
  const [wallet] = await adminQuery<{ id: string }>('select id from public.wallets where family_id = $1', [familyId]);
  return wallet.id;
}

async function idOf(sql: string, params: unknown[] = []): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(sql, params);
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
}

/** A pending purchase of the starter package, made by the parent through the RPC. */
async function pendingPurchase(parent: Person): Promise<{ purchase_id: string; price_cents: number }> {
  const { data, error } = await parent.client.rpc('create_purchase', {
    p_kind: 'credits',
    p_code: 'starter',
    p_provider: 'sandbox',
    p_idempotency_key: newKey(),
  });
  if (error) throw error;
  return data as { purchase_id: string; price_cents: number };
}

/** What the webhook route does after verifying a signature: the service role applies the event. */
async function deliver(type: string, data: Record<string, unknown>) {
  const { data: result, error } = await serviceClient().rpc('apply_payment_event', {
    p_provider: 'sandbox',
    p_event_id: `evt_matrix_${randomUUID()}`,
    p_type: type,
    p_occurred_at: new Date().toISOString(),
    p_data: data,
  });
  if (error) throw error;
  if ((result as { status: string }).status !== 'applied') throw new Error(`${type}: ${JSON.stringify(result)}`);
}

const paidEvent = (purchase: { purchase_id: string; price_cents: number }) => ({
  purchase_id: purchase.purchase_id,
  external_tx_id: `pi_matrix_${randomUUID()}`,
  amount_cents: purchase.price_cents,
  currency: 'eur',
});

/** A new grown-up's family, for rows that may exist once per family. */
async function newFamily(world: World): Promise<string> {
  return (await world.newParent()).familyId;
}

/** A family that has no wallet (removed), so a wallet row for it is valid. */
async function familyWithoutWallet(world: World): Promise<string> {
  const familyId = await newFamily(world);
  await adminQuery('delete from public.wallets where family_id = $1', [familyId]);
  return familyId;
}

const planId = (code: string) => idOf('select id from public.plans where code = $1', [code]);

export const credits: DomainExpectations = {
  async setup(world) {
    const { parent, otherParent } = world.people;
    // Both families pay for a package (their first payment makes them founders, with a bonus line)
    // and subscribe to the Family plan, through the provider event path, as the webhooks do.
    for (const [who, familyId] of [
      [parent, world.family.id],
      [otherParent, world.otherFamily.id],
    ] as const) {
      await deliver('purchase_paid', paidEvent(await pendingPurchase(who)));
      const start = new Date();
      await deliver('subscription_renewed', {
        subscription_id: `sub_matrix_${randomUUID()}`,
        family_id: familyId,
        plan_code: 'family',
        period_start: start.toISOString(),
        period_end: new Date(start.getTime() + 30 * 86_400_000).toISOString(),
        invoice_id: `in_matrix_${randomUUID()}`,
      });
    }
    // The guest's trial family: credits the way the system grants them (a lot and its ledger row). The
    // guest does not claim the trial here, so that claim_guest_trial can be probed with a first claim.
    await adminQuery(`select private.credit_wallet($1, 'welcome_grant', 0, 5, null, null, 'Access matrix probe')`, [
      world.guestFamily.id,
    ]);
    // A generation job's hold in each wallet (the stories work's contract).
    for (const familyId of [world.family.id, world.otherFamily.id, world.guestFamily.id]) {
      await adminQuery('select private.reserve_credits($1, $2, 1, null)', [familyId, randomUUID()]);
    }
    const [founders] = await adminQuery<{ n: number }>(
      'select count(*)::int as n from public.founders where family_id = any($1)',
      [[world.family.id, world.otherFamily.id]],
    );
    if (founders.n !== 2) throw new Error('the founder numbers are used up on the shared test database');
  },

  tables: {
    'public.wallets': {
      key: 'family_id',
      owners: ['family', 'otherFamily', 'guestFamily'],
      select: parentsRead,
      // A balance changes only with a ledger row, under the wallet's lock, in a definer function.
      update: { patch: { paid_balance: 7 }, ...nobodyWrites },
      insert: { row: async (world) => ({ family_id: await familyWithoutWallet(world) }), ...nobodyInserts },
      delete: nobodyWrites,
    },

    'public.credit_ledger': {
      key: 'family_id',
      owners: ['family', 'otherFamily', 'guestFamily'],
      select: parentsRead,
      // Insert-only for everyone: no grant, and a trigger refuses UPDATE and DELETE even for the owner.
      update: { patch: { memo: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          wallet_id: await walletOf(world.family.id),
          family_id: world.family.id,
          seq: 1_000_000,
          reason: 'admin_refund',
          paid_delta: 1,
          granted_delta: 0,
          balance_after: 1,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.credit_grants': {
      key: 'family_id',
      owners: ['family', 'otherFamily', 'guestFamily'],
      select: parentsRead,
      update: { patch: { expires_at: '2001-01-01T00:00:00Z' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          wallet_id: await walletOf(world.family.id),
          family_id: world.family.id,
          ledger_id: randomUUID(),
          reason: 'plan_grant',
          amount: 1,
          remaining: 1,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.credit_holds': {
      key: 'family_id',
      owners: ['family', 'otherFamily', 'guestFamily'],
      select: parentsRead,
      // Captured or released only by capture_credits / release_credits, once.
      update: { patch: { settle_reason: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          job_id: randomUUID(),
          wallet_id: await walletOf(world.family.id),
          family_id: world.family.id,
          amount: 1,
          paid_part: 0,
          granted_part: 1,
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.credit_packages': {
      key: 'id',
      // The starter package is on sale; a package taken off sale stands for the retired ones.
      owners: ['onSale', 'offSale'],
      async probes() {
        return {
          onSale: await idOf(`select id from public.credit_packages where code = 'starter'`),
          offSale: await idOf(
            `insert into public.credit_packages (code, name, credits, price_cents, active)
             values ('matrix_retired', 'Retired (access matrix)', 1, 100, false)
             on conflict (code) do update set active = false
             returning id`,
          ),
        };
      },
      select: { '*': ['onSale'], service: ALL },
      // The price list changes only with a migration.
      update: { patch: { name: 'Probe' }, ...nobodyWrites },
      insert: {
        row: async () => ({ code: `probe_${randomUUID().slice(0, 8)}`, name: 'Probe', credits: 1, price_cents: 100 }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.plans': {
      key: 'id',
      // The Family plan can be bought; Free cannot. Both are public.
      owners: ['onSale', 'offSale'],
      probes: async () => ({ onSale: await planId('family'), offSale: await planId('free') }),
      select: { '*': ALL },
      update: { patch: { description: 'Probe' }, ...nobodyWrites },
      insert: { row: async () => ({ code: `probe_${randomUUID().slice(0, 8)}`, name: 'Probe' }), ...nobodyInserts },
      delete: nobodyWrites,
    },

    'public.plan_features': {
      key: 'id',
      // What the Family plan includes, and a feature the Guest plan does not (buying credits).
      owners: ['onSale', 'offSale'],
      probes: async () => ({
        onSale: await idOf(
          `select f.id from public.plan_features f join public.plans p on p.id = f.plan_id
            where p.code = 'family' and f.feature = 'live_sessions'`,
        ),
        offSale: await idOf(
          `select f.id from public.plan_features f join public.plans p on p.id = f.plan_id
            where p.code = 'guest' and f.feature = 'buy_credits'`,
        ),
      }),
      select: { '*': ALL },
      // Features are enforced in the database (require_plan_feature): nobody may switch one on.
      update: { patch: { enabled: false }, ...nobodyWrites },
      insert: {
        row: async () => ({ plan_id: await planId('guest'), feature: `probe_${randomUUID().slice(0, 8)}` }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.purchases': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      select: { ...parentsRead, guest: [] },
      // Created by create_purchase, settled only by the provider's events.
      update: { patch: { status: 'paid', paid_at: '2030-01-01T00:00:00Z' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: world.family.id,
          kind: 'credits',
          package_id: await idOf(`select id from public.credit_packages where code = 'starter'`),
          credits: 100,
          price_cents: 499,
          currency: 'eur',
          provider: 'sandbox',
          // Tells this row from the setup's purchases, which have the same package and price.
          checkout_session_id: `cs_probe_${randomUUID()}`,
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.subscriptions': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      select: { ...parentsRead, guest: [] },
      // Changed only by provider events (apply_payment_event): cancelling goes through the provider.
      update: { patch: { current_period_end: '2099-01-01T00:00:00Z' }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: await newFamily(world),
          plan_id: await planId('family'),
          provider: 'sandbox',
          provider_subscription_id: `sub_probe_${randomUUID()}`,
          last_event_at: new Date().toISOString(),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },

    'public.founders': {
      key: 'family_id',
      owners: ['family', 'otherFamily'],
      select: { ...parentsRead, guest: [] },
      // Numbers are handed out once, in the paying transaction, and never change hands.
      update: { patch: { purchase_id: null }, ...nobodyWrites },
      insert: {
        row: async (world) => ({
          family_id: await newFamily(world),
          number: Number(
            await idOf(
              `select min(n) as id from generate_series(1, 500) n
                where not exists (select 1 from public.founders f where f.number = n)`,
            ),
          ),
        }),
        ...nobodyInserts,
      },
      delete: nobodyWrites,
    },
  },

  // Browser-facing RPCs are granted to authenticated and check who is asking (auth.uid()); the two the
  // server calls after a provider (attach_checkout_session, apply_payment_event) only to the service role.
  functions: {
    'public.get_my_plan': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: returns({ plan: { code: 'family' }, subscription: { status: 'active' } }),
        otherParent: returns({ plan: { code: 'family' } }),
        guest: returns({ plan: { code: 'guest' }, subscription: null }),
        // Not a parent: nothing.
        '*': returns(null),
      },
    },

    'public.create_purchase': {
      args: () => ({ p_kind: 'credits', p_code: 'starter', p_provider: 'sandbox', p_idempotency_key: newKey() }),
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: returns({ kind: 'credits', credits: 100, price_cents: 499 }),
        otherParent: returns({ kind: 'credits', credits: 100 }),
        // A guest is the parent of their trial family, but the Guest plan cannot buy.
        guest: refused('plan_feature_unavailable'),
        '*': refused('not_a_parent'),
      },
    },

    'public.attach_checkout_session': {
      args: async (world) => ({
        p_purchase_id: (await pendingPurchase(world.people.parent)).purchase_id,
        p_session_id: `cs_matrix_${randomUUID()}`,
        p_url: 'https://checkout.example.test/session',
      }),
      execute: { '*': DENIED, service: 'allowed' },
    },

    'public.apply_payment_event': {
      args: async (world) => ({
        p_provider: 'sandbox',
        p_event_id: `evt_matrix_${randomUUID()}`,
        p_type: 'purchase_paid',
        p_occurred_at: new Date().toISOString(),
        p_data: paidEvent(await pendingPurchase(world.people.parent)),
      }),
      execute: { '*': DENIED, service: returns({ status: 'applied' }) },
    },

    'public.claim_guest_trial': {
      args: () => ({ p_device_id: `matrix_${randomUUID().replaceAll('-', '')}` }),
      execute: {
        anon: DENIED,
        service: DENIED,
        guest: returns({ credits: 10 }),
        // Grown-ups who signed up and children never get the welcome credits.
        '*': refused('guest_trial_guests_only'),
      },
    },

    'public.get_guest_trial': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        guest: returns({ is_guest: true, claimed: false }),
        '*': returns({ is_guest: false, claimed: false }),
      },
    },

    'public.spend_credits': {
      args: () => ({ p_amount: 1, p_memo: 'Probe', p_idempotency_key: newKey() }),
      execute: {
        anon: DENIED,
        service: DENIED,
        // Only members of a family: a child within the month's allowance (50 by default) spends too.
        stranger: refused('not_a_family_member'),
        '*': returns({ status: 'spent', amount: 1 }),
      },
    },

    'public.get_my_allowance': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        child: returns([{ allowance: 50, spent: 0 }]),
        sibling: returns([{ allowance: 50, spent: 0 }]),
        otherChild: returns([{ allowance: 50, spent: 0 }]),
        // Grown-ups have no allowance.
        '*': 'empty',
      },
    },

    'public.get_children_credit_months': {
      args: () => ({}),
      execute: {
        anon: DENIED,
        service: DENIED,
        parent: 'allowed',
        otherParent: 'allowed',
        // Children (even of the family), guests without children and strangers: no rows.
        '*': 'empty',
      },
    },
  },
};
