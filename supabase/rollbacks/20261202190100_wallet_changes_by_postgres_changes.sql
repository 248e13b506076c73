-- Undoes 20261202190100_wallet_changes_by_postgres_changes.sql: the wallet writers announce on
-- family:<id> again (bodies as in 20261201140000 and 20261201141500) and wallets leave the publication.

alter publication supabase_realtime drop table public.wallets;

create or replace function private.expire_wallet_grants(p_wallet_id uuid, p_now timestamptz)
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_lot record;
  v_wallet public.wallets%rowtype;
  v_count int := 0;
begin
  for v_lot in
    select g.id, g.remaining from public.credit_grants g
     where g.wallet_id = p_wallet_id and g.remaining > 0 and g.expires_at <= p_now
     order by g.expires_at
       for update
  loop
    update public.wallets w
       set granted_balance = w.granted_balance - v_lot.remaining, last_seq = w.last_seq + 1
     where w.id = p_wallet_id
    returning * into v_wallet;
    perform private.announce_wallet_change(v_wallet.family_id);
    insert into public.credit_ledger (wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after, memo)
    values (v_wallet.id, v_wallet.family_id, v_wallet.last_seq, 'expiry', 0, -v_lot.remaining, v_wallet.balance,
            'Granted credits expired');
    update public.credit_grants g set remaining = 0 where g.id = v_lot.id;
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

create or replace function private.credit_wallet(
  p_family_id uuid,
  p_reason public.credit_reason,
  p_paid int,
  p_granted int,
  p_actor_id uuid default null,
  p_external_tx_id text default null,
  p_memo text default null,
  p_expires_at timestamptz default null,
  p_purchase_id uuid default null
)
returns public.credit_ledger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_wallet public.wallets%rowtype;
  v_row public.credit_ledger%rowtype;
begin
  if p_paid is null or p_granted is null or p_paid < 0 or p_granted < 0 or p_paid + p_granted = 0
     or p_paid + p_granted > 1000000 then
    perform private.raise_error('TF400', 'credit_amount_range', '{"min":1,"max":1000000}');
  end if;
  if p_external_tx_id is not null then
    select * into v_row from public.credit_ledger l where l.external_tx_id = p_external_tx_id;
    if found then
      return v_row; -- this outside transaction was applied already
    end if;
  end if;
  perform private.announce_wallet_change(p_family_id);
  select * into v_wallet from public.wallets w where w.family_id = p_family_id for update;
  if not found then
    perform private.raise_error('TF403', 'wallet_not_found');
  end if;
  update public.wallets w
     set paid_balance = w.paid_balance + p_paid,
         granted_balance = w.granted_balance + p_granted,
         lifetime_purchased = w.lifetime_purchased + case when p_reason = 'purchase' then p_paid else 0 end,
         last_seq = w.last_seq + 1
   where w.id = v_wallet.id
  returning * into v_wallet;
  insert into public.credit_ledger (
    wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after, actor_id, external_tx_id, memo, purchase_id
  )
  values (
    v_wallet.id, v_wallet.family_id, v_wallet.last_seq, p_reason, p_paid, p_granted, v_wallet.balance, p_actor_id,
    p_external_tx_id, p_memo, p_purchase_id
  )
  returning * into v_row;
  if p_granted > 0 then
    insert into public.credit_grants (wallet_id, family_id, ledger_id, reason, amount, remaining, expires_at)
    values (v_wallet.id, v_wallet.family_id, v_row.id, p_reason, p_granted, p_granted, p_expires_at);
  end if;
  return v_row;
end;
$$;

create or replace function private.debit_wallet(
  p_family_id uuid,
  p_reason public.credit_reason,
  p_amount int,
  p_actor_id uuid default null,
  p_external_tx_id text default null,
  p_memo text default null,
  p_job_id uuid default null,
  out entry public.credit_ledger,
  out granted_lots jsonb
)
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_wallet public.wallets%rowtype;
  v_granted int;
  v_left int;
  v_take int;
  v_lot record;
