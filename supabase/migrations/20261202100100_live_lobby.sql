-- Why: a session starts by choosing what to read together. The host puts 2-4 stories on a shortlist
-- and opens the lobby vote; every participant votes for one (and may change it); the host picks the
-- winner (or any story of the shortlist) and the session goes live on that story's first page.
-- A story on the shortlist must be one every participant may read: ready, not in the trash, public or
-- a family/public story of the host's family, and at or under the age band of every child present.

create table public.session_story_options (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  story_id uuid not null references public.stories (id) on delete cascade,
  position int not null constraint session_story_options_position_range check (position between 0 and 3),
  created_at timestamptz not null default now(),
  constraint session_story_options_session_id_story_id_key unique (session_id, story_id),
  constraint session_story_options_session_id_position_key unique (session_id, position),
  constraint session_story_options_session_id_id_key unique (session_id, id)
);

comment on table public.session_story_options is 'A session''s story shortlist (2-4 stories) for the lobby vote; written by open_lobby_vote().';
comment on column public.session_story_options.position is 'Order on the shortlist; a lobby tie goes to the lowest position.';

create index idx_session_story_options_story_id on public.session_story_options (story_id);

create table public.lobby_votes (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.live_sessions (id) on delete cascade,
  option_id uuid not null,
  participant_id uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint lobby_votes_session_id_participant_id_key unique (session_id, participant_id),
  constraint lobby_votes_option_fkey foreign key (session_id, option_id)
    references public.session_story_options (session_id, id) on delete cascade,
  constraint lobby_votes_participant_fkey foreign key (session_id, participant_id)
    references public.session_participants (session_id, id) on delete cascade
);

comment on table public.lobby_votes is 'One vote per participant for a story of the shortlist, changeable while the lobby vote is open; written by cast_lobby_vote().';

create index idx_lobby_votes_session_id_option_id on public.lobby_votes (session_id, option_id);
create index idx_lobby_votes_session_id_participant_id on public.lobby_votes (session_id, participant_id);

create trigger set_lobby_votes_updated_at
before update on public.lobby_votes
for each row execute function public.set_updated_at();

-- May everyone in the session read this story? (The reasons above; null story = no.)
create function private.live_story_usable(p_session public.live_sessions, p_story_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.stories s
     where s.id = p_story_id and s.status = 'ready' and s.deleted_at is null and s.start_segment_id is not null
       and (s.visibility = 'public' or (s.family_id = p_session.host_family_id and s.visibility = 'family'))
       and not exists (
         select 1 from public.session_participants p
           join public.parental_controls pc on pc.child_id = p.user_id
          where p.session_id = p_session.id and p.left_at is null and pc.age_band < s.age_band
       )
  );
$$;
comment on function private.live_story_usable(public.live_sessions, uuid) is 'True when every participant of the session may read the story: ready, public or a family story of the host''s family, at or under each present child''s band.';
revoke execute on function private.live_story_usable(public.live_sessions, uuid) from public;

