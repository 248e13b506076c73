-- Why: families choose a plan. Free and the monthly Family plan grant credits every period that expire
-- at the period's end; a guest (an anonymous trial account) is on the Guest plan until they sign up. What
-- each plan may do is listed in ONE place, plan_features, and the database enforces it through
-- private.require_plan_feature() (credit purchases and children's spending now; story creation, premium
-- models and live sessions when those features land). Subscriptions come from the payment provider
-- (the built-in sandbox or Stripe Billing) and change only through its events (renewals, failed
-- payments, cancellations), applied idempotently and in any order.

create table public.plans (
  id uuid primary key default gen_random_uuid(),
  code text not null unique constraint plans_code_format check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text not null check (char_length(name) between 1 and 40),
  description text not null default '' check (char_length(description) <= 200),
  monthly_credits int not null default 0 check (monthly_credits between 0 and 100000),
  price_cents int check (price_cents between 0 and 1000000),
  currency text not null default 'eur' check (currency ~ '^[a-z]{3}$'),
  purchasable boolean not null default false,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plans_purchasable_has_price check (not purchasable or price_cents > 0)
);

comment on table public.plans is 'The plans a family can be on: guest (anonymous trial), free, family (paid monthly). Read by everyone; changed only by migrations.';
comment on column public.plans.monthly_credits is 'Granted credits each period, expiring at the period''s end.';
comment on column public.plans.purchasable is 'Whether a parent can subscribe to it (a monthly price).';

create trigger set_plans_updated_at
before update on public.plans
for each row execute function public.set_updated_at();

