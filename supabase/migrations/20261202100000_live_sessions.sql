-- Why: a class, a family or friends read one story together, like a watch party. This migration adds
-- the session (host, title, join code, status, when it starts, which story and page it is on, chat and
-- vote settings) and its participants (host, moderators, viewers; joined/left, muted, banned), with
-- the steps that create, join, leave, hand over and end a session. Every step is a definer function
-- that locks the session row, so two clicks or two hosts cannot leave it half-changed.
--
-- Who may join (issue 12 asked us to choose and say why):
--   * Grown-ups join with the code. Whoever has the code is invited: the host shares it, and the host
--     or a moderator bans anyone who should not be there.
--   * A child joins only when BOTH hold: their parental controls allow live sessions right now
--     (private.child_may_at(child, 'live_sessions'): consent, not paused, not bedtime, switch on) AND
--     the session is hosted by a parent of the child's own family (live_sessions.host_family_id is the
--     child's family and the host is a parent there).
--   Why this rule and not "sessions hosted by a grown-up of the family's invite": a parent of the
--   child is then in charge of every session the child is in — they hold the host's tools (ban, mute,
--   end, the chat mode) and are the family narrator — so no stranger can ever put a child into a room.
--   The family's own parents already decided the child may join live sessions; an invite to another
--   family's session would need that other family's parents' say too, which nothing records yet.
--   The code alone never admits a child: a child who types the code of another family's session is
--   refused (live_child_outside_family).

create type public.live_session_status as enum ('scheduled', 'lobby', 'live', 'ended');
comment on type public.live_session_status is 'A live session''s life: scheduled for later, lobby (people gather, the story is chosen), live (reading and voting), ended.';

create type public.live_chat_mode as enum ('off', 'filtered', 'held_for_review', 'phrases_only', 'emote_only');
comment on type public.live_chat_mode is 'How everyone may chat in a session: not at all, free text through the word filter, every message held for a moderator, safe phrases only, emotes only. A child''s own chat level wins when it is stricter.';

create type public.live_participant_role as enum ('host', 'moderator', 'viewer');
comment on type public.live_participant_role is 'What a participant may do: the host runs the session, moderators keep the chat safe, viewers read, chat and vote.';

create type public.live_results_visibility as enum ('live', 'hidden');
comment on type public.live_results_visibility is 'Whether participants see a round''s tally while it is open (live) or only once it is revealed (hidden).';

-- Eight characters without look-alikes (private.random_code), unique among sessions.
create function private.new_live_join_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_code text;
begin
  loop
    v_code := private.random_code(8);
    exit when not exists (select 1 from public.live_sessions s where s.join_code = v_code);
  end loop;
  return v_code;
end;
$$;
revoke execute on function private.new_live_join_code() from public;

create table public.live_sessions (
  id uuid primary key default gen_random_uuid(),
  host_id uuid not null references auth.users (id) on delete cascade,
  host_family_id uuid not null references public.families (id) on delete cascade,
  title text not null constraint live_sessions_title_length check (char_length(title) between 1 and 80),
  join_code text not null unique constraint live_sessions_join_code_format check (join_code ~ '^[A-Z0-9]{8}$'),
  status public.live_session_status not null default 'lobby',
  scheduled_start timestamptz,
  started_at timestamptz,
  ended_at timestamptz,
  story_id uuid references public.stories (id) on delete set null,
  current_segment_id uuid references public.story_segments (id) on delete set null,
  pending_choice_id uuid references public.story_choices (id) on delete set null,
  chat_mode public.live_chat_mode not null default 'filtered',
  chat_slow_seconds int not null default 0 constraint live_sessions_slow_range check (chat_slow_seconds between 0 and 300),
  vote_seconds int not null default 30 constraint live_sessions_vote_seconds_range check (vote_seconds between 15 and 1800),
  results_visibility public.live_results_visibility not null default 'live',
  auto_advance boolean not null default true,
  lobby_open boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint live_sessions_scheduled_has_start check (status <> 'scheduled' or scheduled_start is not null),
  constraint live_sessions_ended_at check ((status = 'ended') = (ended_at is not null))
);

