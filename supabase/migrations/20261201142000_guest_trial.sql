-- Why: grown-ups may try Tale Forge before signing up. An anonymous session (Auth's anonymous sign-in;
-- the user is a real auth user with is_anonymous = true, and gets a family of which they are the parent
-- like every grown-up) can claim a one-time welcome grant, at most once per device (a device id the app
-- keeps with the guest) and once per account, whatever the concurrency: both are unique keys of one
-- claims row. Signing up converts the same auth user (same id) into a regular parent account, so the
-- family, its stories and its credits stay; the Guest plan's limits (plan_features) then give way to
-- Free. Children never sign in as guests: a child account is never anonymous.

create table private.guest_trial_claims (
  id uuid primary key default gen_random_uuid(),
  -- No FKs: a claim must outlive the account and the family, or deleting them would free the device.
  user_id uuid not null unique,
  device_id text not null unique constraint guest_trial_claims_device_id_format check (device_id ~ '^[A-Za-z0-9_-]{16,64}$'),
  family_id uuid not null,
  credits int not null check (credits > 0),
  created_at timestamptz not null default now()
);
comment on table private.guest_trial_claims is 'Welcome grants claimed by guests: one per account (user_id) and one per device (device_id), for ever.';
comment on column private.guest_trial_claims.device_id is 'Random id the app stores on the guest''s device (cookie) and sends with the claim.';
create index idx_guest_trial_claims_family_id on private.guest_trial_claims (family_id);
revoke all on table private.guest_trial_claims from public, anon, authenticated, service_role;
alter table private.guest_trial_claims enable row level security;

create function private.claim_guest_trial(p_device_id text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  c_credits constant int := 10;
  v_user_id uuid := (select auth.uid());
  v_family_id uuid;
  v_claim_id uuid;
  v_entry public.credit_ledger%rowtype;
begin
  if not exists (
    select 1 from auth.users u
     where u.id = v_user_id and u.is_anonymous and coalesce(u.raw_app_meta_data ->> 'account_type', '') <> 'child'
  ) then
    perform private.raise_error('TF403', 'guest_trial_guests_only');
  end if;
  if p_device_id is null or p_device_id !~ '^[A-Za-z0-9_-]{16,64}$' then
    perform private.raise_error('TF400', 'device_id_invalid');
  end if;
  select fm.family_id into v_family_id from public.family_members fm where fm.user_id = v_user_id and fm.role = 'parent';
  if v_family_id is null then
    perform private.raise_error('TF403', 'not_a_parent');
  end if;
  insert into private.guest_trial_claims (user_id, device_id, family_id, credits)
  values (v_user_id, p_device_id, v_family_id, c_credits)
  on conflict do nothing
  returning id into v_claim_id;
  if v_claim_id is null then
    perform private.raise_error('TF409', 'guest_trial_already_claimed');
  end if;
  v_entry := private.credit_wallet(v_family_id, 'welcome_grant', 0, c_credits, v_user_id, 'guest-trial:' || v_claim_id,
    'Welcome credits for trying Tale Forge', now() + interval '30 days', null);
  return jsonb_build_object('credits', c_credits, 'balance', v_entry.balance_after, 'expires_at', now() + interval '30 days');
end;
$$;
comment on function private.claim_guest_trial(text) is 'Guest (anonymous account) only: grants the one-time welcome credits, once per account and once per device.';

create function private.get_guest_trial()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'is_guest', coalesce((select u.is_anonymous from auth.users u where u.id = (select auth.uid())), false),
    'claimed', exists (select 1 from private.guest_trial_claims c where c.user_id = (select auth.uid()))
  );
$$;
comment on function private.get_guest_trial() is 'Whether the caller is a guest and whether their account has claimed the welcome credits.';

-- A guest who signs up is on the Free plan from that moment, with its month of credits.
create function private.grant_converted_guest_free_month()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_family_id uuid;
begin
  select fm.family_id into v_family_id from public.family_members fm where fm.user_id = new.id and fm.role = 'parent';
  if v_family_id is not null then
    perform private.grant_free_month(v_family_id, now());
  end if;
  return null;
end;
$$;
comment on function private.grant_converted_guest_free_month() is 'Trigger function: when a guest signs up (is_anonymous becomes false), their family gets the Free plan''s month.';
revoke execute on function private.grant_converted_guest_free_month() from public;

create trigger on_guest_converted_free_month
after update of is_anonymous on auth.users
for each row when (old.is_anonymous and not new.is_anonymous)
execute function private.grant_converted_guest_free_month();

revoke execute on function private.claim_guest_trial(text), private.get_guest_trial() from public;
grant execute on function private.claim_guest_trial(text), private.get_guest_trial() to authenticated;

create function public.claim_guest_trial(p_device_id text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.claim_guest_trial(p_device_id); $$;
comment on function public.claim_guest_trial(text) is 'Guest only: the one-time welcome credits, once per account and per device.';

create function public.get_guest_trial()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$ select private.get_guest_trial(); $$;
comment on function public.get_guest_trial() is 'Whether the caller is a guest and has claimed the welcome credits.';

revoke execute on function public.claim_guest_trial(text), public.get_guest_trial() from public, anon;
grant execute on function public.claim_guest_trial(text), public.get_guest_trial() to authenticated;
