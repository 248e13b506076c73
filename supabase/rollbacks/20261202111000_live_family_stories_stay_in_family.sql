-- Undoes 20261202111000_live_family_stories_stay_in_family.sql: the definitions of 20261202100100 and 20261202100000.
create or replace function private.live_story_usable(p_session public.live_sessions, p_story_id uuid)
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

create or replace function private.join_live_session(p_code text)
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
