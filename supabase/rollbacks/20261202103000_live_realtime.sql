-- Undoes 20261202103000_live_realtime.sql.
drop trigger if exists broadcast_session_phrases on public.session_phrases;
drop trigger if exists broadcast_chat_messages on public.chat_messages;
drop trigger if exists broadcast_session_choice_vetoes on public.session_choice_vetoes;
drop trigger if exists broadcast_votes on public.votes;
drop trigger if exists broadcast_voting_rounds on public.voting_rounds;
drop trigger if exists broadcast_lobby_votes on public.lobby_votes;
drop trigger if exists broadcast_session_story_options on public.session_story_options;
drop trigger if exists broadcast_session_participants on public.session_participants;
drop trigger if exists broadcast_live_sessions on public.live_sessions;
drop function if exists private.broadcast_live_change();
drop function if exists private.live_round_payload(public.voting_rounds);
drop policy if exists "Participants share their presence in their session" on realtime.messages;
drop policy if exists "Participants receive their session's events and presence" on realtime.messages;
drop function if exists private.may_join_live_topic(text);
