-- Why: everyone in a live session must see the same thing at the same moment — who is there, the
-- lobby's tally, a round opening, its countdown, the live tally, the reveal, the next page, new chat —
-- without polling. The database broadcasts every state change itself (realtime.send from triggers, in
-- the transaction that made it: nothing is sent for a change that rolls back) on one private topic per
-- session, live:<session id>, which only its participants (not banned) may join, for broadcast and for
-- presence (who is watching; clients track themselves after SUBSCRIBED).
-- Payloads say what changed and carry only what every participant may read: a round's tally only once
-- revealed (or while open when its results are live); a chat event only the message id (a held
-- message's text never travels: clients re-fetch through RLS). Tallies in 'tally' events are a hint
-- (votes committed at the same instant may each miss the other); the 'round' event of the lock and the
-- reveal, and round_tally(), are authoritative. A client re-fetches state after every (re)join.

create function private.may_join_live_topic(p_topic text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_topic !~ '^live:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return false;
  end if;
  return private.is_session_participant(split_part(p_topic, ':', 2)::uuid);
end;
$$;
comment on function private.may_join_live_topic(text) is 'Private-channel authorisation: live:<session id> for the session''s participants who are not banned.';
revoke execute on function private.may_join_live_topic(text) from public;
grant execute on function private.may_join_live_topic(text) to authenticated;

create policy "Participants receive their session's events and presence"
on realtime.messages
for select
to authenticated
using (extension in ('broadcast', 'presence') and private.may_join_live_topic((select realtime.topic())));

-- Clients only track presence; state changes come from the database, never from a browser's broadcast.
create policy "Participants share their presence in their session"
on realtime.messages
for insert
to authenticated
with check (extension = 'presence' and private.may_join_live_topic((select realtime.topic())));

create function private.live_round_payload(p_round public.voting_rounds)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'round_id', p_round.id, 'session_id', p_round.session_id, 'segment_id', p_round.segment_id,
    'status', p_round.status, 'opens_at', p_round.opens_at, 'closes_at', p_round.closes_at,
    'paused_at', p_round.paused_at, 'results_visibility', p_round.results_visibility,
    'choice_ids', to_jsonb(p_round.choice_ids), 'winning_choice_id', p_round.winning_choice_id,
    'tied_choice_ids', to_jsonb(p_round.tied_choice_ids), 'tally', p_round.tally,
    'votes', (select count(*) from public.votes v where v.round_id = p_round.id),
    -- The database's clock, so a client far off can still count down correctly.
    'server_now', now());
$$;
comment on function private.live_round_payload(public.voting_rounds) is 'A round as broadcast: state, timer (with the database''s now), ballot; tally only once revealed.';

create function private.broadcast_live_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row record;
  v_session_id uuid;
  v_event text := tg_argv[0];
  v_payload jsonb;
  v_round public.voting_rounds%rowtype;
begin
  if tg_op = 'DELETE' then
    v_row := old;
  else
    v_row := new;
  end if;
  if tg_table_name = 'live_sessions' then
    v_session_id := v_row.id;
    v_payload := jsonb_build_object('status', new.status, 'story_id', new.story_id,
      'current_segment_id', new.current_segment_id, 'pending_choice_id', new.pending_choice_id,
      'lobby_open', new.lobby_open, 'chat_mode', new.chat_mode);
  elsif tg_table_name = 'session_participants' then
    v_session_id := v_row.session_id;
    v_payload := jsonb_build_object('user_id', new.user_id, 'role', new.role, 'present', new.left_at is null,
      'banned', new.banned_at is not null, 'muted_until', new.muted_until);
  elsif tg_table_name = 'lobby_votes' then
    v_session_id := v_row.session_id;
    v_payload := jsonb_build_object('tally', (select jsonb_agg(jsonb_build_object('story_id', t.story_id, 'votes', t.votes))
                                                 from private.lobby_tally(v_session_id) t));
  elsif tg_table_name = 'voting_rounds' then
    v_session_id := v_row.session_id;
    v_payload := private.live_round_payload(new);
  elsif tg_table_name = 'votes' then
    v_session_id := v_row.session_id;
    select * into v_round from public.voting_rounds r where r.id = v_row.round_id;
    v_payload := jsonb_build_object('round_id', v_round.id, 'votes', (select count(*) from public.votes v where v.round_id = v_round.id));
    if v_round.results_visibility = 'live' then
      v_payload := v_payload || jsonb_build_object('tally', (
        select jsonb_object_agg(c.id::text, (select count(*) from public.votes v where v.round_id = v_round.id and v.choice_id = c.id))
          from unnest(v_round.choice_ids) c(id)));
    end if;
  elsif tg_table_name = 'chat_messages' then
    v_session_id := v_row.session_id;
    v_payload := jsonb_build_object('message_id', v_row.id, 'operation', tg_op);
  else
    v_session_id := v_row.session_id;
    v_payload := jsonb_build_object('id', v_row.id, 'operation', tg_op);
  end if;
  if v_session_id is not null then
    perform realtime.send(v_payload || jsonb_build_object('session_id', v_session_id, 'kind', v_event),
                          v_event, 'live:' || v_session_id, true);
  end if;
  return null;
end;
$$;
comment on function private.broadcast_live_change() is 'Trigger function: tells live:<session id> that something of kind tg_argv[0] changed (what each kind carries: 20261202103000_live_realtime.sql).';
revoke execute on function private.may_join_live_topic(text), private.live_round_payload(public.voting_rounds),
  private.broadcast_live_change() from public;
grant execute on function private.may_join_live_topic(text) to authenticated;

create trigger broadcast_live_sessions
after update on public.live_sessions
for each row execute function private.broadcast_live_change('session');

create trigger broadcast_session_participants
after insert or update on public.session_participants
for each row execute function private.broadcast_live_change('participants');

create trigger broadcast_session_story_options
after insert on public.session_story_options
for each row execute function private.broadcast_live_change('shortlist');

create trigger broadcast_lobby_votes
after insert or update on public.lobby_votes
for each row execute function private.broadcast_live_change('lobby');

create trigger broadcast_voting_rounds
after insert or update on public.voting_rounds
for each row execute function private.broadcast_live_change('round');

create trigger broadcast_votes
after insert or update on public.votes
for each row execute function private.broadcast_live_change('tally');

create trigger broadcast_session_choice_vetoes
after insert on public.session_choice_vetoes
for each row execute function private.broadcast_live_change('veto');

create trigger broadcast_chat_messages
after insert or update on public.chat_messages
for each row execute function private.broadcast_live_change('chat');

create trigger broadcast_session_phrases
after insert on public.session_phrases
for each row execute function private.broadcast_live_change('phrases');
