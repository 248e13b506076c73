-- Undoes 20261201143000_approval_kind_credit_spend.sql. Postgres cannot drop an enum value, so the type
-- is rebuilt without it (the credit_spend requests go with it). Changing the column's type re-parses
-- every CHECK that compares kind with a literal, and those literals are of the old type then: each such
-- constraint is dropped first and added back after, under the names it has at this point of the chain
-- (approval_requests_more_time_minutes from the table's migration, approval_requests_more_time_requested
-- from 20261201110100_more_time_grants_and_cooldown). The indexes on kind are rebuilt by Postgres itself.
delete from public.approval_requests where kind = 'credit_spend';
alter table public.approval_requests
  drop constraint approval_requests_more_time_minutes,
  drop constraint approval_requests_more_time_requested;
alter type public.approval_kind rename to approval_kind_old;
create type public.approval_kind as enum ('more_time');
comment on type public.approval_kind is 'What a child asks a parent for. More kinds (e.g. spending credits) come with their features.';
alter table public.approval_requests alter column kind type public.approval_kind using kind::text::public.approval_kind;
alter table public.approval_requests
  add constraint approval_requests_more_time_minutes check (kind <> 'more_time' or minutes is not null),
  add constraint approval_requests_more_time_requested check (kind <> 'more_time' or requested_minutes is not null);
drop type public.approval_kind_old;
