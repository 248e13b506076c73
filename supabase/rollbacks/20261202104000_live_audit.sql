-- Undoes 20261202104000_live_audit.sql.
drop trigger if exists audit_chat_messages on public.chat_messages;
drop trigger if exists audit_session_participants on public.session_participants;
drop trigger if exists audit_live_sessions on public.live_sessions;
