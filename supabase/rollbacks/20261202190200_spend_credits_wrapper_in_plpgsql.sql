-- Undoes 20261202190200_spend_credits_wrapper_in_plpgsql.sql: the SQL wrapper of 20261201143500.
create or replace function public.spend_credits(p_amount int, p_memo text, p_idempotency_key text)
returns jsonb
language sql
security invoker
set search_path = ''
as $$ select private.spend_credits(p_amount, p_memo, p_idempotency_key); $$;
