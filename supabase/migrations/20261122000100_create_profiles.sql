-- Why: every person in Tale Forge (parent or child) needs a public face — the name the app greets them
-- with, an avatar, a birth year for age-appropriate stories and their reading preferences — kept apart
-- from auth.users, which the app must never expose. A profile is created automatically for every new
-- auth user so the app can rely on one existing. Also adds the shared updated_at trigger function that
-- every later table uses.

-- Shared by every table with an updated_at column.
create function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

comment on function public.set_updated_at() is 'Trigger function: stamps updated_at on every update. Shared by all tables.';

-- Trigger functions are only ever fired by triggers; nobody should call them over the API.
revoke execute on function public.set_updated_at() from public, anon, authenticated, service_role;

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 80),
  avatar_url text,
  birth_year int check (birth_year between 1900 and 2100),
  preferences jsonb not null default '{}'::jsonb check (jsonb_typeof(preferences) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

comment on table public.profiles is 'Public face of each auth user (parent or child): name, avatar, birth year, preferences. One row per auth.users row, created by a trigger.';
comment on column public.profiles.id is 'Same as auth.users.id; the profile lives and dies with the auth user.';
comment on column public.profiles.display_name is 'What the app calls the person; taken from sign-up metadata (display_name) or the e-mail''s local part.';
comment on column public.profiles.birth_year is 'Year only (never a full birth date): enough to choose age-appropriate stories, minimal data about children.';
comment on column public.profiles.preferences is 'Reading preferences as a JSON object (e.g. favourite themes, text size); free-form, validated by the app.';
comment on column public.profiles.deleted_at is 'Soft delete: set when the account is closed; the row is kept for history.';

create trigger set_profiles_updated_at
before update on public.profiles
for each row execute function public.set_updated_at();

-- Grants: nothing for anon; signed-in users read and edit only the columns that are theirs to edit.
-- id, birth_year, timestamps and deleted_at change only through trusted server code.
revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to authenticated;
grant update (display_name, avatar_url, preferences) on table public.profiles to authenticated;
grant select, insert, update, delete on table public.profiles to service_role;

alter table public.profiles enable row level security;

create policy "Users can read their own profile"
on public.profiles
for select
to authenticated
using (id = (select auth.uid()));

create policy "Users can update their own profile"
on public.profiles
for update
to authenticated
using (id = (select auth.uid()))
with check (id = (select auth.uid()));

-- Runs as the function owner (security definer) because the Auth server inserting into auth.users has
-- no rights on public.profiles; search_path is empty so a user-created object cannot be substituted.
create function public.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (
    new.id,
    left(
      coalesce(
        nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
        nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
        'Reader'
      ),
      80
    )
  );
  return new;
end;
$$;

comment on function public.handle_new_user() is 'Trigger function: creates the profile of each new auth user (display_name from sign-up metadata, else the e-mail''s local part).';

revoke execute on function public.handle_new_user() from public, anon, authenticated, service_role;

create trigger on_auth_user_created
after insert on auth.users
for each row execute function public.handle_new_user();
