-- Undoes 20261201091000_family_realtime_events.sql.
drop trigger if exists broadcast_parental_consents on public.parental_consents;
drop trigger if exists broadcast_reading_time_entries on public.reading_time_entries;
drop trigger if exists broadcast_approval_requests on public.approval_requests;
drop trigger if exists broadcast_parental_controls on public.parental_controls;
drop function if exists private.broadcast_family_change();
drop policy if exists "Family members receive their family's events" on realtime.messages;
drop function if exists private.may_receive_family_topic(text);
