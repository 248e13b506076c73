-- Why: spending is where a family's credits go, and children spend too. spend_credits() is the one
-- browser-facing spend: idempotent per client key, row-locked, refusing an overdraft. A child's spend
-- within the month's allowance (parental_controls.monthly_credit_allowance, calendar month in the
-- family's time zone) goes through; above it, it becomes an approval request of kind credit_spend when
-- the parent has approval_above_allowance on (an allowance of 0 with approval on means "ask me every
-- time"), and is refused when it is off. The request is carried out when a parent approves it: by a
-- trigger on approval_requests, so it composes with any version of decide_approval_request() (the
-- families work changes that function in its own migration) — approving runs the spend in the same
-- transaction, and a spend that cannot happen (not enough credits) undoes the approval.

alter table public.approval_requests
  add column credits int constraint approval_requests_credits_range check (credits between 1 and 100000),
  add constraint approval_requests_credit_spend_credits check (kind <> 'credit_spend' or credits is not null);
comment on column public.approval_requests.credits is 'For credit_spend: how many credits the child wants to spend (message says on what).';

-- The calendar month of an instant in the family's time zone: [start, end).
create function private.family_month(p_family_id uuid, p_now timestamptz)
returns table (month_start timestamptz, month_end timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select date_trunc('month', p_now at time zone f.time_zone) at time zone f.time_zone,
         (date_trunc('month', p_now at time zone f.time_zone) + interval '1 month') at time zone f.time_zone
    from public.families f where f.id = p_family_id;
$$;
comment on function private.family_month(uuid, timestamptz) is 'The calendar month around p_now in the family''s time zone, as [month_start, month_end).';

-- Net credits a child spent in the month: spends and job holds they started, less holds given back.
create function private.child_month_spent(p_child_id uuid, p_family_id uuid, p_now timestamptz)
returns int
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(-sum(l.delta), 0)::int
    from public.credit_ledger l
    cross join private.family_month(p_family_id, p_now) m
   where l.actor_id = p_child_id and l.family_id = p_family_id
     and l.reason in ('spend', 'generation_reserve', 'generation_release')
     and l.created_at >= m.month_start and l.created_at < m.month_end;
$$;
comment on function private.child_month_spent(uuid, uuid, timestamptz) is 'Credits the child spent (net of released holds) in the family-time-zone month around p_now.';

create function private.spend_credits(p_amount int, p_memo text, p_idempotency_key text)
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
comment on function private.spend_credits(int, text, text) is 'Family member, idempotent per client key: spends credits (granted first, never below zero). A child past the month''s allowance gets an approval request instead, or a refusal when approval is off.';

-- Approving a credit_spend request carries it out, in the approving transaction.
create function private.apply_approved_spend()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.debit_wallet(new.family_id, 'spend', new.credits, new.child_id, 'approval:' || new.id,
    coalesce(new.message, 'Approved by a parent'));
  return null;
end;
$$;
comment on function private.apply_approved_spend() is 'Trigger function: when a parent approves a credit_spend request, spends its credits as the child (once: the request id is the ledger row''s external id). Not enough credits undoes the approval.';
revoke execute on function private.apply_approved_spend() from public;

create trigger apply_approved_spend
after update of status on public.approval_requests
for each row
when (new.kind = 'credit_spend' and old.status = 'pending' and new.status = 'approved')
execute function private.apply_approved_spend();

create function private.get_my_allowance()
returns table (
  allowance int,
  spent int,
  credits_left int,
  approval_above_allowance boolean,
  month_start timestamptz,
  month_end timestamptz,
  pending_request_id uuid,
  pending_credits int,
  pending_message text
)
language sql
stable
security definer
set search_path = ''
as $$
  select pc.monthly_credit_allowance,
         s.spent,
         greatest(pc.monthly_credit_allowance - s.spent, 0),
         pc.approval_above_allowance,
         m.month_start,
         m.month_end,
         r.id,
         r.credits,
         r.message
    from public.parental_controls pc
    cross join private.family_month(pc.family_id, now()) m
    cross join lateral (select private.child_month_spent(pc.child_id, pc.family_id, now()) as spent) s
    left join public.approval_requests r
      on r.child_id = pc.child_id and r.kind = 'credit_spend' and r.status = 'pending'
   where pc.child_id = (select auth.uid());
$$;
comment on function private.get_my_allowance() is 'Child only (no rows for others): this month''s credit allowance, what is spent and left, and an open spend request.';

create function private.get_children_credit_months()
returns table (
  child_id uuid,
  display_name text,
  allowance int,
  spent int,
  approval_above_allowance boolean,
  pending_credits int
)
language sql
stable
security definer
set search_path = ''
as $$
  select pc.child_id, p.display_name, pc.monthly_credit_allowance,
         private.child_month_spent(pc.child_id, pc.family_id, now()),
         pc.approval_above_allowance,
         (select r.credits from public.approval_requests r
           where r.child_id = pc.child_id and r.kind = 'credit_spend' and r.status = 'pending')
    from public.parental_controls pc
    join public.profiles p on p.id = pc.child_id
   where private.is_family_parent(pc.family_id)
   order by p.display_name;
$$;
comment on function private.get_children_credit_months() is 'Parent only (no rows for others): each child''s credit allowance this month, what they spent and any open spend request.';

revoke execute on function private.family_month(uuid, timestamptz), private.child_month_spent(uuid, uuid, timestamptz),
  private.spend_credits(int, text, text), private.get_my_allowance(), private.get_children_credit_months() from public;
grant execute on function private.spend_credits(int, text, text), private.get_my_allowance(),
  private.get_children_credit_months() to authenticated;

create function public.spend_credits(p_amount int, p_memo text, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.spend_credits(p_amount, p_memo, p_idempotency_key); $$;
comment on function public.spend_credits(int, text, text) is 'Family member, idempotent per client key (16-255 chars): spends credits; a child past the allowance gets an approval request (status pending_approval) or a refusal.';

create function public.get_my_allowance()
returns table (
  allowance int,
  spent int,
  credits_left int,
  approval_above_allowance boolean,
  month_start timestamptz,
  month_end timestamptz,
  pending_request_id uuid,
  pending_credits int,
  pending_message text
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.get_my_allowance(); $$;
comment on function public.get_my_allowance() is 'Child only: this month''s credit allowance, spent and left, and an open spend request.';

create function public.get_children_credit_months()
returns table (
  child_id uuid,
  display_name text,
  allowance int,
  spent int,
  approval_above_allowance boolean,
  pending_credits int
)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.get_children_credit_months(); $$;
comment on function public.get_children_credit_months() is 'Parent only: each child''s credit month (allowance, spent, open request).';

revoke execute on function public.spend_credits(int, text, text), public.get_my_allowance(),
  public.get_children_credit_months() from public, anon;
grant execute on function public.spend_credits(int, text, text), public.get_my_allowance(),
  public.get_children_credit_months() to authenticated;