comment on table public.live_sessions is 'A live story session: a host, a join code, a status, the story and page everyone is on, chat and vote settings. Changed only by the live_* definer functions; read by its participants.';
comment on column public.live_sessions.host_family_id is 'The family the host was a parent of when they created the session: its children may join (the join rule in 20261202100000_live_sessions.sql), its parents are the narrators.';
comment on column public.live_sessions.join_code is 'What participants type to join (8 characters, no look-alikes). Expires when the session ends.';
comment on column public.live_sessions.current_segment_id is 'The page everyone is reading now.';
comment on column public.live_sessions.pending_choice_id is 'A winning choice whose page is not written yet (unexplored): the session moves on to it when the page appears (private.advance_waiting_sessions).';
comment on column public.live_sessions.chat_slow_seconds is 'Slow mode: seconds a participant waits between two messages (0 = off).';
comment on column public.live_sessions.vote_seconds is 'Default length of a voting round (15 s to 30 min).';
comment on column public.live_sessions.auto_advance is 'When true, an expired round is locked, revealed and applied by close_expired_rounds() (no host browser needed); when false it is only locked and the host reveals and applies it.';
comment on column public.live_sessions.lobby_open is 'True while the lobby vote on the story shortlist is open.';

create index idx_live_sessions_host_id on public.live_sessions (host_id);
create index idx_live_sessions_host_family_id_status on public.live_sessions (host_family_id, status);
create index idx_live_sessions_story_id on public.live_sessions (story_id);
create index idx_live_sessions_current_segment_id on public.live_sessions (current_segment_id);
create index idx_live_sessions_pending_choice_id on public.live_sessions (pending_choice_id) where pending_choice_id is not null;

create trigger set_live_sessions_updated_at
before update on public.live_sessions
for each row execute function public.set_updated_at();

create table public.session_participants (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.live_participant_role not null default 'viewer',
  joined_at timestamptz not null default now(),
  left_at timestamptz,
  muted_until timestamptz,
  banned_at timestamptz,
  banned_by uuid references auth.users (id) on delete set null,
  ban_reason text constraint session_participants_ban_reason_length check (char_length(ban_reason) <= 200),
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_participants_session_id_user_id_key unique (session_id, user_id),
  -- Lets votes and messages name a participant of their own session only.
  constraint session_participants_session_id_id_key unique (session_id, id),
  constraint session_participants_banned_is_gone check (banned_at is null or left_at is not null)
);

comment on table public.session_participants is 'Who is in a live session and as what; a ban is a participant row with banned_at (they cannot rejoin). Changed only by the live_* definer functions.';
comment on column public.session_participants.left_at is 'When they left (null while present). Someone who left still reads the session''s transcript and results.';
comment on column public.session_participants.muted_until is 'A moderator''s timeout: no chat until then.';
comment on column public.session_participants.banned_at is 'Banned by a moderator: out of the session for good, reads nothing of it any more.';
comment on column public.session_participants.last_message_at is 'When they last chatted: slow mode counts from it.';

create index idx_session_participants_user_id on public.session_participants (user_id);
create index idx_session_participants_banned_by on public.session_participants (banned_by);
-- At most one host per session.
create unique index idx_session_participants_session_id_host on public.session_participants (session_id) where role = 'host';

create trigger set_session_participants_updated_at
before update on public.session_participants
for each row execute function public.set_updated_at();

-- Membership helpers for policies and RPCs ----------------------------------------------------------
-- security definer so that the policies on session_participants do not recurse.
create function private.is_session_participant(p_session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.session_participants p
     where p.session_id = p_session_id and p.user_id = (select auth.uid()) and p.banned_at is null
  );
$$;
comment on function private.is_session_participant(uuid) is 'True when the requesting user joined the session (present or left) and is not banned: they read its data.';

create function private.is_session_moderator(p_session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.session_participants p
     where p.session_id = p_session_id and p.user_id = (select auth.uid()) and p.banned_at is null
       and p.role in ('host', 'moderator')
  );
$$;
comment on function private.is_session_moderator(uuid) is 'True when the requesting user is the session''s host or one of its moderators.';