create table public.plan_features (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.plans (id) on delete cascade,
  feature text not null constraint plan_features_feature_format check (feature ~ '^[a-z][a-z0-9_]{1,40}$'),
  enabled boolean not null default true,
  limit_value int check (limit_value >= 0),
  description text not null default '' check (char_length(description) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint plan_features_plan_id_feature_key unique (plan_id, feature)
);

comment on table public.plan_features is 'THE list of what each plan may do (the one place): a feature is allowed when its row is enabled, up to limit_value when set (null = no limit). A feature without a row is not allowed.';
comment on column public.plan_features.limit_value is 'Most uses per calendar month (e.g. stories created); null = unlimited.';

create trigger set_plan_features_updated_at
before update on public.plan_features
for each row execute function public.set_updated_at();

insert into public.plans (code, name, description, monthly_credits, price_cents, currency, purchasable, sort_order) values
  ('guest', 'Guest', 'Trying Tale Forge before signing up.', 0, null, 'eur', false, 0),
  ('free', 'Free', 'Read and create stories with a few credits each month.', 10, null, 'eur', false, 1),
  ('family', 'Family', '300 credits every month, premium story models and live sessions.', 300, 799, 'eur', true, 2);

insert into public.plan_features (plan_id, feature, enabled, limit_value, description)
select p.id, f.feature, f.enabled, f.limit_value, f.description
  from (values
    ('guest', 'read_public_stories', true, null::int, 'Read public stories'),
    ('guest', 'create_stories', true, 1, 'Create one story'),
    ('guest', 'buy_credits', false, null, 'Buy credit packages'),
    ('guest', 'child_spending', false, null, 'Children spend credits'),
    ('free', 'read_public_stories', true, null, 'Read public stories'),
    ('free', 'create_stories', true, 5, 'Create 5 stories a month'),
    ('free', 'buy_credits', true, null, 'Buy credit packages'),
    ('free', 'child_spending', true, null, 'Children spend credits within their allowance'),
    ('family', 'read_public_stories', true, null, 'Read public stories'),
    ('family', 'create_stories', true, null, 'Create unlimited stories'),
    ('family', 'buy_credits', true, null, 'Buy credit packages'),
    ('family', 'child_spending', true, null, 'Children spend credits within their allowance'),
    ('family', 'premium_models', true, null, 'Premium story models'),
    ('family', 'live_sessions', true, null, 'Live reading sessions')
  ) as f(plan_code, feature, enabled, limit_value, description)
  join public.plans p on p.code = f.plan_code;

create type public.subscription_status as enum ('active', 'past_due', 'canceled');
comment on type public.subscription_status is 'A subscription as its provider reports it: paid up, a renewal payment failed (still on the plan until the period ends), or ended.';

create table public.subscriptions (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  plan_id uuid not null references public.plans (id),
  provider text not null check (provider in ('sandbox', 'stripe')),
  provider_subscription_id text not null unique check (char_length(provider_subscription_id) between 1 and 255),
  status public.subscription_status not null default 'active',
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  last_event_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.subscriptions is 'A family''s paid plan at its payment provider. Written only from provider events (private.apply_payment_event), newest event wins.';
comment on column public.subscriptions.last_event_at is 'When the newest event applied to this row happened at the provider; an older event arriving late changes nothing but its own grant.';
comment on column public.subscriptions.cancel_at_period_end is 'The parent cancelled: the plan ends with the current period.';

-- One live subscription per family.
create unique index idx_subscriptions_family_id_live on public.subscriptions (family_id) where status <> 'canceled';
create index idx_subscriptions_family_id on public.subscriptions (family_id);
create index idx_subscriptions_plan_id on public.subscriptions (plan_id);

create trigger set_subscriptions_updated_at
before update on public.subscriptions
for each row execute function public.set_updated_at();

create trigger audit_subscriptions
after insert or update or delete on public.subscriptions
for each row execute function audit.record_change('family_id');

-- Which plan a family is on right now: a guest's family is on guest; a live subscription whose period
-- has not ended gives its plan (a failed renewal keeps it until the period's end); otherwise free.
create function private.family_plan(p_family_id uuid)
returns public.plans
language sql
stable
security definer
set search_path = ''
as $$
  select p.* from public.plans p
   where p.code = case
     when exists (
       select 1 from public.family_members fm join auth.users u on u.id = fm.user_id
        where fm.family_id = p_family_id and fm.role = 'parent' and u.is_anonymous
     ) then 'guest'
     else coalesce((
       select pl.code from public.subscriptions s join public.plans pl on pl.id = s.plan_id
        where s.family_id = p_family_id and s.status <> 'canceled' and s.current_period_end > now()
        order by s.current_period_end desc limit 1
     ), 'free')
   end;
$$;
comment on function private.family_plan(uuid) is 'The plan the family is on now: guest for an anonymous trial account, the live subscription''s plan until its period ends, otherwise free.';

-- The one enforcement point: raises plan_feature_unavailable or plan_limit_reached. p_used is how many
-- times the family used the feature this month (the caller counts its own rows).
create function private.require_plan_feature(p_family_id uuid, p_feature text, p_used int default 0)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_plan public.plans%rowtype := private.family_plan(p_family_id);
  v_feature public.plan_features%rowtype;
begin
  select * into v_feature from public.plan_features f where f.plan_id = v_plan.id and f.feature = p_feature;
  if not found or not v_feature.enabled then
    perform private.raise_error('TF403', 'plan_feature_unavailable',
      jsonb_build_object('plan', v_plan.code, 'feature', p_feature));
  end if;
  if v_feature.limit_value is not null and coalesce(p_used, 0) >= v_feature.limit_value then
    perform private.raise_error('TF403', 'plan_limit_reached',
      jsonb_build_object('plan', v_plan.code, 'feature', p_feature, 'limit', v_feature.limit_value));
  end if;
end;
$$;
comment on function private.require_plan_feature(uuid, text, int) is 'Refuses unless the family''s plan includes the feature (plan_features) and, for limited ones, p_used is below the limit.';

-- A parent's view of their plan: which plan, the live subscription, and what it includes.
create function private.get_my_plan()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with me as (
    select fm.family_id from public.family_members fm
     where fm.user_id = (select auth.uid()) and fm.role = 'parent'
  ), plan as (
    select p.* from me cross join lateral private.family_plan(me.family_id) p
  )
  select jsonb_build_object(
    'plan', (select jsonb_build_object('code', plan.code, 'name', plan.name, 'monthly_credits', plan.monthly_credits) from plan),
    'subscription', (
      select jsonb_build_object('id', s.id, 'status', s.status, 'provider', s.provider,
        'current_period_end', s.current_period_end, 'cancel_at_period_end', s.cancel_at_period_end,
        'plan_code', pl.code)
        from public.subscriptions s join public.plans pl on pl.id = s.plan_id join me on me.family_id = s.family_id
       where s.status <> 'canceled' order by s.created_at desc limit 1
    ),
    'features', (
      select coalesce(jsonb_agg(jsonb_build_object('feature', f.feature, 'limit', f.limit_value, 'description', f.description)
                                order by f.feature), '[]'::jsonb)
        from public.plan_features f join plan on plan.id = f.plan_id where f.enabled
    )
  )
  where exists (select 1 from me);
$$;
comment on function private.get_my_plan() is 'Parent only (null for others): the family''s current plan, its live subscription and the features it includes.';

revoke execute on function private.family_plan(uuid), private.require_plan_feature(uuid, text, int),
  private.get_my_plan() from public;
grant execute on function private.get_my_plan() to authenticated;

create function public.get_my_plan()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$ select private.get_my_plan(); $$;
comment on function public.get_my_plan() is 'Parent only (null for others): the family''s current plan, its live subscription and the features it includes.';
revoke execute on function public.get_my_plan() from public, anon;
grant execute on function public.get_my_plan() to authenticated;

-- The price list and plan list are public; subscriptions are the family's parents' business.
revoke all on table public.plans, public.plan_features, public.subscriptions from anon, authenticated, service_role;
grant select on table public.plans, public.plan_features to anon, authenticated, service_role;
grant select on table public.subscriptions to authenticated, service_role;

alter table public.plans enable row level security;
alter table public.plan_features enable row level security;
alter table public.subscriptions enable row level security;

create policy "Anyone can read the plans"
on public.plans
for select
to anon, authenticated
using (true);

create policy "Anyone can read what each plan includes"
on public.plan_features
for select
to anon, authenticated
using (true);

create policy "Parents can read their family's subscriptions"
on public.subscriptions
for select
to authenticated
using (private.is_family_parent(family_id));
