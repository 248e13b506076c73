import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';
import type { LedgerFilter } from './ledger-filter';

type Client = SupabaseClient<Database>;

export type MyPlan = {
  plan: { code: string; name: string; monthly_credits: number };
  subscription: {
    id: string;
    status: string;
    provider: string;
    current_period_end: string;
    cancel_at_period_end: boolean;
    plan_code: string;
  } | null;
  features: { feature: string; limit: number | null; description: string }[];
};

/** The family's wallet (parents only, by RLS). */
export async function getWallet(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase
    .from('wallets')
    .select('id, balance, paid_balance, granted_balance, lifetime_purchased')
    .eq('family_id', familyId)
    .single();
  if (error) throw error;
  // balance is a generated column (paid + granted), which the generated types cannot know is never null.
  return { ...data, balance: data.paid_balance + data.granted_balance };
}

/** Granted credits still to spend, soonest-expiring first (to say "10 expire on …"). */
export async function getExpiringGrants(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase
    .from('credit_grants')
    .select('remaining, expires_at')
    .eq('family_id', familyId)
    .gt('remaining', 0)
    .not('expires_at', 'is', null)
    .order('expires_at')
    .limit(3);
  if (error) throw error;
  return data;
}

export async function getCreditPackages(supabase: Client) {
  const { data, error } = await supabase
    .from('credit_packages')
    .select('code, name, credits, price_cents, currency')
    .eq('active', true)
    .order('sort_order');
  if (error) throw error;
  return data;
}

export async function getPurchasablePlans(supabase: Client) {
  const { data, error } = await supabase
    .from('plans')
    .select('code, name, description, monthly_credits, price_cents, currency')
    .eq('purchasable', true)
    .order('sort_order');
  if (error) throw error;
  return data;
}

export async function getMyPlan(supabase: Client) {
  const { data, error } = await supabase.rpc('get_my_plan');
  if (error) throw error;
  return data as MyPlan | null;
}

export async function getFounder(supabase: Client, { familyId }: { familyId: string }) {
  const { data, error } = await supabase.from('founders').select('number').eq('family_id', familyId).maybeSingle();
  if (error) throw error;
  return data;
}

/** A wallet's ledger rows, newest first, filtered like the billing view (dates are UTC days, inclusive). */
export async function getLedger(
  supabase: Client,
  {
    walletId,
    filter = {},
    limit,
    beforeSeq,
  }: { walletId: string; filter?: LedgerFilter; limit: number; beforeSeq?: number },
) {
  let query = supabase
    .from('credit_ledger')
    .select(
      'id, seq, created_at, reason, delta, paid_delta, granted_delta, balance_after, memo, actor_id, external_tx_id, job_id',
    )
    // By wallet: the (wallet_id, seq) index serves the filter and the order.
    .eq('wallet_id', walletId)
    .order('seq', { ascending: false })
    .limit(limit);
  if (beforeSeq !== undefined) query = query.lt('seq', beforeSeq);
  if (filter.reason) query = query.eq('reason', filter.reason);
  if (filter.from) query = query.gte('created_at', `${filter.from}T00:00:00Z`);
  if (filter.to)
    query = query.lt('created_at', new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000).toISOString());
  const { data, error } = await query;
  if (error) throw error;
  // delta is the generated column paid_delta + granted_delta (never null; the types cannot tell).
  return data.map((row) => ({ ...row, delta: row.paid_delta + row.granted_delta }));
}

/**
 * Every ledger row matching the filter, newest first. The API answers at most max_rows (1000) rows
 * per request, so this pages by sequence number until a page comes back short.
 */
export async function getWholeLedger(
  supabase: Client,
  { walletId, filter = {} }: { walletId: string; filter?: LedgerFilter },
) {
  const PAGE = 1000;
  const rows: Awaited<ReturnType<typeof getLedger>> = [];
  for (;;) {
    const before = rows.at(-1)?.seq;
    const page = await getLedger(supabase, { walletId, filter, limit: PAGE, beforeSeq: before });
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}

/** Receipts of generation jobs: what each held, and whether it was charged or given back. */
export async function getHolds(supabase: Client, { familyId, limit }: { familyId: string; limit: number }) {
  const { data, error } = await supabase
    .from('credit_holds')
    .select('job_id, amount, status, settle_reason, created_at, settled_at')
    .eq('family_id', familyId)
    .order('created_at', { ascending: false })
    .limit(limit);
  if (error) throw error;
  return data;
}

export async function getPurchases(supabase: Client, { familyId, limit }: { familyId: string; limit: number }) {
  const { data, error } = await supabase
    .from('purchases')
    .select('id, kind, credits, price_cents, currency, provider, status, failure_reason, created_at, paid_at')
    .eq('family_id', familyId)
    .order('created_at', { ascending: false })
    .limit(limit);
  if (error) throw error;
  return data;
}

/** One purchase of the caller's family (RLS), for the sandbox checkout page. */
export async function getPurchase(supabase: Client, { purchaseId }: { purchaseId: string }) {
  const { data, error } = await supabase
    .from('purchases')
    .select(
      'id, family_id, kind, credits, price_cents, currency, provider, status, failure_reason, checkout_url, credit_packages(name), plans(code, name)',
    )
    .eq('id', purchaseId)
    .maybeSingle();
  if (error) throw error;
  return data;
}

export async function getChildrenCreditMonths(supabase: Client) {
  const { data, error } = await supabase.rpc('get_children_credit_months');
  if (error) throw error;
  return data;
}

/** The signed-in child's month of credits (null for grown-ups). */
export async function getMyAllowance(supabase: Client) {
  const { data, error } = await supabase.rpc('get_my_allowance').maybeSingle();
  if (error) throw error;
  return data;
}

export async function getGuestTrial(supabase: Client) {
  const { data, error } = await supabase.rpc('get_guest_trial');
  if (error) throw error;
  return data as { is_guest: boolean; claimed: boolean };
}
