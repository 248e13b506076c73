-- Undoes 20261201143000_approval_kind_credit_spend.sql. Postgres cannot drop an enum value, so the type
-- is rebuilt without it (the credit_spend requests go with it).
delete from public.approval_requests where kind = 'credit_spend';
drop index public.idx_approval_requests_child_id_kind_pending;
alter table public.approval_requests drop constraint approval_requests_more_time_minutes;
alter type public.approval_kind rename to approval_kind_old;
create type public.approval_kind as enum ('more_time');
comment on type public.approval_kind is 'What a child asks a parent for. More kinds (e.g. spending credits) come with their features.';
alter table public.approval_requests alter column kind type public.approval_kind using kind::text::public.approval_kind;
alter table public.approval_requests add constraint approval_requests_more_time_minutes check (kind <> 'more_time' or minutes is not null);
create unique index idx_approval_requests_child_id_kind_pending on public.approval_requests (child_id, kind)
  where status = 'pending';
drop type public.approval_kind_old;
