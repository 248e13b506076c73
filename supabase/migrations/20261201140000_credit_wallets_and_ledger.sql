-- Why: story generation costs credits, and money is where trust is lost fastest. Each family gets one
-- wallet whose balance is never negative, and every change of it is a row in an insert-only ledger
-- (delta, reason from a fixed set, actor, balance_after, per-wallet sequence number, external
-- transaction id unique where present, job id, paid vs granted part). No role can rewrite the ledger:
-- the API roles have no UPDATE/DELETE grant and a trigger refuses both even for the owner. Granted
-- credits (gifts, plan grants, bonuses) are spent before paid ones and expire where their grant says so;
-- each grant is a lot in credit_grants whose remaining credits the expiry books out.
-- Generation jobs hold credits while they run: reserve → capture (job completed) or release (failed or
-- timed out), each exactly once per job, in credit_holds. All writes go through the security-definer
-- functions below; the browser-facing ones come with thin wrappers in later migrations.

create type public.credit_reason as enum (
  'welcome_grant',
  'purchase',
  'founder_bonus',
  'plan_grant',
  'spend',
  'generation_reserve',
  'generation_capture',
  'generation_release',
  'admin_refund',
  'purchase_refund',
  'expiry'
);
comment on type public.credit_reason is 'Why a ledger row moved credits. A fixed set: every credit that enters or leaves a wallet has one of these.';

