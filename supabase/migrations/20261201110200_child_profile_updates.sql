-- Why: a parent must be able to rename a child and change their avatar. Neither is the child's own
-- profile write (RLS lets users edit only their own profile, and a child's name is also their sign-in
-- name), so one definer function changes both places at once, keeps names unique in the family
-- (case-insensitive, like sign-in) and accepts only the fixed avatar set (children never upload).

create function private.is_known_avatar(p_avatar text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_avatar in ('fox', 'owl', 'bear', 'cat', 'dragon', 'rabbit');
$$;
comment on function private.is_known_avatar(text) is 'The fixed set of child avatars (stored in profiles.avatar_url as avatar:<name>).';
revoke execute on function private.is_known_avatar(text) from public;

create function private.update_child_profile(p_child_id uuid, p_display_name text, p_avatar text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_name text := btrim(coalesce(p_display_name, ''));
  v_family_id uuid;
begin
  if not private.is_parent_of(p_child_id) then
    perform private.raise_error('TF403', 'not_parent_of_child');
  end if;
  if char_length(v_name) not between 1 and 40 then
    perform private.raise_error('TF400', 'child_name_length', '{"min":1,"max":40}');
  end if;
  if p_avatar is null or not private.is_known_avatar(p_avatar) then
    perform private.raise_error('TF400', 'avatar_unknown');
  end if;
  select fm.family_id into v_family_id from public.family_members fm where fm.user_id = p_child_id;
  if exists (
    select 1 from private.child_logins l
     where l.family_id = v_family_id and lower(l.login_name) = lower(v_name) and l.child_id <> p_child_id
  ) or exists (
    -- A deactivated child keeps their name (they have no sign-in row while deactivated).
    select 1 from public.family_members fm join public.profiles p on p.id = fm.user_id
     where fm.family_id = v_family_id and fm.role = 'child' and fm.user_id <> p_child_id
       and lower(p.display_name) = lower(v_name)
  ) then
    perform private.raise_error('TF409', 'child_name_taken', jsonb_build_object('name', v_name));
  end if;
  update public.profiles p set display_name = v_name, avatar_url = 'avatar:' || p_avatar where p.id = p_child_id;
  update private.child_logins l set login_name = v_name, updated_at = now()
   where l.child_id = p_child_id and l.login_name is distinct from v_name;
end;
$$;
comment on function private.update_child_profile(uuid, text, text) is 'Parent of the child only: renames the child (profile and sign-in name, unique in the family) and sets their avatar from the fixed set.';
revoke execute on function private.update_child_profile(uuid, text, text) from public;
grant execute on function private.update_child_profile(uuid, text, text) to authenticated;

create function public.update_child_profile(p_child_id uuid, p_display_name text, p_avatar text)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.update_child_profile(p_child_id, p_display_name, p_avatar); $$;
comment on function public.update_child_profile(uuid, text, text) is 'Parent of the child only: renames the child and sets their avatar (fox, owl, bear, cat, dragon or rabbit).';
revoke execute on function public.update_child_profile(uuid, text, text) from public, anon;
grant execute on function public.update_child_profile(uuid, text, text) to authenticated;
