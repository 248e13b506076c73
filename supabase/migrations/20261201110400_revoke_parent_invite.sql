-- Why: an invite code passed to the wrong person (or no longer wanted) must be withdrawable before it
-- is used, not merely left to expire in 7 days. A parent of the family revokes an open code; the row
-- stays (with who revoked it and when) for the audit trail, and accepting it is refused like an expired one.

alter table public.family_invites
  add column revoked_at timestamptz,
  add column revoked_by uuid references auth.users (id) on delete set null,
  add constraint family_invites_revoked_by_needs_time check (revoked_by is null or revoked_at is not null);
comment on column public.family_invites.revoked_at is 'Set when a parent withdraws the code before it was used; it can no longer be accepted.';
create index idx_family_invites_revoked_by on public.family_invites (revoked_by);

create function private.revoke_parent_invite(p_code text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_invite public.family_invites%rowtype;
begin
  select * into v_invite from public.family_invites fi where fi.code = upper(btrim(coalesce(p_code, ''))) for update;
  if not found or not private.is_family_parent(v_invite.family_id) then
    perform private.raise_error('TF403', 'not_parent_of_family');
  end if;
  if v_invite.accepted_at is not null or v_invite.revoked_at is not null or v_invite.expires_at <= now() then
    perform private.raise_error('TF409', 'invite_not_open');
  end if;
  update public.family_invites fi set revoked_at = now(), revoked_by = (select auth.uid()) where fi.id = v_invite.id;
end;
$$;
comment on function private.revoke_parent_invite(text) is 'Parent of the family only: withdraws an open invite code.';
revoke execute on function private.revoke_parent_invite(text) from public;
grant execute on function private.revoke_parent_invite(text) to authenticated;

create function public.revoke_parent_invite(p_code text)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.revoke_parent_invite(p_code); $$;
comment on function public.revoke_parent_invite(text) is 'Parent of the family only: withdraws an open invite code before it is used.';
revoke execute on function public.revoke_parent_invite(text) from public, anon;
grant execute on function public.revoke_parent_invite(text) to authenticated;

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
  if not found or v_invite.accepted_at is not null or v_invite.revoked_at is not null or v_invite.expires_at <= now() then
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
