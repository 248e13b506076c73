-- Why: a family may have two parents, and the second one joins without any e-mail being sent: a parent
-- creates a short-lived invite code and the other parent, signed in to their own (still empty) account,
-- enters it. Membership changes stay inside security-definer functions, so nobody can add themselves to
-- a family without a code a parent of that family made.

create table public.family_invites (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  code text not null unique check (code ~ '^[A-Z0-9]{8}$'),
  created_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_by uuid references auth.users (id) on delete set null,
  accepted_at timestamptz,
  created_at timestamptz not null default now()
);

comment on table public.family_invites is 'E-mail-less invite codes with which a second parent joins a family. Single use, valid for 7 days.';
comment on column public.family_invites.code is 'Eight characters the inviting parent passes on in person or by message.';

create index idx_family_invites_family_id on public.family_invites (family_id);
create index idx_family_invites_created_by on public.family_invites (created_by);
create index idx_family_invites_accepted_by on public.family_invites (accepted_by);

create trigger audit_family_invites
after insert or update or delete on public.family_invites
for each row execute function audit.record_change('family_id');

revoke all on table public.family_invites from anon, authenticated;
grant select on table public.family_invites to authenticated;
grant select, insert, update, delete on table public.family_invites to service_role;

alter table public.family_invites enable row level security;

create policy "Parents can read their family's invites"
on public.family_invites
for select
to authenticated
using (private.is_family_parent(family_id));

create function public.create_parent_invite()
returns table (code text, expires_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_family_id uuid;
  v_code text;
begin
  select fm.family_id into v_family_id
    from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'parent';
  if v_family_id is null then
    raise exception 'Only a parent can invite another parent.' using errcode = '42501';
  end if;
  if (select count(*) from public.family_members fm where fm.family_id = v_family_id and fm.role = 'parent') >= 2 then
    raise exception 'Your family already has two parents.' using errcode = '22023';
  end if;
  loop
    v_code := '';
    for i in 1..8 loop
      v_code := v_code || substr(alphabet, 1 + get_byte(extensions.gen_random_bytes(1), 0) % length(alphabet), 1);
    end loop;
    exit when not exists (select 1 from public.family_invites fi where fi.code = v_code);
  end loop;
  insert into public.family_invites as fi (family_id, code, created_by)
  values (v_family_id, v_code, (select auth.uid()))
  returning fi.code, fi.expires_at into code, expires_at;
  return next;
end;
$$;

comment on function public.create_parent_invite() is 'Parent only: creates a single-use code (valid 7 days) with which a second parent joins the family.';
revoke execute on function public.create_parent_invite() from public, anon;
grant execute on function public.create_parent_invite() to authenticated;

-- The joining parent already has the family sign-up made for them. It is replaced only while it is
-- theirs alone, so nobody can walk away from (or orphan) children or a co-parent by accepting a code.
create function public.accept_parent_invite(p_code text)
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
    raise exception 'Child accounts cannot join another family.' using errcode = '42501';
  end if;
  select * into v_invite from public.family_invites fi
   where fi.code = upper(btrim(coalesce(p_code, ''))) for update;
  if not found or v_invite.accepted_at is not null or v_invite.expires_at <= now() then
    raise exception 'That invite code is not valid. Ask the other parent for a new one.' using errcode = '22023';
  end if;
  if v_member.family_id = v_invite.family_id then
    raise exception 'You are already a member of this family.' using errcode = '22023';
  end if;
  -- Lock the family so that two invites of one family accepted at the same moment are counted one after
  -- the other: without it both see one parent and the family ends up with three.
  perform 1 from public.families f where f.id = v_invite.family_id for update;
  if (select count(*) from public.family_members fm where fm.family_id = v_invite.family_id and fm.role = 'parent') >= 2 then
    raise exception 'That family already has two parents.' using errcode = '22023';
  end if;
  if v_member.family_id is not null then
    if exists (select 1 from public.family_members fm where fm.family_id = v_member.family_id and fm.user_id <> v_user_id) then
      raise exception 'Your own family already has other members, so you cannot join another one.' using errcode = '22023';
    end if;
    delete from public.families f where f.id = v_member.family_id;
  end if;
  insert into public.family_members (family_id, user_id, role) values (v_invite.family_id, v_user_id, 'parent');
  update public.family_invites fi set accepted_by = v_user_id, accepted_at = now() where fi.id = v_invite.id;
  return v_invite.family_id;
end;
$$;

comment on function public.accept_parent_invite(text) is 'Signed-in grown-up: joins the invite''s family as a parent (at most two), replacing their own family while it has no other members.';
revoke execute on function public.accept_parent_invite(text) from public, anon;
grant execute on function public.accept_parent_invite(text) to authenticated;