create table public.wallets (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null unique references public.families (id) on delete cascade,
  paid_balance int not null default 0 constraint wallets_paid_balance_non_negative check (paid_balance >= 0),
  granted_balance int not null default 0 constraint wallets_granted_balance_non_negative check (granted_balance >= 0),
  balance int generated always as (paid_balance + granted_balance) stored,
  lifetime_purchased int not null default 0 check (lifetime_purchased >= 0),
  last_seq bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.wallets is 'One credit wallet per family. Balances change only with a credit_ledger row, in the same transaction, under this row''s lock.';
comment on column public.wallets.paid_balance is 'Credits bought with money; never expire.';
comment on column public.wallets.granted_balance is 'Credits given (welcome, plan, founder bonus, refunds of gifts); spent first; equals the remaining credits of the wallet''s credit_grants.';
comment on column public.wallets.lifetime_purchased is 'All credits ever bought (not counting bonuses), for the billing view.';
comment on column public.wallets.last_seq is 'Sequence number of the newest ledger row of this wallet; the next row gets last_seq + 1.';

create trigger set_wallets_updated_at
before update on public.wallets
for each row execute function public.set_updated_at();

create table public.credit_ledger (
  id uuid primary key default gen_random_uuid(),
  -- No foreign keys to the wallet or the family: the ledger is the financial record and outlives both;
  -- a cascading delete would be a DELETE of ledger rows, which the trigger below refuses anyway.
  wallet_id uuid not null,
  family_id uuid not null,
  seq bigint not null,
  reason public.credit_reason not null,
  paid_delta int not null,
  granted_delta int not null,
  delta int generated always as (paid_delta + granted_delta) stored,
  balance_after int not null constraint credit_ledger_balance_after_non_negative check (balance_after >= 0),
  actor_id uuid,
  external_tx_id text constraint credit_ledger_external_tx_id_length check (char_length(external_tx_id) between 1 and 255),
  job_id uuid,
  purchase_id uuid,
  memo text constraint credit_ledger_memo_length check (char_length(memo) <= 200),
  created_at timestamptz not null default now(),
  constraint credit_ledger_wallet_id_seq_key unique (wallet_id, seq),
  -- A capture moves nothing (the reserve already took the credits); every other row moves some.
  constraint credit_ledger_moves_credits check (paid_delta <> 0 or granted_delta <> 0 or reason = 'generation_capture'),
  constraint credit_ledger_job_rows_have_job check (
    reason not in ('generation_reserve', 'generation_capture', 'generation_release') or job_id is not null
  )
);

comment on table public.credit_ledger is 'Insert-only history of every credit movement of every wallet. Σ delta per wallet = its balance; rows are never updated or deleted (trigger).';
comment on column public.credit_ledger.seq is 'Position in the wallet''s history (1, 2, 3, …): balance_after of row n = balance_after of row n-1 + delta of row n.';
comment on column public.credit_ledger.paid_delta is 'Change of the paid balance.';
comment on column public.credit_ledger.granted_delta is 'Change of the granted balance.';
comment on column public.credit_ledger.balance_after is 'Wallet balance (paid + granted) right after this row.';
comment on column public.credit_ledger.actor_id is 'auth.uid() of whoever caused the row (parent, child, guest); null for the system (provider events, scheduled jobs). No FK: history outlives accounts.';
comment on column public.credit_ledger.external_tx_id is 'Id of the outside transaction this row applies (provider payment, invoice or refund id, plan period, approval request); unique, so each applies at most once.';
comment on column public.credit_ledger.job_id is 'Generation job the row belongs to (reserve, capture, release). generation_jobs(id) once the stories work adds it.';
comment on column public.credit_ledger.purchase_id is 'Purchase the row belongs to (purchase, founder bonus, refund).';

create unique index idx_credit_ledger_external_tx_id on public.credit_ledger (external_tx_id) where external_tx_id is not null;
-- Each job is reserved once and settled (captured or released) once.
create unique index idx_credit_ledger_job_id_reserve on public.credit_ledger (job_id) where reason = 'generation_reserve';
create unique index idx_credit_ledger_job_id_settle on public.credit_ledger (job_id)
  where reason in ('generation_capture', 'generation_release');
-- Reads go by wallet (wallet_id, seq: the unique key's index); no index on family_id, to keep the
-- spend's write path short.
-- A child's spending this month (allowance).
create index idx_credit_ledger_actor_id_created_at on public.credit_ledger (actor_id, created_at) where actor_id is not null;
create index idx_credit_ledger_purchase_id on public.credit_ledger (purchase_id) where purchase_id is not null;

create function private.refuse_ledger_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform private.raise_error('TF409', 'ledger_insert_only');
  return null;
end;
$$;
comment on function private.refuse_ledger_change() is 'Trigger function: the credit ledger is insert-only; UPDATE, DELETE and TRUNCATE are refused for every role, the owner included.';
revoke execute on function private.refuse_ledger_change() from public;

create trigger refuse_credit_ledger_update_delete
before update or delete on public.credit_ledger
for each row execute function private.refuse_ledger_change();

create trigger refuse_credit_ledger_truncate
before truncate on public.credit_ledger
for each statement execute function private.refuse_ledger_change();

create table public.credit_grants (
  id uuid primary key default gen_random_uuid(),
  wallet_id uuid not null references public.wallets (id) on delete cascade,
  family_id uuid not null references public.families (id) on delete cascade,
  ledger_id uuid not null,
  reason public.credit_reason not null,
  amount int not null check (amount > 0),
  remaining int not null,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint credit_grants_remaining_range check (remaining between 0 and amount)
);

comment on table public.credit_grants is 'Lots of granted credits: how many of each grant are left and when they expire. Spending takes from the soonest-expiring lot first; the expiry books out what is left.';
comment on column public.credit_grants.ledger_id is 'The ledger row that granted the lot (no FK: ledger rows are addressed by id only).';
comment on column public.credit_grants.expires_at is 'When what is left of the lot expires; null = never.';

create index idx_credit_grants_wallet_id_expires_at on public.credit_grants (wallet_id, expires_at) where remaining > 0;
create index idx_credit_grants_family_id on public.credit_grants (family_id);
create index idx_credit_grants_expires_at on public.credit_grants (expires_at) where remaining > 0 and expires_at is not null;

create trigger set_credit_grants_updated_at
before update on public.credit_grants
for each row execute function public.set_updated_at();

create type public.credit_hold_status as enum ('held', 'captured', 'released');
comment on type public.credit_hold_status is 'A generation job''s credits: held while it runs, then captured (charged) or released (given back), once.';

-- Contract for the stories work (generation_jobs does not exist yet): a job's id is passed as a plain
-- uuid. The stories migration adds `foreign key (job_id) references public.generation_jobs (id)` here
-- and calls, from its own definer functions or the worker:
--   private.reserve_credits(family_id, job_id, amount, actor_id)  when the job is created (same transaction)
--   private.capture_credits(job_id)                              when the job completes
--   private.release_credits(job_id, why)                         when it fails; the timeout job does it otherwise
-- Each is idempotent per job id: a second reserve, capture or release of the same job returns the hold
-- unchanged; capturing a released hold (or releasing a captured one) is refused.
create table public.credit_holds (
  id uuid primary key default gen_random_uuid(),
  job_id uuid not null unique,
  wallet_id uuid not null references public.wallets (id) on delete cascade,
  family_id uuid not null references public.families (id) on delete cascade,
  actor_id uuid,
  amount int not null check (amount > 0),
  paid_part int not null check (paid_part >= 0),
  granted_part int not null check (granted_part >= 0),
  granted_lots jsonb not null default '{}'::jsonb,
  status public.credit_hold_status not null default 'held',
  expires_at timestamptz not null,
  settle_reason text check (char_length(settle_reason) <= 200),
  settled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint credit_holds_parts check (paid_part + granted_part = amount),
  constraint credit_holds_settled_when_not_held check ((status = 'held') = (settled_at is null))
);

comment on table public.credit_holds is 'Credits held for a generation job: one row per job, reserved when it starts, captured when it completes, released when it fails or times out.';
comment on column public.credit_holds.granted_lots is 'Which grant lots the hold took granted credits from ({lot id: credits}), so a release puts them back where they came from.';
comment on column public.credit_holds.expires_at is 'When a still-held hold is released by the worker (job timed out).';

create index idx_credit_holds_wallet_id on public.credit_holds (wallet_id);
create index idx_credit_holds_family_id_created_at on public.credit_holds (family_id, created_at desc);
create index idx_credit_holds_expires_at on public.credit_holds (expires_at) where status = 'held';

create trigger set_credit_holds_updated_at
before update on public.credit_holds
for each row execute function public.set_updated_at();

-- Every family has a wallet from the start (and the families made before this migration get theirs).
create function private.create_family_wallet()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.wallets (family_id) values (new.id) on conflict (family_id) do nothing;
  return null;
end;
$$;
comment on function private.create_family_wallet() is 'Trigger function: gives every new family an empty wallet.';
revoke execute on function private.create_family_wallet() from public;

create trigger create_family_wallet
after insert on public.families
for each row execute function private.create_family_wallet();

insert into public.wallets (family_id) select f.id from public.families f on conflict (family_id) do nothing;

-- Parents (and the realtime hooks of their pages) learn that the wallet changed; they re-fetch through
-- RLS. Every writer below announces BEFORE it takes the wallet lock: realtime.send is transactional
-- (the message goes out only if the transaction commits), so announcing early is just as correct and
-- keeps the broadcast out of the time a hot wallet's lock is held. Once per family per transaction.
create function private.announce_wallet_change(p_family_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('credits.announced', true), '') = p_family_id::text then
    return;
  end if;
  perform set_config('credits.announced', p_family_id::text, true);
  perform realtime.send(jsonb_build_object('child_id', null, 'kind', 'credits'), 'credits', 'family:' || p_family_id, true);
end;
$$;
comment on function private.announce_wallet_change(uuid) is 'Tells family:<family_id> that its credits changed (kind credits), once per transaction; delivered only if the transaction commits.';
revoke execute on function private.announce_wallet_change(uuid) from public;

create function private.broadcast_credits_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.announce_wallet_change(new.family_id);
  return null;
end;
$$;
comment on function private.broadcast_credits_change() is 'Trigger function: announces a change of a family''s credits (purchases and the like) on family:<family_id>.';
revoke execute on function private.broadcast_credits_change() from public;

-- Core writers. Not callable over the API: later migrations' functions call them after checking who
-- asks. Every one takes the wallet row lock first (select … for update), so concurrent movements of one
-- wallet queue on that lock and each sees the balance the previous one left.

-- Books out what is left of the wallet's lots that have expired by p_now (one ledger row per lot).
create function private.expire_wallet_grants(p_wallet_id uuid, p_now timestamptz)
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
comment on function private.expire_wallet_grants(uuid, timestamptz) is 'Books out, as expiry ledger rows, what is left of the wallet''s grant lots expired by p_now. The caller holds the wallet lock.';
revoke execute on function private.expire_wallet_grants(uuid, timestamptz) from public;

-- Adds credits: paid (purchases, refunds of paid holds) and/or granted (a new lot, expiring at p_expires_at).
create function private.credit_wallet(
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
comment on function private.credit_wallet(uuid, public.credit_reason, int, int, uuid, text, text, timestamptz, uuid) is 'Adds paid and/or granted credits with one ledger row (granted ones as a lot expiring at p_expires_at). With an external transaction id that was applied already, returns that row and changes nothing.';
revoke execute on function private.credit_wallet(uuid, public.credit_reason, int, int, uuid, text, text, timestamptz, uuid) from public;

-- Takes credits, granted first (soonest-expiring lot first), refusing an overdraft. Returns the ledger
-- row and the lots it took granted credits from.
create function private.debit_wallet(
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
comment on function private.debit_wallet(uuid, public.credit_reason, int, uuid, text, text, uuid) is 'Takes credits under the wallet lock, granted first (soonest-expiring lot first), refusing an overdraft (insufficient_credits). One ledger row.';
revoke execute on function private.debit_wallet(uuid, public.credit_reason, int, uuid, text, text, uuid) from public;

-- Generation jobs ----------------------------------------------------------------------------------------
create function private.reserve_credits(
  p_family_id uuid,
  p_job_id uuid,
  p_amount int,
  p_actor_id uuid default null,
  p_timeout interval default interval '15 minutes'
)
returns public.credit_holds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_hold public.credit_holds%rowtype;
  v_debit record;
begin
  if p_job_id is null then
    perform private.raise_error('TF400', 'job_id_missing');
  end if;
  if p_timeout is null or p_timeout not between interval '1 second' and interval '1 day' then
    perform private.raise_error('TF400', 'hold_timeout_range');
  end if;
  select * into v_hold from public.credit_holds h where h.job_id = p_job_id;
  if found then
    if v_hold.family_id <> p_family_id or v_hold.amount <> p_amount then
      perform private.raise_error('TF409', 'job_already_reserved');
    end if;
    return v_hold; -- reserving the same job again is a no-op
  end if;
  select * into v_debit from private.debit_wallet(p_family_id, 'generation_reserve', p_amount, p_actor_id, null,
    'Held for a story', p_job_id);
  insert into public.credit_holds (job_id, wallet_id, family_id, actor_id, amount, paid_part, granted_part, granted_lots, expires_at)
  values (p_job_id, (v_debit.entry).wallet_id, p_family_id, p_actor_id, p_amount, -(v_debit.entry).paid_delta,
          -(v_debit.entry).granted_delta, v_debit.granted_lots, now() + p_timeout)
  returning * into v_hold;
  -- The timeout is a job enqueued in this very transaction: there is never a hold without its deadline.
  perform graphile_worker.add_job('release_expired_hold', json_build_object('job_id', p_job_id),
    run_at := v_hold.expires_at, job_key := 'hold:' || p_job_id, max_attempts := 25);
  return v_hold;
end;
$$;
comment on function private.reserve_credits(uuid, uuid, int, uuid, interval) is 'Holds credits for a generation job (ledger row generation_reserve) and schedules its timeout release in the same transaction. Idempotent per job id.';
revoke execute on function private.reserve_credits(uuid, uuid, int, uuid, interval) from public;

create function private.capture_credits(p_job_id uuid)
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
comment on function private.capture_credits(uuid) is 'Charges a job''s held credits when it completes (ledger row generation_capture, delta 0). Idempotent; refused after a release.';
revoke execute on function private.capture_credits(uuid) from public;

create function private.release_credits(p_job_id uuid, p_why text default 'failed')
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
comment on function private.release_credits(uuid, text) is 'Gives a job''s held credits back when it fails or times out (ledger row generation_release), to the paid balance and the lots they came from. Idempotent; refused after a capture.';
revoke execute on function private.release_credits(uuid, text) from public;

-- Scheduled work (the worker's tasks call these as the database owner) --------------------------------
create function private.expire_granted_credits(p_now timestamptz default now())
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_wallet_id uuid;
  v_count int := 0;
begin
  for v_wallet_id in
    select distinct g.wallet_id from public.credit_grants g
     where g.remaining > 0 and g.expires_at <= p_now
  loop
    -- Wallet lock first, as every writer does, then the lots.
    perform 1 from public.wallets w where w.id = v_wallet_id for update;
    v_count := v_count + private.expire_wallet_grants(v_wallet_id, p_now);
  end loop;
  return v_count;
end;
$$;
comment on function private.expire_granted_credits(timestamptz) is 'Worker task: books out every grant lot expired by p_now. Returns the number of lots expired; running it again does nothing.';
revoke execute on function private.expire_granted_credits(timestamptz) from public;

create function private.release_expired_holds(p_now timestamptz default now())
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_job_id uuid;
  v_count int := 0;
begin
  for v_job_id in select h.job_id from public.credit_holds h where h.status = 'held' and h.expires_at <= p_now loop
    perform private.release_credits(v_job_id, 'timed out');
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;
comment on function private.release_expired_holds(timestamptz) is 'Worker task (safety net beside the per-hold timeout job): releases every hold still held past its deadline.';
revoke execute on function private.release_expired_holds(timestamptz) from public;

-- Access: parents read their family's wallet, ledger, lots and holds; nobody writes them directly.
revoke all on table public.wallets, public.credit_ledger, public.credit_grants, public.credit_holds from anon, authenticated, service_role;
grant select on table public.wallets, public.credit_ledger, public.credit_grants, public.credit_holds to authenticated, service_role;

alter table public.wallets enable row level security;
alter table public.credit_ledger enable row level security;
alter table public.credit_grants enable row level security;
alter table public.credit_holds enable row level security;

create policy "Parents can read their family's wallet"
on public.wallets
for select
to authenticated
using (private.is_family_parent(family_id));

create policy "Parents can read their family's credit ledger"
on public.credit_ledger
for select
to authenticated
using (private.is_family_parent(family_id));

create policy "Parents can read their family's credit grants"
on public.credit_grants
for select
to authenticated
using (private.is_family_parent(family_id));

create policy "Parents can read their family's credit holds"
on public.credit_holds
for select
to authenticated
using (private.is_family_parent(family_id));
