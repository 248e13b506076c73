-- Why: public.spend_credits, the browser's door to the spend, was a one-line SQL function. With its
-- SET search_path PostgreSQL cannot inline it, and before version 18 a SQL function's body is parsed
-- and planned again on every call (the perf profile of bench:ledger shows the parser and planner
-- under it on every spend). In plpgsql the call's plan is cached per session. Same signature, same
-- privileges (create or replace keeps them), still security invoker.

create or replace function public.spend_credits(p_amount int, p_memo text, p_idempotency_key text)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
begin
  return private.spend_credits(p_amount, p_memo, p_idempotency_key);
end;
$$;
