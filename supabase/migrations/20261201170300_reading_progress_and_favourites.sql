-- Why: a child should come back tomorrow exactly where they left off, and a parent should see what
-- their child reads. Reading progress is the exact path taken (segment ids from the start, each step
-- along a choice of the story), one row per reader and story, so the reader resumes, rewinds (a
-- shorter path) and knows when an ending was reached. Favourites are a reader's own list. Both are
-- written by the reader directly (upsert / insert / delete) under RLS: only their own rows, only for
-- stories they may read; a trigger checks the path against the story's graph.

create table public.reading_progress (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  reader_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  family_id uuid default private.my_family_id() references public.families (id) on delete cascade,
  path uuid[] not null constraint reading_progress_path_length check (cardinality(path) between 1 and 64),
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reading_progress_reader_id_story_id_key unique (reader_id, story_id)
);

comment on table public.reading_progress is 'Where each reader is in each story: the exact path of segments from the start. Written by the reader (upsert on reader_id, story_id); read by them and their family''s parents.';
comment on column public.reading_progress.path is 'Segment ids from the start segment to the current page, each step along one of the story''s choices (checked by a trigger).';
comment on column public.reading_progress.family_id is 'The reader''s family when they saved (their parents read it); null for a reader without a family.';
comment on column public.reading_progress.finished_at is 'When the path first reached an ending; cleared when the reader goes back before it.';

create index idx_reading_progress_story_id on public.reading_progress (story_id);
create index idx_reading_progress_family_id on public.reading_progress (family_id);

create trigger set_reading_progress_updated_at
before update on public.reading_progress
for each row execute function public.set_updated_at();

-- Runs as the reader (not a definer): the story and its choices are read through their RLS, so a story
-- the reader may not read has no path at all.
create function private.check_reading_path()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_start uuid;
  v_ending boolean;
begin
  select s.start_segment_id into v_start from public.stories s where s.id = new.story_id;
  if not found then
    perform private.raise_error('TF403', 'story_not_found');
  end if;
  if new.path is null or cardinality(new.path) = 0 or new.path[1] is distinct from v_start then
    perform private.raise_error('TF400', 'story_path_invalid');
  end if;
  for i in 2..cardinality(new.path) loop
    if not exists (
      select 1 from public.story_choices c
       where c.story_id = new.story_id and c.from_segment_id = new.path[i - 1] and c.to_segment_id = new.path[i]
    ) then
      perform private.raise_error('TF400', 'story_path_invalid');
    end if;
  end loop;
  select g.is_ending into v_ending from public.story_segments g where g.id = new.path[cardinality(new.path)];
  if v_ending then
    new.finished_at := coalesce(case when tg_op = 'UPDATE' then old.finished_at end, now());
  else
    new.finished_at := null;
  end if;
  return new;
end;
$$;
comment on function private.check_reading_path() is 'Trigger function (as the reader): the path starts at the story''s start and follows its choices (story_path_invalid); an unreadable story is story_not_found. Stamps finished_at at an ending.';
revoke execute on function private.check_reading_path() from public;
grant execute on function private.check_reading_path() to authenticated, service_role;

create trigger check_reading_path
before insert or update of story_id, path on public.reading_progress
for each row execute function private.check_reading_path();

create table public.favourites (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  story_id uuid not null references public.stories (id) on delete cascade,
  created_at timestamptz not null default now(),
  constraint favourites_user_id_story_id_key unique (user_id, story_id)
);

comment on table public.favourites is 'A reader''s favourite stories (their own list; a child''s favourites are theirs too).';
create index idx_favourites_story_id on public.favourites (story_id);

revoke all on table public.reading_progress, public.favourites from anon, authenticated, service_role;
grant select, delete on table public.reading_progress, public.favourites to authenticated;
grant insert (story_id, path), update (story_id, path) on table public.reading_progress to authenticated;
grant insert (story_id) on table public.favourites to authenticated;
grant select on table public.reading_progress, public.favourites to service_role;

alter table public.reading_progress enable row level security;
alter table public.favourites enable row level security;

create policy "Readers and their parents can read reading progress"
on public.reading_progress
for select
to authenticated
using (reader_id = (select auth.uid()) or family_id = (select private.my_parent_family_id()));

create policy "Readers can save their progress in stories they may read"
on public.reading_progress
for insert
to authenticated
with check (
  reader_id = (select auth.uid())
  and family_id is not distinct from (select private.my_family_id())
  and exists (select 1 from public.stories s where s.id = story_id)
);

create policy "Readers can move on in stories they may read"
on public.reading_progress
for update
to authenticated
using (reader_id = (select auth.uid()))
with check (
  reader_id = (select auth.uid())
  and family_id is not distinct from (select private.my_family_id())
  and exists (select 1 from public.stories s where s.id = story_id)
);

create policy "Readers can forget their progress"
on public.reading_progress
for delete
to authenticated
using (reader_id = (select auth.uid()));

create policy "Users can read their favourites"
on public.favourites
for select
to authenticated
using (user_id = (select auth.uid()));

create policy "Users can favourite stories they may read"
on public.favourites
for insert
to authenticated
with check (user_id = (select auth.uid()) and exists (select 1 from public.stories s where s.id = story_id));

create policy "Users can remove their favourites"
on public.favourites
for delete
to authenticated
using (user_id = (select auth.uid()));
