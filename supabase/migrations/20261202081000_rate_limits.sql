-- Why: a script calling the API directly could start generation jobs or checkouts without end (each
-- job costs worker time, each checkout a provider session). The limits live in the database, in
-- BEFORE INSERT triggers on the rows those requests make, so no route skips them: the server actions,
-- a direct /rest/v1/rpc call, a retry (a replay of an idempotency key inserts nothing and so counts
-- nothing). Each limit counts the rows made in a sliding window, per account and per family (every
-- device and member of a family together: a device id sent by a client could be changed at will, an
-- account and its family cannot). A refusal is HTTP 429 with Retry-After, the moment the window
-- frees a slot. The numbers sit in a table so operators can tune them without a migration.

create table private.rate_limits (
  name text primary key constraint rate_limits_name_format check (name ~ '^[a-z_]+\.(account|family)\.[a-z0-9_]+$'),
  max_count int not null constraint rate_limits_max_count_range check (max_count between 1 and 1000000),
  per_window interval not null constraint rate_limits_window_range check (per_window between interval '1 second' and interval '1 day'),
  updated_at timestamptz not null default now()
);
comment on table private.rate_limits is 'Request limits enforced by the insert triggers of the limited tables: <table>.<account|family>.<label> allows max_count rows per sliding per_window.';

create trigger set_rate_limits_updated_at
before update on private.rate_limits
for each row execute function public.set_updated_at();

revoke all on table private.rate_limits from public, anon, authenticated, service_role;
alter table private.rate_limits enable row level security;

insert into private.rate_limits (name, max_count, per_window) values
  ('generation_jobs.account.minute', 10, interval '1 minute'),
  ('generation_jobs.account.hour', 100, interval '1 hour'),
  ('generation_jobs.family.minute', 20, interval '1 minute'),
  ('generation_jobs.family.hour', 200, interval '1 hour'),
  ('purchases.account.ten_minutes', 10, interval '10 minutes'),
  ('purchases.family.hour', 20, interval '1 hour');

