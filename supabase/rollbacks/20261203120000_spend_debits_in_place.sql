-- Undoes 20261203120000_spend_debits_in_place.sql: idempotency_begin as in 20261202190000,
-- debit_wallet as in 20261202190100, spend_credits as in 20261201143500; idempotency_check goes.
create or replace function private.idempotency_begin(p_key text, p_operation text, p_request jsonb)
returns jsonb
language plpgsql
security definer
set search_path = ''
set enable_seqscan = off
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_hash text := md5(p_operation || ':' || coalesce(p_request, '{}'::jsonb)::text);
  v_row private.idempotency_keys%rowtype;
  v_claims jsonb;
begin
  if p_key is null or char_length(p_key) not between 16 and 255 or p_key ~ '[^!-~]' then
    perform private.raise_error('TF400', 'idempotency_key_invalid', '{"min":16,"max":255}');
  end if;
  if v_user_id is null then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  -- A concurrent request with this key waits here until the first commits (then its row is visible to
  -- the next statement) or rolls back (then the key is free).
  perform pg_advisory_xact_lock(hashtextextended(v_user_id::text || '/' || p_key, 0));
  select * into v_row from private.idempotency_keys k where k.user_id = v_user_id and k.key = p_key;
  if found then
    if v_row.expires_at <= now() then
      -- Older than 24 hours: the key counts as new.
      delete from private.idempotency_keys k where k.id = v_row.id;
    else
      if v_row.request_hash <> v_hash then
        perform private.raise_error('TF409', 'idempotency_key_reused');
      end if;
      return v_row.response;
    end if;
  end if;
  v_claims := coalesce(nullif(current_setting('idempotency.claims', true), '')::jsonb, '{}'::jsonb);
  perform set_config('idempotency.claims',
    (v_claims || jsonb_build_object(p_key, jsonb_build_array(p_operation, v_hash)))::text, true);
  return null;
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

create or replace function private.spend_credits(p_amount int, p_memo text, p_idempotency_key text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.family_members%rowtype;
  v_controls public.parental_controls%rowtype;
  v_memo text := nullif(btrim(coalesce(p_memo, '')), '');
  v_stored jsonb;
  v_used int;
  v_request_id uuid;
  v_local_date date;
  v_debit record;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if not found then
    perform private.raise_error('TF403', 'not_a_family_member');
  end if;
  if p_amount is null or p_amount not between 1 and 100000 then
    perform private.raise_error('TF400', 'credit_amount_range', '{"min":1,"max":100000}');
  end if;
  if char_length(v_memo) > 200 then
    perform private.raise_error('TF400', 'message_too_long', '{"max":200}');
  end if;
  v_stored := private.idempotency_begin(p_idempotency_key, 'spend_credits',
    jsonb_build_object('amount', p_amount, 'memo', v_memo));
  if v_stored is not null then
    return v_stored;
  end if;

  if v_member.role = 'child' then
    if not private.has_consent(v_user_id) then
      perform private.raise_error('TF403', 'needs_consent');
    end if;
    perform private.require_plan_feature(v_member.family_id, 'child_spending');
    -- The child's controls row serialises their spends, so two tabs cannot both slip under the allowance.
    select * into v_controls from public.parental_controls pc where pc.child_id = v_user_id for update;
    if v_controls.paused then
      perform private.raise_error('TF409', 'child_paused');
    end if;
    v_used := private.child_month_spent(v_user_id, v_member.family_id, now());
    if v_used + p_amount > v_controls.monthly_credit_allowance then
      if not v_controls.approval_above_allowance then
        perform private.raise_error('TF409', 'allowance_exceeded',
          jsonb_build_object('allowance', v_controls.monthly_credit_allowance, 'spent', v_used));
      end if;
      if exists (select 1 from public.approval_requests r
                  where r.child_id = v_user_id and r.kind = 'credit_spend' and r.status = 'pending') then
        perform private.raise_error('TF409', 'spend_request_pending');
      end if;
      select (now() at time zone f.time_zone)::date into v_local_date from public.families f where f.id = v_member.family_id;
      insert into public.approval_requests (family_id, child_id, kind, credits, for_date, message)
      values (v_member.family_id, v_user_id, 'credit_spend', p_amount, v_local_date, v_memo)
      returning id into v_request_id;
      return private.idempotency_finish(p_idempotency_key,
        jsonb_build_object('status', 'pending_approval', 'request_id', v_request_id, 'amount', p_amount));
    end if;
  end if;

  select * into v_debit from private.debit_wallet(v_member.family_id, 'spend', p_amount, v_user_id, null, v_memo);
  return private.idempotency_finish(p_idempotency_key, jsonb_build_object('status', 'spent',
    'ledger_id', (v_debit.entry).id, 'amount', p_amount, 'balance', (v_debit.entry).balance_after));
end;
$$;

drop function private.idempotency_check(text, text, jsonb);
