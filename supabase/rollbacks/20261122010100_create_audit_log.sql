-- Undoes 20261122010100_create_audit_log.sql: the reader function, the triggers, then the log itself.
drop function if exists public.get_family_audit_log(int);
drop trigger if exists audit_family_members on public.family_members;
drop trigger if exists audit_families on public.families;
drop function if exists audit.record_change();
drop table if exists audit.log;
drop schema if exists audit;
