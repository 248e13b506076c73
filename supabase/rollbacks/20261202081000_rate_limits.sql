-- Undoes 20261202081000_rate_limits.sql (raise_error as 20261201090000 made it).
drop index if exists public.idx_purchases_created_by_created_at;
create index idx_purchases_created_by on public.purchases (created_by);
drop trigger if exists limit_purchases on public.purchases;
drop function if exists private.limit_purchases();
drop trigger if exists limit_generation_jobs on public.generation_jobs;
drop function if exists private.limit_generation_jobs();
drop function if exists private.rate_limit_refusal(private.rate_limits, timestamptz[]);
drop table if exists private.rate_limits;

create or replace function private.raise_error(p_state text, p_code text, p_params jsonb default null)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_state !~ '^TF[0-9]{3}$' or p_code !~ '^[a-z][a-z0-9_]*$' then
    raise exception 'raise_error: bad state % or code %', p_state, p_code;
  end if;
  raise exception using errcode = p_state, message = p_code, detail = coalesce(p_params, '{}'::jsonb)::text;
end;
$$;
comment on function private.raise_error(text, text, jsonb) is 'Raises our error contract: SQLSTATE p_state (class TF), MESSAGE p_code (snake_case name the app maps to a sentence), DETAIL p_params as JSON.';