begin
  granted_lots := '{}'::jsonb;
  if p_amount is null or p_amount not between 1 and 1000000 then
    perform private.raise_error('TF400', 'credit_amount_range', '{"min":1,"max":1000000}');
  end if;
  perform private.announce_wallet_change(p_family_id);
  select * into v_wallet from public.wallets w where w.family_id = p_family_id for update;
  if not found then
    perform private.raise_error('TF403', 'wallet_not_found');
  end if;
  -- Expired lots are not spendable, even before the scheduled expiry has booked them out.
  if v_wallet.granted_balance > 0 and exists (
    select 1 from public.credit_grants g
     where g.wallet_id = v_wallet.id and g.remaining > 0 and g.expires_at <= now()
  ) then
    perform private.expire_wallet_grants(v_wallet.id, now());
    select * into v_wallet from public.wallets w where w.id = v_wallet.id;
  end if;
  if v_wallet.balance < p_amount then
    perform private.raise_error('TF409', 'insufficient_credits',
      jsonb_build_object('balance', v_wallet.balance, 'needed', p_amount));
  end if;
  v_granted := least(v_wallet.granted_balance, p_amount);
  update public.wallets w
     set granted_balance = w.granted_balance - v_granted,
         paid_balance = w.paid_balance - (p_amount - v_granted),
         last_seq = w.last_seq + 1
   where w.id = v_wallet.id
  returning * into v_wallet;
  insert into public.credit_ledger (
    wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after, actor_id, external_tx_id, memo, job_id
  )
  values (
    v_wallet.id, v_wallet.family_id, v_wallet.last_seq, p_reason, -(p_amount - v_granted), -v_granted,
    v_wallet.balance, p_actor_id, p_external_tx_id, p_memo, p_job_id
  )
  returning * into entry;
  v_left := v_granted;
  if v_left > 0 then
    for v_lot in
      select g.id, g.remaining from public.credit_grants g
       where g.wallet_id = v_wallet.id and g.remaining > 0
       order by g.expires_at nulls last, g.created_at
         for update
    loop
      v_take := least(v_lot.remaining, v_left);
      update public.credit_grants g set remaining = g.remaining - v_take where g.id = v_lot.id;
      granted_lots := granted_lots || jsonb_build_object(v_lot.id::text, v_take);
      v_left := v_left - v_take;
      exit when v_left = 0;
    end loop;
  end if;
end;
$$;

create or replace function private.capture_credits(p_job_id uuid)
returns public.credit_holds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_hold public.credit_holds%rowtype;
  v_wallet public.wallets%rowtype;
begin
  select * into v_hold from public.credit_holds h where h.job_id = p_job_id for update;
  if not found then
    perform private.raise_error('TF409', 'hold_not_found');
  end if;
  if v_hold.status = 'captured' then
    return v_hold;
  elsif v_hold.status = 'released' then
    perform private.raise_error('TF409', 'hold_already_released');
  end if;
  perform private.announce_wallet_change(v_hold.family_id);
  update public.wallets w set last_seq = w.last_seq + 1 where w.id = v_hold.wallet_id returning * into v_wallet;
  insert into public.credit_ledger (wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after, actor_id, memo, job_id)
  values (v_wallet.id, v_wallet.family_id, v_wallet.last_seq, 'generation_capture', 0, 0, v_wallet.balance,
          v_hold.actor_id, 'Charged for a story', p_job_id);
  update public.credit_holds h set status = 'captured', settled_at = now(), settle_reason = 'completed'
   where h.id = v_hold.id
  returning * into v_hold;
  return v_hold;
end;
$$;

create or replace function private.release_credits(p_job_id uuid, p_why text default 'failed')
returns public.credit_holds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_hold public.credit_holds%rowtype;
  v_wallet public.wallets%rowtype;
  v_lot record;
begin
  select * into v_hold from public.credit_holds h where h.job_id = p_job_id for update;
  if not found then
    perform private.raise_error('TF409', 'hold_not_found');
  end if;
  if v_hold.status = 'released' then
    return v_hold;
  elsif v_hold.status = 'captured' then
    perform private.raise_error('TF409', 'hold_already_captured');
  end if;
  perform private.announce_wallet_change(v_hold.family_id);
  update public.wallets w
     set paid_balance = w.paid_balance + v_hold.paid_part,
         granted_balance = w.granted_balance + v_hold.granted_part,
         last_seq = w.last_seq + 1
   where w.id = v_hold.wallet_id
  returning * into v_wallet;
  insert into public.credit_ledger (wallet_id, family_id, seq, reason, paid_delta, granted_delta, balance_after, actor_id, memo, job_id)
  values (v_wallet.id, v_wallet.family_id, v_wallet.last_seq, 'generation_release', v_hold.paid_part,
          v_hold.granted_part, v_wallet.balance, v_hold.actor_id, 'Given back: the story was not made', p_job_id);
  -- Granted credits go back to the lots they came from; an expired lot is booked out by the next expiry.
  for v_lot in select key::uuid as id, value::int as credits from jsonb_each_text(v_hold.granted_lots) loop
    update public.credit_grants g set remaining = g.remaining + v_lot.credits where g.id = v_lot.id;
  end loop;
  update public.credit_holds h
     set status = 'released', settled_at = now(), settle_reason = left(coalesce(p_why, 'failed'), 200)
   where h.id = v_hold.id
  returning * into v_hold;
  return v_hold;
end;
$$;

create or replace function private.refund_purchase(p_provider text, p_external_tx_id text, p_refund_id text)
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
