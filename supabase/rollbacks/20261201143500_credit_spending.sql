-- Undoes 20261201143500_credit_spending.sql.
drop function if exists public.get_children_credit_months();
drop function if exists public.get_my_allowance();
drop function if exists public.spend_credits(int, text, text);
drop function if exists private.get_children_credit_months();
drop function if exists private.get_my_allowance();
drop trigger if exists apply_approved_spend on public.approval_requests;
drop function if exists private.apply_approved_spend();
drop function if exists private.spend_credits(int, text, text);
drop function if exists private.child_month_spent(uuid, uuid, timestamptz);
drop function if exists private.family_month(uuid, timestamptz);
alter table public.approval_requests drop constraint if exists approval_requests_credit_spend_credits;
alter table public.approval_requests drop column if exists credits;
