-- Why: what a host or moderator does to people must be traceable afterwards: who banned, muted, promoted
-- or handed over the host role, who ended a session, who removed or approved a message. The shared
-- audit trigger records these changes in audit.log. Session rows carry the host family, so that
-- family's parents read their sessions' history (get_family_audit_log); participant and message rows
-- belong to no family (people of several families meet in a session), so their entries have no
-- family_id and are read by operators only. Chat inserts are not audited (the chat is its own record);
-- only changes to messages are, and of participants only roles, timeouts and bans (not every message's
-- slow-mode stamp).

create trigger audit_live_sessions
after insert or update or delete on public.live_sessions
for each row execute function audit.record_change('host_family_id');

create trigger audit_session_participants
after update of role, muted_until, banned_at or delete on public.session_participants
for each row execute function audit.record_change('no_family');

create trigger audit_chat_messages
after update of held, deleted_at on public.chat_messages
for each row execute function audit.record_change('no_family');