revoke execute on function private.is_session_participant(uuid), private.is_session_moderator(uuid) from public;
grant execute on function private.is_session_participant(uuid), private.is_session_moderator(uuid) to authenticated, service_role;

-- The session row locked for a step, or session_not_found. Every decisive step starts here, so steps on
-- one session run one after another.
create function private.lock_live_session(p_session_id uuid)
returns public.live_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype;
begin
  select * into v_session from public.live_sessions s where s.id = p_session_id for update;
  if not found then
    perform private.raise_error('TF403', 'live_session_not_found');
  end if;
  return v_session;
end;
$$;
comment on function private.lock_live_session(uuid) is 'Locks the session row for the current step (for update); live_session_not_found when there is none.';

-- The caller's present, unbanned participant row in a session, or the refusal that fits.
create function private.live_me(p_session_id uuid)
returns public.session_participants
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype;
begin
  select * into v_me from public.session_participants p
   where p.session_id = p_session_id and p.user_id = (select auth.uid());
  if not found or v_me.left_at is not null and v_me.banned_at is null then
    perform private.raise_error('TF403', 'live_not_participant');
  end if;
  if v_me.banned_at is not null then
    perform private.raise_error('TF403', 'live_banned');
  end if;
  -- A parent who pauses the child, or bedtime, or switching live sessions off, stops them at once, in
  -- the session they are already in too.
  if exists (select 1 from public.parental_controls pc where pc.child_id = v_me.user_id)
     and not private.child_may_at(v_me.user_id, 'live_sessions', now()) then
    perform private.raise_error('TF403', 'live_child_not_allowed');
  end if;
  return v_me;
end;
$$;
comment on function private.live_me(uuid) is 'The caller''s participant row while present; live_not_participant (never joined or left), live_banned, or live_child_not_allowed (a child whose controls no longer allow live sessions) otherwise.';

create function private.require_live_host(p_session_id uuid)
returns public.session_participants
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype := private.live_me(p_session_id);
begin
  if v_me.role <> 'host' then
    perform private.raise_error('TF403', 'live_not_host');
  end if;
  return v_me;
end;
$$;
comment on function private.require_live_host(uuid) is 'The caller''s participant row when they are the session''s host; live_not_host otherwise.';

create function private.require_live_moderator(p_session_id uuid)
returns public.session_participants
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype := private.live_me(p_session_id);
begin
  if v_me.role not in ('host', 'moderator') then
    perform private.raise_error('TF403', 'live_not_moderator');
  end if;
  return v_me;
end;
$$;
comment on function private.require_live_moderator(uuid) is 'The caller''s participant row when they host or moderate the session; live_not_moderator otherwise.';

-- The family narrator: a parent of the host's family who is present (the host, or a co-parent).
create function private.is_live_narrator(p_session public.live_sessions)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.session_participants p
      join public.family_members fm on fm.user_id = p.user_id and fm.family_id = p_session.host_family_id and fm.role = 'parent'
     where p.session_id = p_session.id and p.user_id = (select auth.uid()) and p.left_at is null and p.banned_at is null
  );
$$;
comment on function private.is_live_narrator(public.live_sessions) is 'True when the caller is a present parent of the host''s family: the narrator (break a tie, veto a choice, pause a vote, add a phrase).';

create function private.require_live_narrator(p_session public.live_sessions)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.live_me(p_session.id);
  if not private.is_live_narrator(p_session) then
    perform private.raise_error('TF403', 'live_not_narrator');
  end if;
end;
$$;
comment on function private.require_live_narrator(public.live_sessions) is 'Raises live_not_narrator unless the caller is the session''s family narrator.';

create function private.require_live_not_ended(p_session public.live_sessions)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_session.status = 'ended' then
    perform private.raise_error('TF409', 'live_session_ended');
  end if;
end;
$$;

revoke execute on function private.lock_live_session(uuid), private.live_me(uuid), private.require_live_host(uuid),
  private.require_live_moderator(uuid), private.is_live_narrator(public.live_sessions),
  private.require_live_narrator(public.live_sessions), private.require_live_not_ended(public.live_sessions) from public;