create function private.open_lobby_vote(p_session_id uuid, p_story_ids uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_count int := coalesce(cardinality(p_story_ids), 0);
begin
  perform private.require_live_host(p_session_id);
  if v_session.status not in ('scheduled', 'lobby') then
    perform private.raise_error('TF409', 'live_not_in_lobby');
  end if;
  if v_count not between 2 and 4 or (select count(distinct x) from unnest(p_story_ids) x) <> v_count then
    perform private.raise_error('TF400', 'live_shortlist_size', '{"min":2,"max":4}');
  end if;
  if exists (select 1 from unnest(p_story_ids) x where not private.live_story_usable(v_session, x)) then
    perform private.raise_error('TF400', 'live_story_unusable');
  end if;
  -- A new shortlist replaces the old one (and its votes, by cascade).
  delete from public.session_story_options o where o.session_id = p_session_id;
  insert into public.session_story_options (session_id, story_id, position)
  select p_session_id, x.id, x.n - 1 from unnest(p_story_ids) with ordinality x(id, n);
  update public.live_sessions s set status = 'lobby', lobby_open = true where s.id = p_session_id;
end;
$$;
comment on function private.open_lobby_vote(uuid, uuid[]) is 'Host only: sets the 2-4 story shortlist and opens the lobby vote (a scheduled session opens its lobby).';

create function private.cast_lobby_vote(p_session_id uuid, p_story_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype;
  v_me public.session_participants%rowtype;
  v_option_id uuid;
begin
  -- Shared lock: votes do not wait for each other, only for the host's pick (which locks for update).
  select * into v_session from public.live_sessions s where s.id = p_session_id for share;
  if not found then
    perform private.raise_error('TF403', 'live_session_not_found');
  end if;
  v_me := private.live_me(p_session_id);
  if not v_session.lobby_open then
    perform private.raise_error('TF409', 'live_lobby_not_open');
  end if;
  select o.id into v_option_id from public.session_story_options o where o.session_id = p_session_id and o.story_id = p_story_id;
  if v_option_id is null then
    perform private.raise_error('TF400', 'live_story_not_on_shortlist');
  end if;
  insert into public.lobby_votes (session_id, option_id, participant_id) values (p_session_id, v_option_id, v_me.id)
  on conflict (session_id, participant_id) do update set option_id = excluded.option_id
   where public.lobby_votes.option_id is distinct from excluded.option_id;
end;
$$;
comment on function private.cast_lobby_vote(uuid, uuid) is 'Participant: votes for a story of the shortlist while the lobby vote is open (a second call changes the vote).';

-- The lobby's tally, most votes first, ties to the lowest position: the first row is the winner.
create function private.lobby_tally(p_session_id uuid)
returns table (story_id uuid, votes int, "position" int)
language sql
stable
security definer
set search_path = ''
as $$
  select o.story_id, count(v.id)::int, o.position
    from public.session_story_options o
    left join public.lobby_votes v on v.option_id = o.id
   where o.session_id = p_session_id
   group by o.id
   order by count(v.id) desc, o.position;
$$;
comment on function private.lobby_tally(uuid) is 'Votes per shortlisted story, most first; a tie goes to the lowest shortlist position.';

create function private.pick_lobby_story(p_session_id uuid, p_story_id uuid default null)
returns public.live_sessions
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_session public.live_sessions%rowtype := private.lock_live_session(p_session_id);
  v_story_id uuid := p_story_id;
begin
  perform private.require_live_host(p_session_id);
  if v_session.status not in ('scheduled', 'lobby') then
    perform private.raise_error('TF409', 'live_not_in_lobby');
  end if;
  if v_story_id is null then
    select t.story_id into v_story_id from private.lobby_tally(p_session_id) t limit 1;
    if v_story_id is null then
      perform private.raise_error('TF409', 'live_lobby_not_open');
    end if;
  elsif exists (select 1 from public.session_story_options o where o.session_id = p_session_id)
        and not exists (select 1 from public.session_story_options o where o.session_id = p_session_id and o.story_id = v_story_id) then
    perform private.raise_error('TF400', 'live_story_not_on_shortlist');
  end if;
  -- Checked again: a child may have joined since the shortlist was made.
  if not private.live_story_usable(v_session, v_story_id) then
    perform private.raise_error('TF400', 'live_story_unusable');
  end if;
  update public.live_sessions s
     set status = 'live', lobby_open = false, story_id = v_story_id, started_at = now(), pending_choice_id = null,
         current_segment_id = (select st.start_segment_id from public.stories st where st.id = v_story_id)
   where s.id = p_session_id
  returning * into v_session;
  return v_session;
end;
$$;
comment on function private.pick_lobby_story(uuid, uuid) is 'Host only: starts the session on a story: the lobby vote''s winner (null; tie to the lowest shortlist position), one of the shortlist, or any usable story when there is no shortlist.';

revoke execute on function private.open_lobby_vote(uuid, uuid[]), private.cast_lobby_vote(uuid, uuid),
  private.lobby_tally(uuid), private.pick_lobby_story(uuid, uuid) from public;
grant execute on function private.open_lobby_vote(uuid, uuid[]), private.cast_lobby_vote(uuid, uuid),
  private.pick_lobby_story(uuid, uuid) to authenticated;

create function public.open_lobby_vote(p_session_id uuid, p_story_ids uuid[])
returns void
language sql
security invoker
set search_path = ''
as $$ select private.open_lobby_vote(p_session_id, p_story_ids); $$;
comment on function public.open_lobby_vote(uuid, uuid[]) is 'Host only: shortlist 2-4 stories and open the lobby vote.';

create function public.cast_lobby_vote(p_session_id uuid, p_story_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.cast_lobby_vote(p_session_id, p_story_id); $$;
comment on function public.cast_lobby_vote(uuid, uuid) is 'Participant: vote (or change the vote) for a shortlisted story.';

create function public.pick_lobby_story(p_session_id uuid, p_story_id uuid default null)
returns public.live_sessions
language sql
security invoker
set search_path = ''
as $$ select private.pick_lobby_story(p_session_id, p_story_id); $$;
comment on function public.pick_lobby_story(uuid, uuid) is 'Host only: start reading the lobby''s winner (or the given shortlisted story).';

revoke execute on function public.open_lobby_vote(uuid, uuid[]), public.cast_lobby_vote(uuid, uuid),
  public.pick_lobby_story(uuid, uuid) from public, anon;
grant execute on function public.open_lobby_vote(uuid, uuid[]), public.cast_lobby_vote(uuid, uuid),
  public.pick_lobby_story(uuid, uuid) to authenticated;

revoke all on table public.session_story_options, public.lobby_votes from anon, authenticated, service_role;
grant select on table public.session_story_options, public.lobby_votes to authenticated, service_role;

alter table public.session_story_options enable row level security;
alter table public.lobby_votes enable row level security;

create policy "Participants can read their session's shortlist"
on public.session_story_options
for select
to authenticated
using (private.is_session_participant(session_id));

create policy "Participants can read their session's lobby votes"
on public.lobby_votes
for select
to authenticated
using (private.is_session_participant(session_id));
