-- Why: at every choice point a live session votes on what happens next. The host opens a round over the
-- current page's choices (a timer of 15 s to 30 min, 30 s by default; one round at a time); everyone
-- votes and may change their vote until the round locks; the round locks on the DATABASE clock (a vote
-- at or after closes_at is refused whatever the voter's clock says); then it is revealed (tally and
-- winner), and applied: the session moves to the winning choice's page. The losing choices are left as
-- they are — unexplored branches (story_choices.to_segment_id null) stay unexplored for later, written
-- ones stay on the story map. A winning choice that is itself unexplored waits (pending_choice_id) and
-- the session moves on the moment its page is written (private.advance_waiting_sessions).
--
-- Closing needs no host browser: private.close_expired_rounds(), called by the worker every second,
-- locks, reveals and applies each expired round exactly once (sessions with auto_advance off are only
-- locked; their host reveals and applies).
--
-- Tie-break (deterministic, documented for participants): most votes wins; among tied choices the one
-- listed first on the page (lowest story_choices.position) wins — so a round nobody voted in goes to
-- the first choice. The host, or the family narrator, may break a tie instead after the reveal and
-- before the round is applied (break_tie).
--
-- Family narrator (a present parent of the host's family, the host included): break a tie, veto a
-- choice before its round opens (session_choice_vetoes), pause and resume a running vote, and add a
-- phrase (20261202102000_live_chat.sql).
--
-- Lock order, everywhere: the session row, then the round row. cast_vote takes only a shared lock on
-- the round, so votes never wait for each other, only for the step that locks the round.

create type public.voting_round_status as enum ('open', 'locked', 'revealed', 'applied', 'cancelled');
comment on type public.voting_round_status is 'A round''s life: open (votes taken), locked (votes frozen), revealed (tally and winner shown), applied (the session moved on), cancelled.';

create table public.voting_rounds (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  segment_id uuid not null references public.story_segments (id) on delete cascade,
  choice_ids uuid[] not null constraint voting_rounds_choice_ids_size check (cardinality(choice_ids) between 1 and 6),
  status public.voting_round_status not null default 'open',
  opens_at timestamptz not null default now(),
  closes_at timestamptz not null,
  paused_at timestamptz,
  results_visibility public.live_results_visibility not null,
  tally jsonb constraint voting_rounds_tally_object check (jsonb_typeof(tally) = 'object'),
  tied_choice_ids uuid[],
  winning_choice_id uuid references public.story_choices (id) on delete set null,
  tie_broken_by uuid references auth.users (id) on delete set null,
  opened_by uuid references auth.users (id) on delete set null,
  locked_at timestamptz,
  revealed_at timestamptz,
  applied_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint voting_rounds_closes_after_opening check (closes_at > opens_at),
  constraint voting_rounds_paused_only_open check (paused_at is null or status = 'open'),
  constraint voting_rounds_revealed_has_winner check (status not in ('revealed', 'applied') or tally is not null)
);

comment on table public.voting_rounds is 'One vote on the choices of a page of a live session. Changed only by the round functions; tally and winner appear at the reveal (so a hidden round gives nothing away before).';
comment on column public.voting_rounds.choice_ids is 'The choices on the ballot: the page''s choices in their order, minus the narrator''s vetoes.';
comment on column public.voting_rounds.closes_at is 'When voting ends, on the database clock; a pause moves it on by the paused time.';
comment on column public.voting_rounds.paused_at is 'Paused by the narrator: no votes, no closing, until resumed.';
comment on column public.voting_rounds.tally is 'Votes per choice id at the reveal: {"<choice id>": n}.';
comment on column public.voting_rounds.tied_choice_ids is 'The choices that shared the most votes (null when one led): the rule picked the first listed, the host or narrator may pick another.';
comment on column public.voting_rounds.tie_broken_by is 'Who broke the tie instead of the rule.';

create index idx_voting_rounds_session_id_created_at on public.voting_rounds (session_id, created_at desc);
create index idx_voting_rounds_segment_id on public.voting_rounds (segment_id);
create index idx_voting_rounds_winning_choice_id on public.voting_rounds (winning_choice_id);
create index idx_voting_rounds_tie_broken_by on public.voting_rounds (tie_broken_by);
create index idx_voting_rounds_opened_by on public.voting_rounds (opened_by);
-- The closer's scan: open rounds by closing time.
create index idx_voting_rounds_closes_at_open on public.voting_rounds (closes_at) where status = 'open';
-- One round in play per session (open, locked or revealed) — the last wall behind open_round's check.
create unique index idx_voting_rounds_session_id_active on public.voting_rounds (session_id)
  where status in ('open', 'locked', 'revealed');

create trigger set_voting_rounds_updated_at
before update on public.voting_rounds
for each row execute function public.set_updated_at();

create table public.votes (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.voting_rounds (id) on delete cascade,
  session_id uuid not null,
  participant_id uuid not null,
  choice_id uuid not null references public.story_choices (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint votes_round_id_participant_id_key unique (round_id, participant_id),
  constraint votes_participant_fkey foreign key (session_id, participant_id)
    references public.session_participants (session_id, id) on delete cascade
);

comment on table public.votes is 'One vote per participant per round, changeable until the round locks; written by cast_vote() only.';
comment on column public.votes.session_id is 'The round''s session (kept here so the participant is of that very session, by the foreign key).';

create index idx_votes_session_id_participant_id on public.votes (session_id, participant_id);
create index idx_votes_choice_id on public.votes (choice_id);

create trigger set_votes_updated_at
before update on public.votes
for each row execute function public.set_updated_at();

create table public.session_choice_vetoes (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  choice_id uuid not null references public.story_choices (id) on delete cascade,
  vetoed_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint session_choice_vetoes_session_id_choice_id_key unique (session_id, choice_id)
);

comment on table public.session_choice_vetoes is 'Choices the family narrator took off the ballot before their round opened; written by veto_choice().';

create index idx_session_choice_vetoes_choice_id on public.session_choice_vetoes (choice_id);
create index idx_session_choice_vetoes_vetoed_by on public.session_choice_vetoes (vetoed_by);

-- Helpers ------------------------------------------------------------------------------------------
create function private.require_live_host_or_narrator(p_session public.live_sessions)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype := private.live_me(p_session.id);
begin
  if v_me.role <> 'host' and not private.is_live_narrator(p_session) then
    perform private.raise_error('TF403', 'live_not_narrator');
  end if;
end;
$$;
comment on function private.require_live_host_or_narrator(public.live_sessions) is 'Raises live_not_narrator unless the caller is the host or the family narrator.';

-- The round and its session, both locked (session first: the lock order).
create function private.lock_voting_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session_id uuid;
  v_round public.voting_rounds%rowtype;
begin
  select r.session_id into v_session_id from public.voting_rounds r where r.id = p_round_id;
  if v_session_id is null then
    perform private.raise_error('TF403', 'live_round_not_found');
  end if;
  perform private.lock_live_session(v_session_id);
  select * into v_round from public.voting_rounds r where r.id = p_round_id for update;
  return v_round;
end;
$$;
comment on function private.lock_voting_round(uuid) is 'Locks the round''s session, then the round (the lock order); live_round_not_found when there is none.';

-- The state machine's steps on a locked round. No checks of who asks: the callers do that.
create function private.lock_round_now(p_round public.voting_rounds)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype;
begin
  update public.voting_rounds r set status = 'locked', locked_at = now(), paused_at = null
   where r.id = p_round.id and r.status = 'open'
  returning * into v_round;
  return v_round;
end;
$$;

-- Tally and winner by the rule (most votes; a tie to the first listed choice).
create function private.reveal_round_now(p_round public.voting_rounds)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype;
  v_tally jsonb;
  v_top int;
  v_tied uuid[];
begin
  with counts as (
    select c.id, c.position, count(v.id)::int as n
      from public.story_choices c
      left join public.votes v on v.round_id = p_round.id and v.choice_id = c.id
     where c.id = any(p_round.choice_ids)
     group by c.id, c.position
  )
  select jsonb_object_agg(id::text, n), max(n) into v_tally, v_top from counts;
  select array_agg(c.id order by c.position, c.id) into v_tied
    from public.story_choices c
   where c.id = any(p_round.choice_ids) and (v_tally ->> c.id::text)::int = v_top;
  update public.voting_rounds r
     set status = 'revealed', revealed_at = now(), tally = v_tally, winning_choice_id = v_tied[1],
         tied_choice_ids = case when cardinality(v_tied) > 1 then v_tied end
   where r.id = p_round.id and r.status = 'locked'
  returning * into v_round;
  return v_round;
end;
$$;

-- The session moves to the winner's page; an unexplored winner waits for its page to be written.
create function private.apply_round_now(p_round public.voting_rounds)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype;
  v_next uuid;
begin
  update public.voting_rounds r set status = 'applied', applied_at = now()
   where r.id = p_round.id and r.status = 'revealed'
  returning * into v_round;
  if v_round.id is null then
    return null;
  end if;
  select c.to_segment_id into v_next from public.story_choices c where c.id = v_round.winning_choice_id;
  update public.live_sessions s
     set current_segment_id = coalesce(v_next, s.current_segment_id),
         pending_choice_id = case when v_next is null then v_round.winning_choice_id end
   where s.id = v_round.session_id and s.status = 'live' and s.current_segment_id = v_round.segment_id;
  return v_round;
end;
$$;

revoke execute on function private.require_live_host_or_narrator(public.live_sessions), private.lock_voting_round(uuid),
  private.lock_round_now(public.voting_rounds), private.reveal_round_now(public.voting_rounds),
  private.apply_round_now(public.voting_rounds) from public;

-- The steps ----------------------------------------------------------------------------------------
create function private.open_round(p_session_id uuid, p_seconds int default null)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_seconds int;
  v_choices uuid[];
  v_round public.voting_rounds%rowtype;
begin
  perform private.require_live_host(p_session_id);
  if v_session.status <> 'live' then
    perform private.raise_error('TF409', 'live_session_not_live');
  end if;
  if v_session.pending_choice_id is not null then
    perform private.raise_error('TF409', 'live_waiting_for_page');
  end if;
  v_seconds := coalesce(p_seconds, v_session.vote_seconds);
  if v_seconds not between 15 and 1800 then
    perform private.raise_error('TF400', 'live_vote_seconds_range', '{"min":15,"max":1800}');
  end if;
  if exists (select 1 from public.voting_rounds r where r.session_id = p_session_id and r.status in ('open', 'locked', 'revealed')) then
    perform private.raise_error('TF409', 'live_round_active');
  end if;
  select array_agg(c.id order by c.position) into v_choices
    from public.story_choices c
   where c.from_segment_id = v_session.current_segment_id
     and not exists (select 1 from public.session_choice_vetoes x where x.session_id = p_session_id and x.choice_id = c.id);
  if v_choices is null then
    perform private.raise_error('TF409', 'live_segment_has_no_choices');
  end if;
  insert into public.voting_rounds (session_id, segment_id, choice_ids, closes_at, results_visibility, opened_by)
  values (p_session_id, v_session.current_segment_id, v_choices, now() + make_interval(secs => v_seconds),
          v_session.results_visibility, (select auth.uid()))
  returning * into v_round;
  return v_round;
end;
$$;
comment on function private.open_round(uuid, int) is 'Host only: opens a round on the current page''s choices (minus vetoes) for p_seconds (15-1800, default the session''s), one round at a time.';

create function private.cast_vote(p_round_id uuid, p_choice_id uuid)
returns public.votes
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype;
  v_me public.session_participants%rowtype;
  v_vote public.votes%rowtype;
begin
  -- Shared: votes run side by side; lock, pause and cancel (for update) wait for them and vice versa.
  select * into v_round from public.voting_rounds r where r.id = p_round_id for share;
  if not found then
    perform private.raise_error('TF403', 'live_round_not_found');
  end if;
  v_me := private.live_me(v_round.session_id);
  -- The database clock decides: closes_at passed means locked, even before the closer has run.
  if v_round.status <> 'open' or v_round.paused_at is null and v_round.closes_at <= now() then
    perform private.raise_error('TF409', 'live_round_closed');
  end if;
  if v_round.paused_at is not null then
    perform private.raise_error('TF409', 'live_round_paused');
  end if;
  if p_choice_id is null or not (p_choice_id = any(v_round.choice_ids)) then
    perform private.raise_error('TF400', 'live_choice_not_in_round');
  end if;
  insert into public.votes (round_id, session_id, participant_id, choice_id)
  values (v_round.id, v_round.session_id, v_me.id, p_choice_id)
  on conflict (round_id, participant_id) do update set choice_id = excluded.choice_id
  returning * into v_vote;
  return v_vote;
end;
$$;
comment on function private.cast_vote(uuid, uuid) is 'Present participant: votes for a choice of an open round, or changes their vote, until the round locks (database clock). Refuses choices not on the ballot, locked or paused rounds, non-participants and banned users.';

create function private.lock_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host(v_round.session_id);
  if v_round.status <> 'open' then
    perform private.raise_error('TF409', 'live_round_not_open');
  end if;
  return private.lock_round_now(v_round);
end;
$$;
comment on function private.lock_round(uuid) is 'Host only: locks an open round before its timer ends.';

create function private.reveal_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host(v_round.session_id);
  if v_round.status <> 'locked' then
    perform private.raise_error('TF409', 'live_round_not_locked');
  end if;
  return private.reveal_round_now(v_round);
end;
$$;
comment on function private.reveal_round(uuid) is 'Host only: reveals a locked round: its tally and the winner by the tie-break rule.';

create function private.apply_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host(v_round.session_id);
  if v_round.status <> 'revealed' then
    perform private.raise_error('TF409', 'live_round_not_revealed');
  end if;
  return private.apply_round_now(v_round);
end;
$$;
comment on function private.apply_round(uuid) is 'Host only: applies a revealed round: the session moves to the winning choice''s page (or waits for it to be written).';

create function private.cancel_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host(v_round.session_id);
  if v_round.status not in ('open', 'locked', 'revealed') then
    perform private.raise_error('TF409', 'live_round_finished');
  end if;
  update public.voting_rounds r set status = 'cancelled', cancelled_at = now(), paused_at = null
   where r.id = p_round_id
  returning * into v_round;
  return v_round;
end;
$$;
comment on function private.cancel_round(uuid) is 'Host only: cancels a round that is not applied yet (the session stays on its page).';

create function private.break_tie(p_round_id uuid, p_choice_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host_or_narrator((select s from public.live_sessions s where s.id = v_round.session_id));
  if v_round.status <> 'revealed' or v_round.tied_choice_ids is null then
    perform private.raise_error('TF409', 'live_no_tie');
  end if;
  if p_choice_id is null or not (p_choice_id = any(v_round.tied_choice_ids)) then
    perform private.raise_error('TF400', 'live_choice_not_tied');
  end if;
  update public.voting_rounds r set winning_choice_id = p_choice_id, tie_broken_by = (select auth.uid())
   where r.id = p_round_id
  returning * into v_round;
  return v_round;
end;
$$;
comment on function private.break_tie(uuid, uuid) is 'Host or family narrator: picks the winner among the tied choices of a revealed round, instead of the rule.';

create function private.pause_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host_or_narrator((select s from public.live_sessions s where s.id = v_round.session_id));
  if v_round.status <> 'open' or v_round.paused_at is not null or v_round.closes_at <= now() then
    perform private.raise_error('TF409', 'live_round_not_open');
  end if;
  update public.voting_rounds r set paused_at = now() where r.id = p_round_id returning * into v_round;
  return v_round;
end;
$$;
comment on function private.pause_round(uuid) is 'Host or family narrator: pauses a running vote (no votes, the timer stops).';

create function private.resume_round(p_round_id uuid)
returns public.voting_rounds
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype := private.lock_voting_round(p_round_id);
begin
  perform private.require_live_host_or_narrator((select s from public.live_sessions s where s.id = v_round.session_id));
  if v_round.status <> 'open' or v_round.paused_at is null then
    perform private.raise_error('TF409', 'live_round_not_paused');
  end if;
  update public.voting_rounds r set closes_at = r.closes_at + (now() - r.paused_at), paused_at = null
   where r.id = p_round_id
  returning * into v_round;
  return v_round;
end;
$$;
comment on function private.resume_round(uuid) is 'Host or family narrator: resumes a paused vote with the time it had left.';

create function private.veto_choice(p_session_id uuid, p_choice_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
begin
  perform private.require_live_narrator(v_session);
  if v_session.status <> 'live' then
    perform private.raise_error('TF409', 'live_session_not_live');
  end if;
  if not exists (select 1 from public.story_choices c where c.id = p_choice_id and c.from_segment_id = v_session.current_segment_id) then
    perform private.raise_error('TF400', 'live_choice_not_here');
  end if;
  -- Before its round opens: not while a round on this page is in play.
  if exists (select 1 from public.voting_rounds r where r.session_id = p_session_id and r.status in ('open', 'locked', 'revealed')) then
    perform private.raise_error('TF409', 'live_round_active');
  end if;
  if not exists (
    select 1 from public.story_choices c
     where c.from_segment_id = v_session.current_segment_id and c.id <> p_choice_id
       and not exists (select 1 from public.session_choice_vetoes x where x.session_id = p_session_id and x.choice_id = c.id)
  ) then
    perform private.raise_error('TF409', 'live_veto_last_choice');
  end if;
  insert into public.session_choice_vetoes (session_id, choice_id, vetoed_by)
  values (p_session_id, p_choice_id, (select auth.uid()))
  on conflict (session_id, choice_id) do nothing;
end;
$$;
comment on function private.veto_choice(uuid, uuid) is 'Family narrator: takes a choice of the current page off the ballot before its round opens (at least one choice stays).';

-- The tally a participant may see now: while a round with hidden results is open or locked, none.
create function private.round_tally(p_round_id uuid)
returns table (choice_id uuid, votes int)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_round public.voting_rounds%rowtype;
begin
  select * into v_round from public.voting_rounds r where r.id = p_round_id;
  if not found or not private.is_session_participant(v_round.session_id) then
    perform private.raise_error('TF403', 'live_round_not_found');
  end if;
  if v_round.results_visibility = 'hidden' and v_round.status in ('open', 'locked') then
    perform private.raise_error('TF409', 'live_results_hidden');
  end if;
  return query
    select c.id, count(v.id)::int
      from unnest(v_round.choice_ids) with ordinality c(id, n)
      left join public.votes v on v.round_id = v_round.id and v.choice_id = c.id
     group by c.id, c.n
     order by c.n;
end;
$$;
comment on function private.round_tally(uuid) is 'Participant: votes per ballot choice in ballot order; live_results_hidden before the reveal of a hidden round.';

-- The closer ---------------------------------------------------------------------------------------
-- Every expired, unpaused open round, exactly once: concurrent callers skip sessions another one holds
-- (skip locked) and re-check the round under the lock, so a round is never locked or applied twice.
create function private.close_expired_rounds()
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_candidate record;
  v_session public.live_sessions%rowtype;
  v_round public.voting_rounds%rowtype;
  v_closed int := 0;
begin
  for v_candidate in
    select r.id, r.session_id from public.voting_rounds r
     where r.status = 'open' and r.paused_at is null and r.closes_at <= now()
     order by r.closes_at
  loop
    select * into v_session from public.live_sessions s where s.id = v_candidate.session_id for update skip locked;
    continue when not found;
    select * into v_round from public.voting_rounds r
     where r.id = v_candidate.id and r.status = 'open' and r.paused_at is null and r.closes_at <= now()
       for update;
    continue when not found;
    v_round := private.lock_round_now(v_round);
    if v_session.auto_advance then
      v_round := private.reveal_round_now(v_round);
      v_round := private.apply_round_now(v_round);
    end if;
    v_closed := v_closed + 1;
  end loop;
  return v_closed;
end;
$$;
comment on function private.close_expired_rounds() is 'Worker, every second: locks each expired open round exactly once (and reveals and applies it when its session auto-advances). Returns how many it closed. Not callable over the API.';

-- A page written behind a choice a session is waiting on moves that session on.
create function private.advance_waiting_sessions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.live_sessions s
     set current_segment_id = new.to_segment_id, pending_choice_id = null
   where s.pending_choice_id = new.id and s.status = 'live';
  return null;
end;
$$;
comment on function private.advance_waiting_sessions() is 'Trigger function: when an unexplored choice gets its page, the live sessions waiting on it move to that page.';

create trigger advance_waiting_live_sessions
after update of to_segment_id on public.story_choices
for each row when (old.to_segment_id is null and new.to_segment_id is not null)
execute function private.advance_waiting_sessions();

-- An ended session leaves no round in play.
create function private.cancel_rounds_of_ended_session()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.voting_rounds r set status = 'cancelled', cancelled_at = now(), paused_at = null
   where r.session_id = new.id and r.status in ('open', 'locked', 'revealed');
  return null;
end;
$$;
comment on function private.cancel_rounds_of_ended_session() is 'Trigger function: ending a session cancels its round in play.';

create trigger cancel_rounds_of_ended_live_session
after update of status on public.live_sessions
for each row when (new.status = 'ended' and old.status <> 'ended')
execute function private.cancel_rounds_of_ended_session();

revoke execute on function private.open_round(uuid, int), private.cast_vote(uuid, uuid), private.lock_round(uuid),
  private.reveal_round(uuid), private.apply_round(uuid), private.cancel_round(uuid), private.break_tie(uuid, uuid),
  private.pause_round(uuid), private.resume_round(uuid), private.veto_choice(uuid, uuid), private.round_tally(uuid),
  private.close_expired_rounds(), private.advance_waiting_sessions(), private.cancel_rounds_of_ended_session()
  from public;
grant execute on function private.open_round(uuid, int), private.cast_vote(uuid, uuid), private.lock_round(uuid),
  private.reveal_round(uuid), private.apply_round(uuid), private.cancel_round(uuid), private.break_tie(uuid, uuid),
  private.pause_round(uuid), private.resume_round(uuid), private.veto_choice(uuid, uuid), private.round_tally(uuid)
  to authenticated;

-- The API ------------------------------------------------------------------------------------------
create function public.open_round(p_session_id uuid, p_seconds int default null)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.open_round(p_session_id, p_seconds); $$;
comment on function public.open_round(uuid, int) is 'Host only: opens a voting round on the current page (15 s to 30 min, default the session''s 30 s).';

create function public.cast_vote(p_round_id uuid, p_choice_id uuid)
returns public.votes
language sql
security invoker
set search_path = ''
as $$ select private.cast_vote(p_round_id, p_choice_id); $$;
comment on function public.cast_vote(uuid, uuid) is 'Participant: votes, or changes their vote, until the round locks.';

create function public.lock_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.lock_round(p_round_id); $$;
comment on function public.lock_round(uuid) is 'Host only: locks the round now.';

create function public.reveal_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.reveal_round(p_round_id); $$;
comment on function public.reveal_round(uuid) is 'Host only: reveals a locked round''s tally and winner.';

create function public.apply_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.apply_round(p_round_id); $$;
comment on function public.apply_round(uuid) is 'Host only: moves the session to the revealed winner''s page.';

create function public.cancel_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.cancel_round(p_round_id); $$;
comment on function public.cancel_round(uuid) is 'Host only: cancels a round not applied yet.';

create function public.break_tie(p_round_id uuid, p_choice_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.break_tie(p_round_id, p_choice_id); $$;
comment on function public.break_tie(uuid, uuid) is 'Host or family narrator: picks the winner of a revealed tie.';

create function public.pause_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.pause_round(p_round_id); $$;
comment on function public.pause_round(uuid) is 'Host or family narrator: pauses a running vote.';

create function public.resume_round(p_round_id uuid)
returns public.voting_rounds
language sql
security invoker
set search_path = ''
as $$ select private.resume_round(p_round_id); $$;
comment on function public.resume_round(uuid) is 'Host or family narrator: resumes a paused vote.';

create function public.veto_choice(p_session_id uuid, p_choice_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.veto_choice(p_session_id, p_choice_id); $$;
comment on function public.veto_choice(uuid, uuid) is 'Family narrator: takes a choice off the ballot before its round opens.';

create function public.round_tally(p_round_id uuid)
returns table (choice_id uuid, votes int)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.round_tally(p_round_id); $$;
comment on function public.round_tally(uuid) is 'Participant: votes per choice of a round (hidden rounds only after the reveal).';

revoke execute on function public.open_round(uuid, int), public.cast_vote(uuid, uuid), public.lock_round(uuid),
  public.reveal_round(uuid), public.apply_round(uuid), public.cancel_round(uuid), public.break_tie(uuid, uuid),
  public.pause_round(uuid), public.resume_round(uuid), public.veto_choice(uuid, uuid), public.round_tally(uuid)
  from public, anon;
grant execute on function public.open_round(uuid, int), public.cast_vote(uuid, uuid), public.lock_round(uuid),
  public.reveal_round(uuid), public.apply_round(uuid), public.cancel_round(uuid), public.break_tie(uuid, uuid),
  public.pause_round(uuid), public.resume_round(uuid), public.veto_choice(uuid, uuid), public.round_tally(uuid)
  to authenticated;

-- Access: read-only; votes of a hidden round are the voter's own until the reveal.
revoke all on table public.voting_rounds, public.votes, public.session_choice_vetoes from anon, authenticated, service_role;
grant select on table public.voting_rounds, public.votes, public.session_choice_vetoes to authenticated, service_role;

alter table public.voting_rounds enable row level security;
alter table public.votes enable row level security;
alter table public.session_choice_vetoes enable row level security;

create policy "Participants can read their session's rounds"
on public.voting_rounds
for select
to authenticated
using (private.is_session_participant(session_id));

create policy "Participants can read their own votes and the votes of visible rounds"
on public.votes
for select
to authenticated
using (
  exists (
    select 1 from public.session_participants p
     where p.id = participant_id and p.user_id = (select auth.uid()) and p.banned_at is null
  )
  or exists (
    select 1 from public.voting_rounds r
     where r.id = round_id and (r.results_visibility = 'live' or r.status in ('revealed', 'applied'))
  )
);

create policy "Participants can read their session's vetoes"
on public.session_choice_vetoes
for select
to authenticated
using (private.is_session_participant(session_id));