-- TF429 becomes a real 429: RAISE SQLSTATE 'PGRST' lets the function choose PostgREST's response
-- (status, Retry-After from params.retry_after) while the body keeps the error contract (code TF429,
-- message the code's name, details the params as JSON), so supabase-js and userMessage() read it as
-- before. Other classes are unchanged.
create or replace function private.raise_error(p_state text, p_code text, p_params jsonb default null)
returns void
language plpgsql
set search_path = ''
as $$
declare
  v_params jsonb := coalesce(p_params, '{}'::jsonb);
begin
  if p_state !~ '^TF[0-9]{3}$' or p_code !~ '^[a-z][a-z0-9_]*$' then
    raise exception 'raise_error: bad state % or code %', p_state, p_code;
  end if;
  if p_state = 'TF429' then
    raise sqlstate 'PGRST' using
      message = jsonb_build_object('code', p_state, 'message', p_code, 'details', v_params::text, 'hint', null)::text,
      detail = jsonb_build_object('status', 429, 'headers',
        case when v_params ? 'retry_after' then jsonb_build_object('Retry-After', v_params ->> 'retry_after')
             else '{}'::jsonb end)::text;
  end if;
  raise exception using errcode = p_state, message = p_code, detail = v_params::text;
end;
$$;
comment on function private.raise_error(text, text, jsonb) is 'Raises our error contract: SQLSTATE p_state (class TF), MESSAGE p_code (snake_case name the app maps to a sentence), DETAIL p_params as JSON. TF429 is raised as PostgREST''s PGRST response: HTTP 429, Retry-After from p_params.retry_after.';

-- Whether `p_times` (the creation times of the subject's newest rows in the window, newest first, at
-- most max_count of them) already fills the limit: null when there is room, else the refusal's params
-- (seconds to wait, until the oldest of them leaves the window).
create function private.rate_limit_refusal(p_limit private.rate_limits, p_times timestamptz[])
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when cardinality(p_times) >= p_limit.max_count then jsonb_build_object(
    'retry_after', greatest(1, ceil(extract(epoch from p_times[p_limit.max_count] + p_limit.per_window - now())))::int,
    'limit', p_limit.max_count,
    'window_seconds', extract(epoch from p_limit.per_window)::int) end;
$$;
comment on function private.rate_limit_refusal(private.rate_limits, timestamptz[]) is 'Null when the newest rows in the window number fewer than max_count, else the TF429 params (retry_after seconds, limit, window_seconds).';
revoke execute on function private.rate_limit_refusal(private.rate_limits, timestamptz[]) from public;

-- One transaction at a time per limit and subject counts and inserts, so two requests at once cannot
-- both take the last slot. Limits are taken in name order (account before family): no deadlock.
create function private.limit_generation_jobs()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_limit private.rate_limits%rowtype;
  v_times timestamptz[];
  v_refusal jsonb;
begin
  for v_limit in select * from private.rate_limits l where l.name like 'generation\_jobs.%' order by l.name loop
    if v_limit.name like 'generation\_jobs.account.%' then
      perform pg_advisory_xact_lock(hashtextextended(v_limit.name || ':' || new.requested_by, 0));
      v_times := array(select j.created_at from public.generation_jobs j
                        where j.requested_by = new.requested_by and j.created_at > now() - v_limit.per_window
                        order by j.created_at desc limit v_limit.max_count);
    elsif new.family_id is not null then
      perform pg_advisory_xact_lock(hashtextextended(v_limit.name || ':' || new.family_id, 0));
      v_times := array(select j.created_at from public.generation_jobs j
                        where j.family_id = new.family_id and j.requested_by is not null
                          and j.created_at > now() - v_limit.per_window
                        order by j.created_at desc limit v_limit.max_count);
    else
      continue;
    end if;
    v_refusal := private.rate_limit_refusal(v_limit, v_times);
    if v_refusal is not null then
      perform private.raise_error('TF429', 'generation_rate_limited', v_refusal);
    end if;
  end loop;
  return new;
end;
$$;
comment on function private.limit_generation_jobs() is 'Trigger function: refuses a generation job someone asked for beyond the generation_jobs.* rate limits (TF429 generation_rate_limited).';
revoke execute on function private.limit_generation_jobs() from public;

-- Jobs the system makes (rewriting a reported page: requested_by null) are not limited.
create trigger limit_generation_jobs
before insert on public.generation_jobs
for each row when (new.requested_by is not null)
execute function private.limit_generation_jobs();

create function private.limit_purchases()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_limit private.rate_limits%rowtype;
  v_times timestamptz[];
  v_refusal jsonb;
begin
  for v_limit in select * from private.rate_limits l where l.name like 'purchases.%' order by l.name loop
    if v_limit.name like 'purchases.account.%' then
      continue when new.created_by is null;
      perform pg_advisory_xact_lock(hashtextextended(v_limit.name || ':' || new.created_by, 0));
      v_times := array(select p.created_at from public.purchases p
                        where p.created_by = new.created_by and p.created_at > now() - v_limit.per_window
                        order by p.created_at desc limit v_limit.max_count);
    else
      perform pg_advisory_xact_lock(hashtextextended(v_limit.name || ':' || new.family_id, 0));
      v_times := array(select p.created_at from public.purchases p
                        where p.family_id = new.family_id and p.created_at > now() - v_limit.per_window
                        order by p.created_at desc limit v_limit.max_count);
    end if;
    v_refusal := private.rate_limit_refusal(v_limit, v_times);
    if v_refusal is not null then
      perform private.raise_error('TF429', 'purchase_rate_limited', v_refusal);
    end if;
  end loop;
  return new;
end;
$$;
comment on function private.limit_purchases() is 'Trigger function: refuses a purchase beyond the purchases.* rate limits (TF429 purchase_rate_limited).';
revoke execute on function private.limit_purchases() from public;

create trigger limit_purchases
before insert on public.purchases
for each row execute function private.limit_purchases();

-- The account limit counts a parent's purchases by time: index it as the family's already is.
drop index public.idx_purchases_created_by;
create index idx_purchases_created_by_created_at on public.purchases (created_by, created_at desc);