-- create ---------------------------------------------------------------------------------------------
create function private.create_live_session(
  p_title text,
  p_scheduled_start timestamptz default null,
  p_chat_mode public.live_chat_mode default 'filtered',
  p_vote_seconds int default 30,
  p_results_visibility public.live_results_visibility default 'live',
  p_chat_slow_seconds int default 0,
  p_auto_advance boolean default true
)
returns public.live_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_family_id uuid;
  v_title text := btrim(coalesce(p_title, ''));
  v_session public.live_sessions%rowtype;
begin
  -- Hosts are grown-ups: the parent of a family (every grown-up account has one from sign-up).
  select fm.family_id into v_family_id from public.family_members fm where fm.user_id = v_user_id and fm.role = 'parent';
  if v_family_id is null then
    perform private.raise_error('TF403', 'not_a_parent');
  end if;
  if char_length(v_title) not between 1 and 80 then
    perform private.raise_error('TF400', 'live_title_length', '{"min":1,"max":80}');
  end if;
  if p_scheduled_start is not null and (p_scheduled_start <= now() or p_scheduled_start > now() + interval '90 days') then
    perform private.raise_error('TF400', 'live_scheduled_start_invalid', '{"max_days":90}');
  end if;
  if p_vote_seconds is null or p_vote_seconds not between 15 and 1800 then
    perform private.raise_error('TF400', 'live_vote_seconds_range', '{"min":15,"max":1800}');
  end if;
  if p_chat_slow_seconds is null or p_chat_slow_seconds not between 0 and 300 then
    perform private.raise_error('TF400', 'live_slow_seconds_range', '{"min":0,"max":300}');
  end if;
  insert into public.live_sessions (host_id, host_family_id, title, join_code, status, scheduled_start, chat_mode,
                                    chat_slow_seconds, vote_seconds, results_visibility, auto_advance)
  values (v_user_id, v_family_id, v_title, private.new_live_join_code(),
          case when p_scheduled_start is null then 'lobby' else 'scheduled' end::public.live_session_status,
          p_scheduled_start, coalesce(p_chat_mode, 'filtered'), p_chat_slow_seconds, p_vote_seconds,
          coalesce(p_results_visibility, 'live'), coalesce(p_auto_advance, true))
  returning * into v_session;
  insert into public.session_participants (session_id, user_id, role) values (v_session.id, v_user_id, 'host');
  return v_session;
end;
$$;
comment on function private.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean) is 'Parent only: a new session (lobby now, or scheduled) with a fresh join code; the caller is its host.';

-- join / leave ---------------------------------------------------------------------------------------
create function private.join_live_session(p_code text)
returns public.live_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_session public.live_sessions%rowtype;
  v_member public.family_members%rowtype;
  v_me public.session_participants%rowtype;
begin
  if v_user_id is null then
    perform private.raise_error('TF403', 'not_signed_in');
  end if;
  select * into v_session from public.live_sessions s where s.join_code = upper(btrim(coalesce(p_code, ''))) for update;
  if not found then
    perform private.raise_error('TF400', 'live_code_invalid');
  end if;
  if v_session.status = 'ended' then
    perform private.raise_error('TF409', 'live_code_expired');
  end if;
  select * into v_me from public.session_participants p where p.session_id = v_session.id and p.user_id = v_user_id;
  if v_me.banned_at is not null then
    perform private.raise_error('TF403', 'live_banned');
  end if;
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if v_member.role = 'child' then
    -- The join rule (see the top of this migration): the child's own family's parent hosts, and the
    -- child's controls allow live sessions now.
    if v_member.family_id <> v_session.host_family_id
       or not exists (select 1 from public.family_members h
                       where h.user_id = v_session.host_id and h.family_id = v_member.family_id and h.role = 'parent') then
      perform private.raise_error('TF403', 'live_child_outside_family');
    end if;
    if not private.child_may_at(v_user_id, 'live_sessions', now()) then
      perform private.raise_error('TF403', 'live_child_not_allowed');
    end if;
    -- A story already chosen must be one the child may read.
    if v_session.story_id is not null and (select s.age_band from public.stories s where s.id = v_session.story_id)
         > (select pc.age_band from public.parental_controls pc where pc.child_id = v_user_id) then
      perform private.raise_error('TF403', 'live_story_above_band');
    end if;
  end if;
  if v_me.id is null then
    insert into public.session_participants (session_id, user_id, role) values (v_session.id, v_user_id, 'viewer');
  elsif v_me.left_at is not null then
    update public.session_participants p set left_at = null, joined_at = now() where p.id = v_me.id;
  end if;
  return v_session;
