-- Why: families are the tenants of Tale Forge. Every later feature asks "which family, which role": this
-- migration adds the families, who belongs to them and with which role, and the membership helpers that
-- RLS policies and RPCs use. Roles live in family_members, which no user can write: memberships change
-- only through security-definer functions (sign-up, adding a child, accepting an invite). Every new
-- grown-up account gets its own family at sign-up, in the same transaction that creates the auth user.

-- Not exposed over the API (config.toml's [api] schemas), so helpers here cannot be called as RPCs.
create schema private;
comment on schema private is 'Helpers and secrets that RLS policies and RPCs use; never exposed over the API.';
revoke all on schema private from public;
-- RLS policies call the membership helpers as the requesting role, so it must see the schema.
grant usage on schema private to authenticated, service_role;

create type public.family_role as enum ('parent', 'child');
comment on type public.family_role is 'What a member is in their family: a parent runs it, a child reads in it.';

-- Plain lookup for the families trigger: pg_timezone_names is the list Postgres itself accepts.
create function private.is_valid_time_zone(p_time_zone text)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (select 1 from pg_catalog.pg_timezone_names where name = p_time_zone);
$$;
revoke execute on function private.is_valid_time_zone(text) from public;

-- Six characters a child can type, without look-alikes (0/O, 1/I/L).
create function private.new_family_code()
returns text
language plpgsql
volatile
set search_path = ''
as $$
declare
  alphabet constant text := 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  v_code text;
begin
  loop
    v_code := '';
    for i in 1..6 loop
      v_code := v_code || substr(alphabet, 1 + get_byte(extensions.gen_random_bytes(1), 0) % length(alphabet), 1);
    end loop;
    exit when not exists (select 1 from public.families f where f.code = v_code);
  end loop;
  return v_code;
end;
$$;
revoke execute on function private.new_family_code() from public;

create table public.families (
  id uuid primary key default gen_random_uuid(),
  name text not null constraint families_name_length check (char_length(btrim(name)) between 1 and 80),
  time_zone text not null default 'UTC',
  code text not null unique default private.new_family_code() constraint families_code_format check (code ~ '^[A-Z0-9]{6}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.families is 'The tenant: a household with one or two parents and their children. Everything family-owned is reachable only by its members.';
comment on column public.families.time_zone is 'IANA time zone (e.g. Europe/Berlin). Daily minutes and bedtime are counted in this zone.';
comment on column public.families.code is 'Family code children type at /kids together with their name and PIN. Not a secret on its own: PINs and lockout protect sign-in.';

-- Clear messages for the two things a parent can edit; constraints stay as the last line of defence.
create function private.check_family()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if char_length(btrim(coalesce(new.name, ''))) not between 1 and 80 then
    raise exception 'The family name must be 1 to 80 characters long.' using errcode = '23514';
  end if;
  -- Inlined rather than calling private.is_valid_time_zone(): triggers run as the requesting role.
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    raise exception '"%" is not a time zone we know. Use a name like Europe/London or America/New_York.', new.time_zone
      using errcode = '23514';
  end if;
  new.name := btrim(new.name);
  return new;
end;
$$;
revoke execute on function private.check_family() from public;

create trigger check_family
before insert or update of name, time_zone on public.families
for each row execute function private.check_family();

create trigger set_families_updated_at
before update on public.families
for each row execute function public.set_updated_at();

create table public.family_members (
  id uuid primary key default gen_random_uuid(),
  family_id uuid not null references public.families (id) on delete cascade,
  -- One family per person keeps "my family" unambiguous for every policy.
  user_id uuid not null unique references auth.users (id) on delete cascade,
  role public.family_role not null,
  created_at timestamptz not null default now(),
  -- Lets family-owned tables point at (family, member) so a row can never name a member of another family.
  constraint family_members_family_id_user_id_key unique (family_id, user_id)
);

comment on table public.family_members is 'Who belongs to which family and as what (parent or child). No user can write it: rows change only through security-definer functions.';
comment on column public.family_members.role is 'parent or child. Never writable by users; set by sign-up, add_child and accept_parent_invite.';

create index idx_family_members_family_id on public.family_members (family_id);

-- Membership helpers. security definer so that policies on family_members itself do not recurse, and
-- search_path is empty so nothing a user creates can be substituted for the tables named here.
create function private.my_family_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select fm.family_id from public.family_members fm where fm.user_id = (select auth.uid());
$$;

create function private.is_family_member(p_family_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.family_members fm where fm.family_id = p_family_id and fm.user_id = (select auth.uid())
  );
$$;

create function private.is_family_parent(p_family_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.family_members fm
     where fm.family_id = p_family_id and fm.user_id = (select auth.uid()) and fm.role = 'parent'
  );
$$;

create function private.is_parent_of(p_child_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
      from public.family_members p
      join public.family_members c on c.family_id = p.family_id
     where p.user_id = (select auth.uid()) and p.role = 'parent' and c.user_id = p_child_id and c.role = 'child'
  );
$$;

create function private.shares_family_with(p_user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
      from public.family_members me
      join public.family_members other on other.family_id = me.family_id
     where me.user_id = (select auth.uid()) and other.user_id = p_user_id
  );
$$;

comment on function private.my_family_id() is 'The family of the requesting user, or null.';
comment on function private.is_family_member(uuid) is 'True when the requesting user belongs to the family.';
comment on function private.is_family_parent(uuid) is 'True when the requesting user is a parent of the family.';
comment on function private.is_parent_of(uuid) is 'True when the requesting user is a parent in the family of that child.';
comment on function private.shares_family_with(uuid) is 'True when the requesting user and that user belong to the same family.';

revoke execute on function private.my_family_id(), private.is_family_member(uuid), private.is_family_parent(uuid),
  private.is_parent_of(uuid), private.shares_family_with(uuid) from public;
grant execute on function private.my_family_id(), private.is_family_member(uuid), private.is_family_parent(uuid),
  private.is_parent_of(uuid), private.shares_family_with(uuid) to authenticated, service_role;

-- families: members read it, parents rename it or change its time zone; created and deleted only by
-- trusted functions (sign-up, accepting an invite).
revoke all on table public.families from anon, authenticated;
grant select on table public.families to authenticated;
grant update (name, time_zone) on table public.families to authenticated;
grant select, insert, update, delete on table public.families to service_role;

alter table public.families enable row level security;

create policy "Members can read their family"
on public.families
for select
to authenticated
using (private.is_family_member(id));

create policy "Parents can update their family"
on public.families
for update
to authenticated
using (private.is_family_parent(id))
with check (private.is_family_parent(id));

-- family_members: read-only for users, by design.
revoke all on table public.family_members from anon, authenticated;
grant select on table public.family_members to authenticated;
grant select, insert, update, delete on table public.family_members to service_role;

alter table public.family_members enable row level security;

create policy "Members can read their family's members"
on public.family_members
for select
to authenticated
using (private.is_family_member(family_id));

-- Parents see their children's names and avatars, children their parents'.
create policy "Family members can read each other's profiles"
on public.profiles
for select
to authenticated
using (private.shares_family_with(id));

-- Every grown-up account gets a family at sign-up, in the transaction that creates the auth user, so
-- there is never a parent without a family. Child accounts (app_metadata.account_type = 'child', which
-- only the service role can set) join their parent's family through add_child instead.
create function private.handle_new_family_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_family_id uuid;
  v_name text;
  v_time_zone text;
begin
  if coalesce(new.raw_app_meta_data ->> 'account_type', '') = 'child' then
    return new;
  end if;
  v_name := coalesce(
    nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
    nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
    'Our'
  );
  v_time_zone := new.raw_user_meta_data ->> 'time_zone';
  if v_time_zone is null or not private.is_valid_time_zone(v_time_zone) then
    v_time_zone := 'UTC';
  end if;
  insert into public.families (name, time_zone)
  values (left(v_name, 71) || '''s family', v_time_zone)
  returning id into v_family_id;
  insert into public.family_members (family_id, user_id, role) values (v_family_id, new.id, 'parent');
  return new;
end;
$$;

comment on function private.handle_new_family_user() is 'Trigger function: creates a family, with the new user as its parent, for every new non-child auth user.';
revoke execute on function private.handle_new_family_user() from public;

create trigger on_auth_user_created_family
after insert on auth.users
for each row execute function private.handle_new_family_user();

-- Accounts made before this migration get their family too (a no-op on a fresh database).
do $$
declare
  u record;
  v_family_id uuid;
begin
  for u in
    select au.id, au.email, au.raw_user_meta_data from auth.users au
     where coalesce(au.raw_app_meta_data ->> 'account_type', '') <> 'child'
       and not exists (select 1 from public.family_members fm where fm.user_id = au.id)
  loop
    insert into public.families (name)
    values (left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''), split_part(coalesce(u.email, 'Our'), '@', 1)), 71) || '''s family')
    returning id into v_family_id;
    insert into public.family_members (family_id, user_id, role) values (v_family_id, u.id, 'parent');
  end loop;
end;
$$;
