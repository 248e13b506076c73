-- Undoes 20261122010500_create_reading_time_and_approvals.sql: the RPCs and helpers first (they name
-- the tables), then the tables and their types.
drop function if exists public.get_children_overview();
drop function if exists public.decide_approval_request(uuid, boolean);
drop function if exists public.request_more_time(int, text);
drop function if exists public.get_my_reading_day();
drop function if exists public.record_reading_time(int);
drop function if exists private.record_reading_time_at(uuid, int, timestamptz);
drop function if exists private.child_may(public.child_activity);
drop function if exists private.child_may_at(uuid, public.child_activity, timestamptz);
drop function if exists private.child_day(uuid, timestamptz);
drop table if exists public.approval_requests;
drop type if exists public.approval_status;
drop type if exists public.approval_kind;
drop table if exists public.reading_time_entries;
