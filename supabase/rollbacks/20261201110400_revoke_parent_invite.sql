-- Undoes 20261201110400_revoke_parent_invite.sql.
drop function public.revoke_parent_invite(text);
drop function private.revoke_parent_invite(text);
create or replace function private.accept_parent_invite(p_code text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_invite public.family_invites%rowtype;
  v_member public.family_members%rowtype;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  -- A child account is a child even before add_child has made it a member.
  if v_member.role = 'child'
     or exists (select 1 from auth.users u where u.id = v_user_id and u.raw_app_meta_data ->> 'account_type' = 'child') then
    perform private.raise_error('TF403', 'child_cannot_join_family');
  end if;
  select * into v_invite from public.family_invites fi
   where fi.code = upper(btrim(coalesce(p_code, ''))) for update;
  if not found or v_invite.accepted_at is not null or v_invite.expires_at <= now() then
    perform private.raise_error('TF400', 'invite_invalid');
  end if;
  if v_member.family_id = v_invite.family_id then
    perform private.raise_error('TF409', 'already_family_member');
  end if;
  -- Lock the family so that two invites of one family accepted at the same moment are counted one after
  -- the other: without it both see one parent and the family ends up with three.
  perform 1 from public.families f where f.id = v_invite.family_id for update;
  if (select count(*) from public.family_members fm where fm.family_id = v_invite.family_id and fm.role = 'parent') >= 2 then
    perform private.raise_error('TF409', 'invited_family_full');
  end if;
  if v_member.family_id is not null then
    if exists (select 1 from public.family_members fm where fm.family_id = v_member.family_id and fm.user_id <> v_user_id) then
      perform private.raise_error('TF409', 'own_family_not_empty');
    end if;
    delete from public.families f where f.id = v_member.family_id;
  end if;
  insert into public.family_members (family_id, user_id, role) values (v_invite.family_id, v_user_id, 'parent');
  update public.family_invites fi set accepted_by = v_user_id, accepted_at = now() where fi.id = v_invite.id;
  return v_invite.family_id;
end;
$$;
comment on function private.accept_parent_invite(text) is 'Signed-in grown-up: joins the invite''s family as a parent (at most two), replacing their own family while it has no other members.';

drop index public.idx_family_invites_revoked_by;
alter table public.family_invites
  drop constraint family_invites_revoked_by_needs_time,
  drop column revoked_by,
  drop column revoked_at;