end;
$$;
comment on function private.join_live_session(text) is 'Signed-in users with the code: joins (or rejoins) the session. Children only under the join rule (their family''s parent hosts, live sessions allowed); banned participants and ended sessions are refused.';

create function private.leave_live_session(p_session_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_me public.session_participants%rowtype;
begin
  perform private.lock_live_session(p_session_id);
  -- Not live_me(): leaving is always possible, for a child whose parent just paused them too.
  select * into v_me from public.session_participants p
   where p.session_id = p_session_id and p.user_id = (select auth.uid()) and p.left_at is null;
  if not found then
    perform private.raise_error('TF403', 'live_not_participant');
  end if;
  -- The host stays host while away: the worker closes rounds without them, and they may come back.
  update public.session_participants p set left_at = now() where p.id = v_me.id;
end;
$$;
comment on function private.leave_live_session(uuid) is 'Participant: leaves the session (they keep reading its transcript and results).';

-- host tools -----------------------------------------------------------------------------------------
create function private.set_live_participant_role(p_session_id uuid, p_user_id uuid, p_role public.live_participant_role)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_target public.session_participants%rowtype;
begin
  perform private.require_live_host(p_session_id);
  perform private.require_live_not_ended(v_session);
  if p_role is null or p_role = 'host' then
    perform private.raise_error('TF400', 'live_role_invalid');
  end if;
  select * into v_target from public.session_participants p
   where p.session_id = p_session_id and p.user_id = p_user_id and p.left_at is null and p.banned_at is null;
  if not found then
    perform private.raise_error('TF409', 'live_participant_not_found');
  end if;
  if v_target.role = 'host' then
    perform private.raise_error('TF403', 'live_cannot_moderate_host');
  end if;
  update public.session_participants p set role = p_role where p.id = v_target.id;
end;
$$;
comment on function private.set_live_participant_role(uuid, uuid, public.live_participant_role) is 'Host only: makes a present participant a moderator or a viewer again.';

create function private.pass_live_host(p_session_id uuid, p_user_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_me public.session_participants%rowtype;
  v_target public.session_participants%rowtype;
begin
  v_me := private.require_live_host(p_session_id);
  perform private.require_live_not_ended(v_session);
  select * into v_target from public.session_participants p
   where p.session_id = p_session_id and p.user_id = p_user_id and p.left_at is null and p.banned_at is null
     and p.id <> v_me.id;
  if not found then
    perform private.raise_error('TF409', 'live_participant_not_found');
  end if;
  -- A child never hosts: hosting means the moderation tools and the say over who joins.
  if exists (select 1 from public.family_members fm where fm.user_id = p_user_id and fm.role = 'child') then
    perform private.raise_error('TF409', 'live_host_must_be_grown_up');
  end if;
  update public.session_participants p set role = 'moderator' where p.id = v_me.id;
  update public.session_participants p set role = 'host' where p.id = v_target.id;
  update public.live_sessions s set host_id = p_user_id where s.id = p_session_id;
end;
$$;
comment on function private.pass_live_host(uuid, uuid) is 'Host only: hands the host role to a present grown-up participant; the old host becomes a moderator. The host family (who may bring children) stays as it was.';

create function private.end_live_session(p_session_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
begin
  perform private.require_live_host(p_session_id);
  perform private.require_live_not_ended(v_session);
  update public.live_sessions s set status = 'ended', ended_at = now(), lobby_open = false where s.id = p_session_id;
end;
$$;
comment on function private.end_live_session(uuid) is 'Host only: ends the session (its code stops working; open rounds are cancelled; transcript and results remain for its participants).';

revoke execute on function
  private.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean),
  private.join_live_session(text), private.leave_live_session(uuid),
  private.set_live_participant_role(uuid, uuid, public.live_participant_role), private.pass_live_host(uuid, uuid),
  private.end_live_session(uuid) from public;
grant execute on function
  private.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean),
  private.join_live_session(text), private.leave_live_session(uuid),
  private.set_live_participant_role(uuid, uuid, public.live_participant_role), private.pass_live_host(uuid, uuid),
  private.end_live_session(uuid) to authenticated;

-- The API: thin security-invoker wrappers (no definer function in an exposed schema).
create function public.create_live_session(
  p_title text,
  p_scheduled_start timestamptz default null,
  p_chat_mode public.live_chat_mode default 'filtered',
  p_vote_seconds int default 30,
  p_results_visibility public.live_results_visibility default 'live',
  p_chat_slow_seconds int default 0,
  p_auto_advance boolean default true
)
returns public.live_sessions
language sql
security invoker
set search_path = ''
as $$ select private.create_live_session(p_title, p_scheduled_start, p_chat_mode, p_vote_seconds, p_results_visibility, p_chat_slow_seconds, p_auto_advance); $$;
comment on function public.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean) is 'Parent only: creates a live session (now or scheduled) and returns it with its join code.';

