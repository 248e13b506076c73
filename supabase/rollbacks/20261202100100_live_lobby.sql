-- Undoes 20261202100100_live_lobby.sql.
drop function if exists public.pick_lobby_story(uuid, uuid);
drop function if exists public.cast_lobby_vote(uuid, uuid);
drop function if exists public.open_lobby_vote(uuid, uuid[]);
drop function if exists private.pick_lobby_story(uuid, uuid);
drop function if exists private.lobby_tally(uuid);
drop function if exists private.cast_lobby_vote(uuid, uuid);
drop function if exists private.open_lobby_vote(uuid, uuid[]);
drop function if exists private.live_story_usable(public.live_sessions, uuid);
drop table if exists public.lobby_votes;
drop table if exists public.session_story_options;
