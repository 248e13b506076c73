-- Why: parents buy credits and subscribe to the Family plan; a purchase must never be lost, never be
-- applied twice and never be applied without payment. credit_packages is the one price list (seeded
-- here). A purchase is created (idempotently, by a parent) before the payment provider sees it; the
-- provider's signed events arrive at our webhook route and, whichever provider sent them (the built-in
-- sandbox or Stripe), end in ONE function, private.apply_payment_event(): it records each event once
-- (provider, event id) and applies it, so duplicate and out-of-order deliveries are harmless.
-- Founders' programme: the first 500 paying families get founder numbers 1..500 (one counter row,
-- locked, in the paying transaction: sequential, no gaps, never more than 500) and +20 % credits on
-- every purchase as a ledger line of its own.

create table public.credit_packages (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint credit_packages_code_format check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text not null check (char_length(name) between 1 and 40),
  credits int not null check (credits between 1 and 100000),
  price_cents int not null check (price_cents between 50 and 1000000),
  currency text not null default 'eur' check (currency ~ '^[a-z]{3}$'),
  active boolean not null default true,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.credit_packages is 'The one price list of credit packages. Read by everyone; purchases copy the credits and price they were bought at.';

create trigger set_credit_packages_updated_at
before update on public.credit_packages
for each row execute function public.set_updated_at();

insert into public.credit_packages (code, name, credits, price_cents, currency, sort_order) values
  ('starter', 'Starter', 100, 499, 'eur', 1),
  ('family', 'Family pack', 300, 1199, 'eur', 2),
  ('saga', 'Saga', 1000, 3499, 'eur', 3);

create type public.purchase_kind as enum ('credits', 'plan');
create type public.purchase_status as enum ('pending', 'failed', 'paid', 'refunded');
comment on type public.purchase_kind is 'What a purchase buys: a credit package or a plan subscription.';
comment on type public.purchase_status is 'pending until the provider reports; failed after a declined payment (paying again is allowed); paid once; refunded by the provider.';

create table public.purchases (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  kind public.purchase_kind not null,
  package_id uuid references public.credit_packages (id),
  plan_id uuid references public.plans (id),
  credits int not null check (credits >= 0),
  price_cents int not null check (price_cents > 0),
  currency text not null check (currency ~ '^[a-z]{3}$'),
  provider text not null check (provider in ('sandbox', 'stripe')),
  status public.purchase_status not null default 'pending',
  checkout_session_id text unique check (char_length(checkout_session_id) between 1 and 255),
  checkout_url text check (char_length(checkout_url) <= 2000),
  external_tx_id text unique check (char_length(external_tx_id) between 1 and 255),
  failure_reason text check (char_length(failure_reason) <= 100),
  paid_at timestamptz,
  refunded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint purchases_kind_item check (
    (kind = 'credits' and package_id is not null and plan_id is null)
    or (kind = 'plan' and plan_id is not null and package_id is null)
  ),
  constraint purchases_paid_has_tx check (status not in ('paid', 'refunded') or paid_at is not null or refunded_at is not null)
);

comment on table public.purchases is 'A parent''s purchase of a credit package or a plan, from creation (before the provider) to paid or refunded. Written only by definer functions.';
comment on column public.purchases.external_tx_id is 'The provider''s payment id (payment intent or subscription); unique.';
comment on column public.purchases.failure_reason is 'Why the last payment attempt failed (card_declined, insufficient_funds, …).';

create index idx_purchases_family_id_created_at on public.purchases (family_id, created_at desc);
create index idx_purchases_created_by on public.purchases (created_by);
create index idx_purchases_package_id on public.purchases (package_id);
create index idx_purchases_plan_id on public.purchases (plan_id);

create trigger set_purchases_updated_at
before update on public.purchases
for each row execute function public.set_updated_at();

create trigger broadcast_purchases
after insert or update on public.purchases
for each row execute function private.broadcast_credits_change();

create table public.founders (
  id uuid primary key default gen_random_uuid(),
  -- No FK: a founder number is never reused, even after the family is gone.
  family_id uuid not null unique,
  number int not null unique constraint founders_number_range check (number between 1 and 500),
  purchase_id uuid,
  created_at timestamptz not null default now()
);

comment on table public.founders is 'The founders'' programme: the first 500 paying families, numbered 1..500 in the order they first paid. Each gets +20 % credits on every purchase.';

create table private.founder_counter (
  id int primary key default 1 check (id = 1),
  last_number int not null default 0,
  cap int not null default 500 check (cap = 500),
  constraint founder_counter_range check (last_number between 0 and cap)
);
comment on table private.founder_counter is 'One row: the last founder number handed out. Locked by whoever hands out the next, so numbers are sequential without gaps.';
insert into private.founder_counter (id) values (1);
revoke all on table private.founder_counter from public, anon, authenticated, service_role;
alter table private.founder_counter enable row level security;

create table private.payment_events (
  id uuid primary key default gen_random_uuid(),
  provider text not null check (provider in ('sandbox', 'stripe')),
  event_id text not null check (char_length(event_id) between 1 and 255),
  type text not null,
  occurred_at timestamptz not null,
  data jsonb not null,
  result jsonb,
  received_at timestamptz not null default now(),
  constraint payment_events_provider_event_id_key unique (provider, event_id)
);
comment on table private.payment_events is 'Every provider event applied (after its signature was verified), once per (provider, event id), with what applying it did.';
revoke all on table private.payment_events from public, anon, authenticated, service_role;
alter table private.payment_events enable row level security;

-- Founders -----------------------------------------------------------------------------------------------
create function private.assign_founder(p_family_id uuid, p_purchase_id uuid)
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_number int;
  v_counter private.founder_counter%rowtype;
begin
  select f.number into v_number from public.founders f where f.family_id = p_family_id;
  if found then
    return v_number;
  end if;
  -- Once full, paying families never wait on the counter lock.
  if (select c.last_number >= c.cap from private.founder_counter c where c.id = 1) then
    return null;
  end if;
  select * into v_counter from private.founder_counter c where c.id = 1 for update;
  -- Re-check under the lock: the family may have become a founder in a concurrent transaction.
  select f.number into v_number from public.founders f where f.family_id = p_family_id;
  if found then
    return v_number;
  end if;
  if v_counter.last_number >= v_counter.cap then
    return null;
  end if;
  v_number := v_counter.last_number + 1;
  update private.founder_counter c set last_number = v_number where c.id = 1;
  insert into public.founders (family_id, number, purchase_id) values (p_family_id, v_number, p_purchase_id);
  return v_number;
end;
$$;
comment on function private.assign_founder(uuid, uuid) is 'In the transaction of a family''s first payment: the family''s founder number (a new one while fewer than 500 are taken), or null.';

-- Purchases ----------------------------------------------------------------------------------------------
create function private.create_purchase(p_kind public.purchase_kind, p_code text, p_provider text, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_family_id uuid;
  v_package public.credit_packages%rowtype;
  v_plan public.plans%rowtype;
  v_purchase public.purchases%rowtype;
  v_stored jsonb;
  v_response jsonb;
begin
  select fm.family_id into v_family_id from public.family_members fm where fm.user_id = v_user_id and fm.role = 'parent';
  if v_family_id is null then
    perform private.raise_error('TF403', 'not_a_parent');
  end if;
  if p_provider is null or p_provider not in ('sandbox', 'stripe') then
    perform private.raise_error('TF400', 'payment_provider_unknown');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'create_purchase',
    jsonb_build_object('kind', p_kind, 'code', p_code, 'provider', p_provider));
  if v_stored is not null then
    return v_stored;
  end if;
  perform private.require_plan_feature(v_family_id, 'buy_credits');
  if p_kind = 'credits' then
    select * into v_package from public.credit_packages p where p.code = p_code and p.active;
    if not found then
      perform private.raise_error('TF400', 'package_unknown');
    end if;
    insert into public.purchases (family_id, created_by, kind, package_id, credits, price_cents, currency, provider)
    values (v_family_id, v_user_id, 'credits', v_package.id, v_package.credits, v_package.price_cents, v_package.currency, p_provider)
    returning * into v_purchase;
  elsif p_kind = 'plan' then
    select * into v_plan from public.plans p where p.code = p_code and p.purchasable;
    if not found then
      perform private.raise_error('TF400', 'plan_unknown');
    end if;
    if exists (select 1 from public.subscriptions s where s.family_id = v_family_id and s.status <> 'canceled'
                 and s.current_period_end > now()) then
      perform private.raise_error('TF409', 'already_subscribed');
    end if;
    insert into public.purchases (family_id, created_by, kind, plan_id, credits, price_cents, currency, provider)
    values (v_family_id, v_user_id, 'plan', v_plan.id, v_plan.monthly_credits, v_plan.price_cents, v_plan.currency, p_provider)
    returning * into v_purchase;
  else
    perform private.raise_error('TF400', 'package_unknown');
  end if;
  v_response := jsonb_build_object('purchase_id', v_purchase.id, 'kind', v_purchase.kind, 'credits', v_purchase.credits,
    'price_cents', v_purchase.price_cents, 'currency', v_purchase.currency, 'provider', v_purchase.provider);
  return private.idempotency_finish(p_idempotency_key, v_response);
end;
$$;
comment on function private.create_purchase(public.purchase_kind, text, text, text) is 'Parent only, idempotent per client key: creates a pending purchase of an active package (or a purchasable plan) at today''s price, for the provider to take payment.';

-- The server action records the provider's checkout session so that a repeated request (same key)
-- sends the parent back to the same checkout.
create function private.attach_checkout_session(p_purchase_id uuid, p_session_id text, p_url text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.purchases p
     set checkout_session_id = coalesce(p.checkout_session_id, p_session_id), checkout_url = coalesce(p.checkout_url, p_url)
   where p.id = p_purchase_id;
  if not found then
    perform private.raise_error('TF409', 'purchase_not_found');
  end if;
end;
$$;
comment on function private.attach_checkout_session(uuid, text, text) is 'Server only: remembers the provider''s checkout session of a purchase (first one wins).';

create function private.complete_purchase(
  p_provider text,
  p_purchase_id uuid,
  p_external_tx_id text,
  p_amount_cents int,
  p_currency text
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_purchase public.purchases%rowtype;
  v_package public.credit_packages%rowtype;
  v_founder int;
  v_bonus int;
begin
  select * into v_purchase from public.purchases p where p.id = p_purchase_id for update;
  if not found or v_purchase.provider <> p_provider then
    return jsonb_build_object('status', 'ignored', 'reason', 'unknown_purchase');
  end if;
  if v_purchase.status = 'paid' then
    return jsonb_build_object('status', 'already_applied', 'purchase_id', v_purchase.id);
  end if;
  if v_purchase.status = 'refunded' then
    -- The refund arrived first: the purchase stays refunded and nothing is granted.
    return jsonb_build_object('status', 'ignored', 'reason', 'already_refunded');
  end if;
  if p_external_tx_id is null or p_amount_cents is distinct from v_purchase.price_cents
     or lower(p_currency) is distinct from v_purchase.currency then
    return jsonb_build_object('status', 'ignored', 'reason', 'amount_mismatch');
  end if;
  update public.purchases p
     set status = 'paid', external_tx_id = p_external_tx_id, paid_at = now(), failure_reason = null
   where p.id = v_purchase.id;
  v_founder := private.assign_founder(v_purchase.family_id, v_purchase.id);
  if v_purchase.kind = 'credits' then
    select * into v_package from public.credit_packages p where p.id = v_purchase.package_id;
    perform private.credit_wallet(v_purchase.family_id, 'purchase', v_purchase.credits, 0, v_purchase.created_by,
      'payment:' || p_external_tx_id, 'Bought ' || v_package.name, null, v_purchase.id);
    if v_founder is not null then
      v_bonus := v_purchase.credits / 5;
      if v_bonus > 0 then
        perform private.credit_wallet(v_purchase.family_id, 'founder_bonus', 0, v_bonus, v_purchase.created_by,
          'founder-bonus:' || p_external_tx_id, 'Founder #' || v_founder || ' bonus (+20 %)', null, v_purchase.id);
      end if;
    end if;
  end if;
  return jsonb_build_object('status', 'applied', 'purchase_id', v_purchase.id, 'founder_number', v_founder);
end;
$$;
comment on function private.complete_purchase(text, uuid, text, int, text) is 'Applies a paid purchase exactly once: marks it paid, credits the package (or records a plan purchase), hands out a founder number while there are any and books the founder bonus.';

create function private.fail_purchase(p_provider text, p_purchase_id uuid, p_reason text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_purchase public.purchases%rowtype;
begin
  select * into v_purchase from public.purchases p where p.id = p_purchase_id for update;
  if not found or v_purchase.provider <> p_provider then
    return jsonb_build_object('status', 'ignored', 'reason', 'unknown_purchase');
  end if;
  if v_purchase.status not in ('pending', 'failed') then
    -- A late failure of an attempt before the one that succeeded changes nothing.
    return jsonb_build_object('status', 'ignored', 'reason', 'already_settled');
  end if;
  update public.purchases p set status = 'failed', failure_reason = left(coalesce(p_reason, 'payment_failed'), 100)
   where p.id = v_purchase.id;
  return jsonb_build_object('status', 'applied', 'purchase_id', v_purchase.id);
end;
$$;
comment on function private.fail_purchase(text, uuid, text) is 'Records a failed payment attempt of a pending purchase (it may be paid later); ignored once paid or refunded.';

create function private.refund_purchase(p_provider text, p_external_tx_id text, p_refund_id text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_purchase public.purchases%rowtype;
  v_wallet public.wallets%rowtype;
  v_bonus_lot public.credit_grants%rowtype;
  v_paid int;
  v_granted int := 0;
begin
  select * into v_purchase from public.purchases p
   where p.provider = p_provider and (p.external_tx_id = p_external_tx_id or p.checkout_session_id = p_external_tx_id)
     for update;
  if not found then
    return jsonb_build_object('status', 'ignored', 'reason', 'unknown_purchase');
  end if;
  if v_purchase.status = 'refunded' then
    return jsonb_build_object('status', 'already_applied', 'purchase_id', v_purchase.id);
  end if;
  if v_purchase.status <> 'paid' then
    -- Refunded before we heard it was paid: mark it so the late "paid" event grants nothing.
    update public.purchases p set status = 'refunded', refunded_at = now() where p.id = v_purchase.id;
    return jsonb_build_object('status', 'applied', 'purchase_id', v_purchase.id, 'credits_removed', 0);
  end if;
  update public.purchases p set status = 'refunded', refunded_at = now() where p.id = v_purchase.id;
  if v_purchase.kind <> 'credits' then
    return jsonb_build_object('status', 'applied', 'purchase_id', v_purchase.id, 'credits_removed', 0);
  end if;
  -- Take back what is still there of the purchase (never below zero) and of its founder bonus.
  perform private.announce_wallet_change(v_purchase.family_id);
  select * into v_wallet from public.wallets w where w.family_id = v_purchase.family_id for update;
  v_paid := least(v_wallet.paid_balance, v_purchase.credits);
  select g.* into v_bonus_lot from public.credit_grants g
    join public.credit_ledger l on l.id = g.ledger_id
   where l.purchase_id = v_purchase.id and l.reason = 'founder_bonus'
     for update of g;
  if found then
    v_granted := v_bonus_lot.remaining;
    update public.credit_grants g set remaining = 0 where g.id = v_bonus_lot.id;
  end if;
  if v_paid + v_granted > 0 then
    update public.wallets w
       set paid_balance = w.paid_balance - v_paid, granted_balance = w.granted_balance - v_granted,
           last_seq = w.last_seq + 1
     where w.id = v_wallet.id
    returning * into v_wallet;
    insert into public.credit_ledger (wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after,
                                      external_tx_id, memo, purchase_id)
    values (v_wallet.id, v_wallet.family_id, v_wallet.last_seq, 'purchase_refund', -v_paid, -v_granted, v_wallet.balance,
            'refund:' || coalesce(p_refund_id, p_external_tx_id), 'Purchase refunded', v_purchase.id);
  end if;
  return jsonb_build_object('status', 'applied', 'purchase_id', v_purchase.id, 'credits_removed', v_paid + v_granted);
end;
$$;
comment on function private.refund_purchase(text, text, text) is 'Applies a provider refund once: the purchase becomes refunded and what is left of its credits and founder bonus leaves the wallet (never below zero).';

-- Subscriptions ----------------------------------------------------------------------------------------
-- A paid period (first payment or renewal): the subscription is created or moved forward and the plan's
-- monthly credits are granted for that period, once per invoice, expiring at the period's end.
create function private.renew_subscription(
  p_provider text,
  p_subscription_id text,
  p_family_id uuid,
  p_plan_code text,
  p_period_start timestamptz,
  p_period_end timestamptz,
  p_invoice_id text,
  p_occurred_at timestamptz
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_plan public.plans%rowtype;
  v_sub public.subscriptions%rowtype;
  v_grant public.credit_ledger%rowtype;
begin
  select * into v_sub from public.subscriptions s where s.provider_subscription_id = p_subscription_id for update;
  if found then
    select * into v_plan from public.plans p where p.id = v_sub.plan_id;
  else
    select * into v_plan from public.plans p where p.code = p_plan_code and p.purchasable;
    if not found or p_family_id is null or not exists (select 1 from public.families f where f.id = p_family_id) then
      return jsonb_build_object('status', 'ignored', 'reason', 'unknown_subscription');
    end if;
  end if;
  if p_period_start is null or p_period_end is null or p_period_end <= p_period_start or p_invoice_id is null then
    return jsonb_build_object('status', 'ignored', 'reason', 'invalid_period');
  end if;
  if v_sub.id is null then
    -- A family has one live subscription; a second one (a double checkout) is ended at once.
    insert into public.subscriptions (family_id, plan_id, provider, provider_subscription_id, status,
                                      current_period_start, current_period_end, last_event_at)
    values (p_family_id, v_plan.id, p_provider, p_subscription_id,
            case when exists (select 1 from public.subscriptions s where s.family_id = p_family_id and s.status <> 'canceled')
                 then 'canceled'::public.subscription_status else 'active' end,
            p_period_start, p_period_end, p_occurred_at)
    returning * into v_sub;
  else
    update public.subscriptions s
       set current_period_start = case when p_period_end > coalesce(s.current_period_end, '-infinity') then p_period_start else s.current_period_start end,
           current_period_end = greatest(coalesce(s.current_period_end, '-infinity'), p_period_end),
           -- A paid renewal that is the newest news clears a failed payment; a cancellation is final.
           status = case when s.status = 'past_due' and p_occurred_at >= s.last_event_at then 'active'::public.subscription_status
                         else s.status end,
           last_event_at = greatest(s.last_event_at, p_occurred_at)
     where s.id = v_sub.id
    returning * into v_sub;
  end if;
  perform private.assign_founder(v_sub.family_id, null);
  if v_plan.monthly_credits > 0 then
    v_grant := private.credit_wallet(v_sub.family_id, 'plan_grant', 0, v_plan.monthly_credits, null,
      'invoice:' || p_invoice_id, v_plan.name || ' plan credits', p_period_end, null);
  end if;
  return jsonb_build_object('status', 'applied', 'subscription_id', v_sub.id, 'ledger_id', v_grant.id);
end;
$$;
comment on function private.renew_subscription(text, text, uuid, text, timestamptz, timestamptz, text, timestamptz) is 'A paid subscription period from the provider: creates or advances the subscription and grants the plan''s credits for the period once per invoice.';

create function private.update_subscription(
  p_provider text,
  p_subscription_id text,
  p_status public.subscription_status,
  p_cancel_at_period_end boolean,
  p_occurred_at timestamptz
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_sub public.subscriptions%rowtype;
begin
  select * into v_sub from public.subscriptions s
   where s.provider = p_provider and s.provider_subscription_id = p_subscription_id for update;
  if not found then
    return jsonb_build_object('status', 'ignored', 'reason', 'unknown_subscription');
  end if;
  if v_sub.status = 'canceled' then
    return jsonb_build_object('status', 'ignored', 'reason', 'already_canceled');
  end if;
  -- Ended is final whenever it arrives; other changes only when they are newer than what we know.
  if p_status = 'canceled' then
    update public.subscriptions s
       set status = 'canceled', canceled_at = p_occurred_at, last_event_at = greatest(s.last_event_at, p_occurred_at)
     where s.id = v_sub.id;
  elsif p_occurred_at >= v_sub.last_event_at then
    update public.subscriptions s
       set status = coalesce(p_status, s.status), cancel_at_period_end = coalesce(p_cancel_at_period_end, s.cancel_at_period_end),
           last_event_at = p_occurred_at
     where s.id = v_sub.id;
  else
    return jsonb_build_object('status', 'ignored', 'reason', 'stale_event');
  end if;
  return jsonb_build_object('status', 'applied', 'subscription_id', v_sub.id);
end;
$$;
comment on function private.update_subscription(text, text, public.subscription_status, boolean, timestamptz) is 'A subscription change from the provider (payment failed → past_due, cancel at period end, ended); the newest event wins and ended is final.';

-- The one code path after the provider -----------------------------------------------------------------
-- Both webhook routes (sandbox and Stripe) verify the signature, translate the provider's event into
-- one of these types and call this. p_data fields per type:
--   purchase_paid            purchase_id, external_tx_id, amount_cents, currency
--   purchase_failed          purchase_id, reason
--   purchase_refunded        external_tx_id, refund_id
--   subscription_renewed     subscription_id, family_id, plan_code, period_start, period_end, invoice_id
--   subscription_updated     subscription_id, status (active|past_due|canceled), cancel_at_period_end
create function private.apply_payment_event(
  p_provider text,
  p_event_id text,
  p_type text,
  p_occurred_at timestamptz,
  p_data jsonb
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event_id uuid;
  v_result jsonb;
  v_previous jsonb;
begin
  if p_provider is null or p_provider not in ('sandbox', 'stripe') then
    perform private.raise_error('TF400', 'payment_provider_unknown');
  end if;
  if p_event_id is null or char_length(p_event_id) not between 1 and 255 or p_occurred_at is null
     or jsonb_typeof(p_data) is distinct from 'object' then
    perform private.raise_error('TF400', 'payment_event_invalid');
  end if;
  insert into private.payment_events (provider, event_id, type, occurred_at, data)
  values (p_provider, p_event_id, p_type, p_occurred_at, p_data)
  on conflict (provider, event_id) do nothing
  returning id into v_event_id;
  if v_event_id is null then
    select e.result into v_previous from private.payment_events e where e.provider = p_provider and e.event_id = p_event_id;
    return jsonb_build_object('status', 'duplicate', 'first_result', v_previous);
  end if;
  begin
    v_result := case p_type
      when 'purchase_paid' then private.complete_purchase(p_provider, (p_data ->> 'purchase_id')::uuid,
        p_data ->> 'external_tx_id', (p_data ->> 'amount_cents')::int, p_data ->> 'currency')
      when 'purchase_failed' then private.fail_purchase(p_provider, (p_data ->> 'purchase_id')::uuid, p_data ->> 'reason')
      when 'purchase_refunded' then private.refund_purchase(p_provider, p_data ->> 'external_tx_id', p_data ->> 'refund_id')
      when 'subscription_renewed' then private.renew_subscription(p_provider, p_data ->> 'subscription_id',
        (p_data ->> 'family_id')::uuid, p_data ->> 'plan_code', (p_data ->> 'period_start')::timestamptz,
        (p_data ->> 'period_end')::timestamptz, p_data ->> 'invoice_id', p_occurred_at)
      when 'subscription_updated' then private.update_subscription(p_provider, p_data ->> 'subscription_id',
        (p_data ->> 'status')::public.subscription_status, (p_data ->> 'cancel_at_period_end')::boolean, p_occurred_at)
      else jsonb_build_object('status', 'ignored', 'reason', 'unknown_type')
    end;
  exception
    -- Malformed ids, numbers or dates in an event we signed or verified: recorded, nothing applied.
    when invalid_text_representation or invalid_datetime_format or datetime_field_overflow
      or numeric_value_out_of_range then
      v_result := jsonb_build_object('status', 'ignored', 'reason', 'malformed_data');
  end;
  update private.payment_events e set result = v_result where e.id = v_event_id;
  return v_result;
end;
$$;
comment on function private.apply_payment_event(text, text, text, timestamptz, jsonb) is 'THE code path after a payment provider: records the verified event once per (provider, event id) and applies it; duplicates return the first result.';

-- The Free plan's credits for the calendar month (UTC) around p_now, once per family and month (the
-- month is the grant's external id), expiring at the month's end. Only for families on the Free plan.
create function private.grant_free_month(p_family_id uuid, p_now timestamptz default now())
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_free public.plans%rowtype;
  v_month timestamp := date_trunc('month', p_now at time zone 'UTC');
  v_external_id text := 'free:' || p_family_id || ':' || to_char(v_month, 'YYYY-MM');
begin
  select * into v_free from public.plans p where p.code = 'free';
  if v_free.monthly_credits = 0 or (private.family_plan(p_family_id)).code <> 'free'
     or exists (select 1 from public.credit_ledger l where l.external_tx_id = v_external_id) then
    return false;
  end if;
  perform private.credit_wallet(p_family_id, 'plan_grant', 0, v_free.monthly_credits, null, v_external_id,
    'Free plan credits for ' || to_char(v_month, 'FMMonth YYYY'), (v_month + interval '1 month') at time zone 'UTC', null);
  return true;
end;
$$;
comment on function private.grant_free_month(uuid, timestamptz) is 'Grants a Free-plan family its monthly credits for the UTC month around p_now, once; false when not due (another plan, or granted already).';

-- A new family's first month starts when its first parent joins (sign-up); a guest's family is on the
-- Guest plan and gets nothing here.
create function private.grant_first_free_month()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.grant_free_month(new.family_id, now());
  return null;
end;
$$;
comment on function private.grant_first_free_month() is 'Trigger function: a family gets its first Free-plan month when a parent joins it.';
revoke execute on function private.grant_first_free_month() from public;

create trigger grant_first_free_month
after insert on public.family_members
for each row when (new.role = 'parent')
execute function private.grant_first_free_month();

select private.grant_free_month(f.id, now()) from public.families f;

-- Scheduled: the monthly plan grants (worker task monthly_plan_grants). Free families get the month's
-- credits once; sandbox subscriptions are renewed by the sandbox itself here (Stripe renews its own and
-- tells us with invoice.paid), through the same event path as the webhooks.
create function private.run_monthly_plan_grants(p_now timestamptz default now())
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_family_id uuid;
  v_sub public.subscriptions%rowtype;
  v_plan_code text;
  v_free_grants int := 0;
  v_renewals int := 0;
  v_ended int := 0;
  v_period_key text;
begin
  -- Sandbox renewals first, so a renewed family is not counted as free.
  for v_sub in
    select s.* from public.subscriptions s
     where s.provider = 'sandbox' and s.status <> 'canceled' and s.current_period_end <= p_now
  loop
    v_period_key := v_sub.provider_subscription_id || ':' || extract(epoch from v_sub.current_period_end)::bigint;
    if v_sub.cancel_at_period_end or v_sub.status = 'past_due' then
      perform private.apply_payment_event('sandbox', 'sandbox-end:' || v_period_key, 'subscription_updated',
        v_sub.current_period_end, jsonb_build_object('subscription_id', v_sub.provider_subscription_id, 'status', 'canceled'));
      v_ended := v_ended + 1;
    else
      select p.code into v_plan_code from public.plans p where p.id = v_sub.plan_id;
      perform private.apply_payment_event('sandbox', 'sandbox-renewal:' || v_period_key, 'subscription_renewed',
        v_sub.current_period_end,
        jsonb_build_object('subscription_id', v_sub.provider_subscription_id, 'family_id', v_sub.family_id,
          'plan_code', v_plan_code, 'period_start', v_sub.current_period_end,
          'period_end', v_sub.current_period_end + interval '1 month', 'invoice_id', 'sandbox-in:' || v_period_key));
      v_renewals := v_renewals + 1;
    end if;
  end loop;

  for v_family_id in
    select w.family_id from public.wallets w
     where not exists (
       select 1 from public.credit_ledger l
        where l.external_tx_id = 'free:' || w.family_id || ':' || to_char(date_trunc('month', p_now at time zone 'UTC'), 'YYYY-MM')
     )
  loop
    if private.grant_free_month(v_family_id, p_now) then
      v_free_grants := v_free_grants + 1;
    end if;
  end loop;
  return jsonb_build_object('free_grants', v_free_grants, 'sandbox_renewals', v_renewals, 'sandbox_ended', v_ended);
end;
$$;
comment on function private.run_monthly_plan_grants(timestamptz) is 'Worker task: grants free families their monthly credits once per month and renews (or ends) due sandbox subscriptions through apply_payment_event. Safe to run any number of times.';

revoke execute on function
  private.assign_founder(uuid, uuid),
  private.create_purchase(public.purchase_kind, text, text, text),
  private.attach_checkout_session(uuid, text, text),
  private.complete_purchase(text, uuid, text, int, text),
  private.fail_purchase(text, uuid, text),
  private.refund_purchase(text, text, text),
  private.renew_subscription(text, text, uuid, text, timestamptz, timestamptz, text, timestamptz),
  private.update_subscription(text, text, public.subscription_status, boolean, timestamptz),
  private.apply_payment_event(text, text, text, timestamptz, jsonb),
  private.grant_free_month(uuid, timestamptz),
  private.run_monthly_plan_grants(timestamptz)
from public;
grant execute on function private.create_purchase(public.purchase_kind, text, text, text) to authenticated;
grant execute on function private.attach_checkout_session(uuid, text, text), private.apply_payment_event(text, text, text, timestamptz, jsonb)
  to service_role;

-- The API: parents create purchases; the server (service role) attaches checkouts and applies events.
create function public.create_purchase(p_kind public.purchase_kind, p_code text, p_provider text, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.create_purchase(p_kind, p_code, p_provider, p_idempotency_key); $$;
comment on function public.create_purchase(public.purchase_kind, text, text, text) is 'Parent only, idempotent per client key (16-255 chars): a pending purchase of a credit package or plan, at today''s price.';

create function public.attach_checkout_session(p_purchase_id uuid, p_session_id text, p_url text)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.attach_checkout_session(p_purchase_id, p_session_id, p_url); $$;
comment on function public.attach_checkout_session(uuid, text, text) is 'Service role only: remembers a purchase''s checkout session.';

create function public.apply_payment_event(p_provider text, p_event_id text, p_type text, p_occurred_at timestamptz, p_data jsonb)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.apply_payment_event(p_provider, p_event_id, p_type, p_occurred_at, p_data); $$;
comment on function public.apply_payment_event(text, text, text, timestamptz, jsonb) is 'Service role only (the webhook routes, after verifying the signature): applies a provider event once.';

revoke execute on function public.create_purchase(public.purchase_kind, text, text, text),
  public.attach_checkout_session(uuid, text, text),
  public.apply_payment_event(text, text, text, timestamptz, jsonb)
from public, anon;
grant execute on function public.create_purchase(public.purchase_kind, text, text, text) to authenticated;
revoke execute on function public.attach_checkout_session(uuid, text, text), public.apply_payment_event(text, text, text, timestamptz, jsonb)
  from authenticated;
grant execute on function public.attach_checkout_session(uuid, text, text), public.apply_payment_event(text, text, text, timestamptz, jsonb)
  to service_role;

revoke all on table public.credit_packages, public.purchases, public.founders from anon, authenticated, service_role;
grant select on table public.credit_packages to anon, authenticated, service_role;
grant select on table public.purchases, public.founders to authenticated, service_role;

alter table public.credit_packages enable row level security;
alter table public.purchases enable row level security;
alter table public.founders enable row level security;

create policy "Anyone can read the credit packages"
on public.credit_packages
for select
to anon, authenticated
using (true);

create policy "Parents can read their family's purchases"
on public.purchases
for select
to authenticated
using (private.is_family_parent(family_id));

create policy "Parents can read their family's founder number"
on public.founders
for select
to authenticated
using (private.is_family_parent(family_id));