create function public.join_live_session(p_code text)
returns public.live_sessions
language sql
security invoker
set search_path = ''
as $$ select private.join_live_session(p_code); $$;
comment on function public.join_live_session(text) is 'Joins the session with that code (children only into their own family''s parent''s session, when allowed).';

create function public.leave_live_session(p_session_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.leave_live_session(p_session_id); $$;
comment on function public.leave_live_session(uuid) is 'Leaves a session; its transcript and results stay readable.';

create function public.set_live_participant_role(p_session_id uuid, p_user_id uuid, p_role public.live_participant_role)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.set_live_participant_role(p_session_id, p_user_id, p_role); $$;
comment on function public.set_live_participant_role(uuid, uuid, public.live_participant_role) is 'Host only: moderator or viewer for a present participant.';

create function public.pass_live_host(p_session_id uuid, p_user_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.pass_live_host(p_session_id, p_user_id); $$;
comment on function public.pass_live_host(uuid, uuid) is 'Host only: hands the host role to a present grown-up participant.';

create function public.end_live_session(p_session_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.end_live_session(p_session_id); $$;
comment on function public.end_live_session(uuid) is 'Host only: ends the session.';

revoke execute on function
  public.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean),
  public.join_live_session(text), public.leave_live_session(uuid),
  public.set_live_participant_role(uuid, uuid, public.live_participant_role), public.pass_live_host(uuid, uuid),
  public.end_live_session(uuid) from public, anon;
grant execute on function
  public.create_live_session(text, timestamptz, public.live_chat_mode, int, public.live_results_visibility, int, boolean),
  public.join_live_session(text), public.leave_live_session(uuid),
  public.set_live_participant_role(uuid, uuid, public.live_participant_role), public.pass_live_host(uuid, uuid),
  public.end_live_session(uuid) to authenticated;

-- Access: read-only for users (every change is a function above); participants read their sessions.
revoke all on table public.live_sessions, public.session_participants from anon, authenticated, service_role;
grant select on table public.live_sessions, public.session_participants to authenticated, service_role;

alter table public.live_sessions enable row level security;
alter table public.session_participants enable row level security;

-- Participants read their sessions; the family's members also see the sessions its parents host until
-- they end ("sessions live now in my family" on /live), so a child finds the one to join. One policy:
-- the advisor flags several permissive policies for one role and action.
create policy "Participants and the host's family can read sessions"
on public.live_sessions
for select
to authenticated
using (private.is_session_participant(id) or (status <> 'ended' and private.is_family_member(host_family_id)));

create policy "Participants can read who is in their sessions"
on public.session_participants
for select
to authenticated
using (private.is_session_participant(session_id));

