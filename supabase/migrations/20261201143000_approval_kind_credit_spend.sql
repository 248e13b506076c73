-- Why: a child's spend above the month's allowance becomes a question for a parent. The approvals queue
-- gets a second kind of request, credit_spend. On its own migration because a new enum value can only
-- be used once the transaction that added it has committed.
alter type public.approval_kind add value if not exists 'credit_spend';
comment on type public.approval_kind is 'What a child asks a parent for: more reading time today, or spending credits above the monthly allowance.';
