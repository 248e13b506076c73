-- Why: this is what children come for: branching stories. A story is a graph of segments (pages) and
-- choices; every choice leads to a segment or is unexplored (to_segment_id null, written later by a
-- continuation job); at least one ending is reachable from the start, nothing is orphaned and nothing
-- loops (reading progress is the exact path, the printed gamebook must not loop). The graph is written
-- only by definer functions (the generation jobs, the seed), which check it with
-- private.validate_story_graph() before they commit; tests call the same function.
-- Who reads what: a story belongs to a family (or, family_id null, to Tale Forge's own public library);
-- private stories are read by their author and the family's parents, family stories by the family,
-- public ones by everyone. Children see only stories at or under their age band, and only while they
-- may read (consent, not paused, not bedtime, reading on, minutes left). Each segment keeps its safety
-- provenance: which provider and model wrote it, the template or prompt version, a hash of its inputs
-- and the readability and safety verdicts it passed.

create type public.story_visibility as enum ('private', 'family', 'public');
comment on type public.story_visibility is 'Who reads a story: private (its author and the family''s parents), family (the family), public (everyone; the library''s own stories and approved family stories).';

create type public.story_status as enum ('generating', 'ready', 'failed');
comment on type public.story_status is 'A story''s life: its first generation job is running, it can be read, or the job failed (nothing was charged; it can be retried).';

create table public.stories (
  id uuid primary key default gen_random_uuid(),
  family_id uuid references public.families (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null,
  title text not null check (char_length(title) between 1 and 120),
  summary text not null default '' check (char_length(summary) <= 600),
  age_band public.age_band not null,
  length public.story_length not null,
  theme_id uuid not null references public.themes (id),
  moral_slug text check (char_length(moral_slug) between 1 and 64),
  template_id uuid references public.story_templates (id),
  prompt text check (char_length(prompt) <= 500),
  model_id uuid references public.generation_models (id),
  visibility public.story_visibility not null default 'private',
  status public.story_status not null default 'generating',
  forked_from uuid references public.stories (id) on delete set null,
  start_segment_id uuid,
  path_length int check (path_length between 2 and 12),
  context jsonb not null default '{}'::jsonb constraint stories_context_object check (jsonb_typeof(context) = 'object'),
  cover_path text check (char_length(cover_path) <= 300),
  search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
  ) stored,
  published_at timestamptz,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Tale Forge's own library stories have no family and are public.
  constraint stories_library_is_public check (family_id is not null or visibility = 'public'),
  constraint stories_template_or_prompt check (template_id is not null or prompt is not null or status <> 'generating')
);

comment on table public.stories is 'Branching stories: a family''s (family_id) or Tale Forge''s public library (family_id null). The graph is story_segments + story_choices, written only by definer functions that check it (private.validate_story_graph).';
comment on column public.stories.author_id is 'Who asked for the story (a parent or a child); null for the library''s own stories.';
comment on column public.stories.moral_slug is 'The moral the story ends on: the id of one of the theme''s morals.';
comment on column public.stories.prompt is 'A free idea the family typed instead of (or besides) a template: kept as data, never as instructions (the engine only matches it to a template; the HTTP provider sends it as data).';
comment on column public.stories.forked_from is 'The public story this one was remixed from.';
comment on column public.stories.start_segment_id is 'The first page (the graph''s root); set with the segments.';
comment on column public.stories.path_length is 'Pages on every path from the start to an ending.';
comment on column public.stories.context is 'What the engine fixed when the story began (seed, template id, slot values, prompt), so continuations stay consistent: lib/story-engine StoryContext.';
comment on column public.stories.cover_path is 'Object path of the cover picture: in story-covers for public stories, story-media/<family_id>/… otherwise.';
comment on column public.stories.search is 'Full-text search document: the title (weight A) and the summary (B), English stemming.';
comment on column public.stories.deleted_at is 'In the trash (soft delete): hidden from children and the library, restorable by the family''s parents.';

create index idx_stories_search on public.stories using gin (search);
create index idx_stories_family_id_updated_at on public.stories (family_id, updated_at desc);
create index idx_stories_public_age_band on public.stories (age_band, created_at desc)
  where visibility = 'public' and status = 'ready' and deleted_at is null;
create index idx_stories_author_id on public.stories (author_id);
create index idx_stories_theme_id on public.stories (theme_id);
create index idx_stories_template_id on public.stories (template_id);
create index idx_stories_model_id on public.stories (model_id);
create index idx_stories_forked_from on public.stories (forked_from) where forked_from is not null;
create index idx_stories_start_segment_id on public.stories (start_segment_id);

create trigger set_stories_updated_at
before update on public.stories
for each row execute function public.set_updated_at();

create table public.story_segments (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  key text not null constraint story_segments_key_format check (key ~ '^s(\.[0-9]{1,2}){0,20}$'),
  depth int not null check (depth between 0 and 20),
  text text not null check (char_length(text) between 1 and 4000),
  setting_id text not null check (char_length(setting_id) between 1 and 64),
  scene text not null check (char_length(scene) between 1 and 32),
  place text not null check (char_length(place) between 1 and 120),
  character_keys text[] not null default '{}',
  is_ending boolean not null,
  state jsonb not null constraint story_segments_state_object check (jsonb_typeof(state) = 'object'),
  provenance jsonb not null constraint story_segments_provenance_shape check (
    jsonb_typeof(provenance) = 'object'
    and provenance ?& array['provider', 'modelId', 'engineVersion', 'source', 'inputsHash', 'attempts', 'readability', 'safety']
    and (provenance -> 'readability' ->> 'passed')::boolean
    and (provenance -> 'safety' ->> 'passed')::boolean
  ),
  illustration_path text check (char_length(illustration_path) <= 300),
  hidden_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint story_segments_story_id_key_key unique (story_id, key),
  -- Lets choices point at segments of their own story only (composite foreign keys below).
  constraint story_segments_story_id_id_key unique (story_id, id)
);

comment on table public.story_segments is 'The pages of a story. Written with their choices by definer functions only; a segment never changes its place in the graph.';
comment on column public.story_segments.key is 'The engine''s path-shaped id: s is the start, s.1.0 the first choice of the second choice of the start.';
comment on column public.story_segments.character_keys is 'Which of the story''s characters (story_characters.key) are on this page; the illustrator draws them.';
comment on column public.story_segments.state is 'What is true after this page (place, who is there, items, obstacle, places visited): the next page is written from it (lib/story-engine StoryState).';
comment on column public.story_segments.provenance is 'Safety provenance: provider, model id, engine version, source (template:<id>@<version> or prompt@<version>+…), sha256 inputs hash, drafts written, and the readability and safety verdicts the page passed. Only pages that passed both are stored.';
comment on column public.story_segments.illustration_path is 'Object path of the page''s picture (story-media/<family_id>/<story_id>/<key>.svg, or story-covers/library/… for library stories); null until drawn.';
comment on column public.story_segments.hidden_at is 'Reported: hidden from readers at once while it waits for moderation and is written again (story_reports).';

alter table public.stories
  add constraint stories_start_segment_id_fkey foreign key (start_segment_id)
  references public.story_segments (id) on delete set null;

create trigger set_story_segments_updated_at
before update on public.story_segments
for each row execute function public.set_updated_at();

create table public.story_choices (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  key text not null check (char_length(key) between 1 and 80),
  from_segment_id uuid not null,
  to_segment_id uuid,
  position int not null check (position between 0 and 5),
  label text not null check (char_length(label) between 1 and 200),
  continuation jsonb not null default '{}'::jsonb constraint story_choices_continuation_object check (jsonb_typeof(continuation) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint story_choices_story_id_key_key unique (story_id, key),
  constraint story_choices_not_to_itself check (to_segment_id is distinct from from_segment_id),
  constraint story_choices_from_segment_fkey foreign key (story_id, from_segment_id)
    references public.story_segments (story_id, id) on delete cascade,
  -- Removing a segment (a report's rewrite replaces it) leaves the choice unexplored, not dangling.
  constraint story_choices_to_segment_fkey foreign key (story_id, to_segment_id)
    references public.story_segments (story_id, id) on delete set null (to_segment_id)
);

comment on table public.story_choices is 'Choices at the end of a page: each leads to a segment of the same story, or is unexplored (to_segment_id null) until a continuation job writes what lies behind it.';
comment on column public.story_choices.key is 'The engine''s choice id (<segment key>:c<n>).';
comment on column public.story_choices.continuation is 'What to write behind the choice: {prompt, move} (a sentence for a model, the built-in writer''s move).';

create unique index idx_story_choices_story_id_from_segment_id_position on public.story_choices (story_id, from_segment_id, position);
create index idx_story_choices_story_id_to_segment_id on public.story_choices (story_id, to_segment_id) where to_segment_id is not null;

create trigger set_story_choices_updated_at
before update on public.story_choices
for each row execute function public.set_updated_at();

create table public.story_characters (
  id uuid primary key default gen_random_uuid(),
  story_id uuid not null references public.stories (id) on delete cascade,
  character_id uuid references public.characters (id) on delete set null,
  key text not null check (char_length(key) between 1 and 64),
  position int not null check (position between 0 and 3),
  name text not null constraint story_characters_name_format
    check (char_length(name) between 1 and 24 and name = btrim(name) and name !~ '[[:cntrl:]<>&"{}\\/=`]'),
  kind text not null check (char_length(kind) between 1 and 24),
  pronoun public.character_pronoun not null,
  traits public.character_trait[] not null check (cardinality(traits) between 1 and 3),
  look jsonb not null check (jsonb_typeof(look) = 'object'),
  created_at timestamptz not null default now(),
  constraint story_characters_story_id_key_key unique (story_id, key),
  constraint story_characters_story_id_position_key unique (story_id, position)
);

comment on table public.story_characters is 'The cast of a story as it was when the story began (a copy, so the story never changes when a character is edited or removed); the first is the hero.';
comment on column public.story_characters.key is 'The engine''s character id used in segments (a library slug or the character''s uuid).';
comment on column public.story_characters.character_id is 'The character this copy was made from, while it exists.';

create index idx_story_characters_character_id on public.story_characters (character_id);

-- Graph rules (lib/story-engine/graph/validate-story-graph.ts): unique ids and choices between known
-- pages of the same story are constraints; the rest is checked here. Returns one row per problem.
create function private.validate_story_graph(p_story_id uuid)
returns table (code text, segment_key text, choice_key text)
language sql
stable
security definer
set search_path = ''
as $$
  with recursive
  story as (select s.id, s.start_segment_id from public.stories s where s.id = p_story_id),
  segs as (select g.* from public.story_segments g where g.story_id = p_story_id),
  chs as (select c.* from public.story_choices c where c.story_id = p_story_id),
  walk (segment_id, path, looped) as (
    select st.start_segment_id, array[st.start_segment_id], false
      from story st join segs g on g.id = st.start_segment_id
    union all
    select c.to_segment_id, w.path || c.to_segment_id, c.to_segment_id = any(w.path)
      from walk w join chs c on c.from_segment_id = w.segment_id
     where not w.looped and c.to_segment_id is not null
  )
  select 'missing_start', null::text, null::text
    from story st where not exists (select 1 from segs g where g.id = st.start_segment_id)
  union all
  select 'ending_has_choices', g.key, null from segs g where g.is_ending and exists (select 1 from chs c where c.from_segment_id = g.id)
  union all
  select 'dead_end', g.key, null from segs g where not g.is_ending and not exists (select 1 from chs c where c.from_segment_id = g.id)
  union all
  select 'duplicate_target', g.key, null from segs g
   where exists (select 1 from chs c where c.from_segment_id = g.id and c.to_segment_id is not null
                  group by c.to_segment_id having count(*) > 1)
  union all
  select distinct 'cycle', null, (select c.key from chs c where c.to_segment_id = w.segment_id and c.from_segment_id = w.path[cardinality(w.path) - 1] limit 1)
    from walk w where w.looped
  union all
  select 'orphan_segment', g.key, null from segs g
   where exists (select 1 from story) and not exists (select 1 from walk w where w.segment_id = g.id)
  union all
  select 'no_reachable_ending', null, null
   where exists (select 1 from walk) and not exists (select 1 from walk w join segs g on g.id = w.segment_id where g.is_ending);
$$;
comment on function private.validate_story_graph(uuid) is 'The story graph''s problems (missing_start, ending_has_choices, dead_end, duplicate_target, cycle, orphan_segment, no_reachable_ending; the engine''s codes), none for a valid story. The writers raise story_graph_invalid when it returns any.';

-- Raised by every writer of a graph before it commits.
create function private.assert_story_graph(p_story_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_problems jsonb;
begin
  select jsonb_agg(jsonb_build_object('code', p.code, 'segment', p.segment_key, 'choice', p.choice_key))
    into v_problems from private.validate_story_graph(p_story_id) p;
  if v_problems is not null then
    perform private.raise_error('TF400', 'story_graph_invalid', jsonb_build_object('problems', v_problems));
  end if;
end;
$$;
comment on function private.assert_story_graph(uuid) is 'Raises story_graph_invalid (with the problems) unless the story''s graph is valid.';

-- Writes pages and choices the engine made (its JSON, as lib/story-engine returns it) into a story:
-- new segments by key, new choices by key, and explored choices now pointing at their page. Used for a
-- new story (then p_start_key names the first page) and for a continued branch; checks the graph.
create function private.write_story_pages(
  p_story_id uuid,
  p_segments jsonb,
  p_choices jsonb,
  p_start_key text default null
)
returns int
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_count int;
  v_choices int;
begin
  if jsonb_typeof(p_segments) <> 'array' or jsonb_typeof(p_choices) <> 'array' then
    perform private.raise_error('TF400', 'story_pages_invalid');
  end if;
  begin
    insert into public.story_segments (story_id, key, depth, text, setting_id, scene, place, character_keys, is_ending, state, provenance)
    select p_story_id, s ->> 'id', (s ->> 'depth')::int, s ->> 'text', s ->> 'settingId', s ->> 'scene', s ->> 'place',
           array(select jsonb_array_elements_text(s -> 'characterIds')), (s ->> 'isEnding')::boolean, s -> 'state',
           s -> 'provenance'
      from jsonb_array_elements(p_segments) s;
    get diagnostics v_count = row_count;
    if p_start_key is not null then
      update public.stories st
         set start_segment_id = (select g.id from public.story_segments g where g.story_id = p_story_id and g.key = p_start_key)
       where st.id = p_story_id;
    end if;
    -- Choices: new ones are inserted, an existing (unexplored) one gets the page written behind it.
    insert into public.story_choices (story_id, key, from_segment_id, to_segment_id, position, label, continuation)
    select p_story_id, c ->> 'id', f.id, t.id, (substring(c ->> 'id' from ':c([0-9])$'))::int,
           c ->> 'label', coalesce(c -> 'continuation', '{}'::jsonb)
      from jsonb_array_elements(p_choices) c
      join public.story_segments f on f.story_id = p_story_id and f.key = c ->> 'fromSegmentId'
      left join public.story_segments t on t.story_id = p_story_id and t.key = c ->> 'toSegmentId'
    on conflict (story_id, key) do update
      set to_segment_id = excluded.to_segment_id
      where public.story_choices.to_segment_id is null;
    get diagnostics v_choices = row_count;
    -- Every choice must have landed: none from an unknown page, none to an unknown page, none
    -- re-pointing a choice that was explored already.
    if v_choices <> jsonb_array_length(p_choices) or exists (
      select 1 from jsonb_array_elements(p_choices) c
       where c ->> 'toSegmentId' is not null
         and not exists (select 1 from public.story_segments t where t.story_id = p_story_id and t.key = c ->> 'toSegmentId')
    ) then
      perform private.raise_error('TF400', 'story_pages_invalid');
    end if;
  exception
    when check_violation or not_null_violation or unique_violation or foreign_key_violation
      or invalid_text_representation or invalid_parameter_value then
      perform private.raise_error('TF400', 'story_pages_invalid');
  end;
  perform private.assert_story_graph(p_story_id);
  return v_count;
end;
$$;
comment on function private.write_story_pages(uuid, jsonb, jsonb, text) is 'Writes the engine''s segments and choices (JSON) into a story and checks the whole graph (story_graph_invalid); a bad page is story_pages_invalid. Returns how many segments it wrote.';

revoke execute on function private.validate_story_graph(uuid), private.assert_story_graph(uuid),
  private.write_story_pages(uuid, jsonb, jsonb, text) from public;

-- Who is reading: the ceiling of the age bands the caller may see now. Grown-ups see every band; a
-- child sees their band and below while they may read, nothing otherwise (null).
create function private.my_reading_band()
returns public.age_band
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when exists (select 1 from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'child')
      then (select pc.age_band from public.parental_controls pc
             where pc.child_id = (select auth.uid()) and private.child_may_at(pc.child_id, 'reading', now()))
    else '10-12'::public.age_band
  end;
$$;
comment on function private.my_reading_band() is 'The highest age band the caller may read now: 10-12 for grown-ups, the child''s band while they may read, null (nothing) otherwise.';

create function private.my_parent_family_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select fm.family_id from public.family_members fm where fm.user_id = (select auth.uid()) and fm.role = 'parent';
$$;
comment on function private.my_parent_family_id() is 'The family the caller is a parent of, or null (children, strangers).';

revoke execute on function private.my_reading_band(), private.my_parent_family_id() from public;
grant execute on function private.my_reading_band(), private.my_parent_family_id() to authenticated, service_role;

-- Library search with ranking, as the caller (security invoker: RLS decides which stories there are).
-- Without a query: newest first.
create function public.search_stories(
  p_query text default null,
  p_age_band public.age_band default null,
  p_theme text default null,
  p_length public.story_length default null,
  p_limit int default 20,
  p_offset int default 0
)
returns setof public.stories
language sql
stable
security invoker
set search_path = ''
as $$
  with q as (
    select case when nullif(btrim(coalesce(p_query, '')), '') is null then null
                else websearch_to_tsquery('english', left(p_query, 200)) end as tsq
  )
  select s.* from public.stories s
   cross join q
   left join public.themes th on th.id = s.theme_id
  where s.deleted_at is null and s.status = 'ready'
    and (q.tsq is null or s.search @@ q.tsq)
    and (p_age_band is null or s.age_band = p_age_band)
    and (p_theme is null or th.slug = p_theme)
    and (p_length is null or s.length = p_length)
  order by case when q.tsq is null then 0 else ts_rank(s.search, q.tsq) end desc, s.created_at desc, s.id
  limit least(greatest(coalesce(p_limit, 20), 1), 100)
  offset greatest(coalesce(p_offset, 0), 0);
$$;
comment on function public.search_stories(text, public.age_band, text, public.story_length, int, int) is 'Signed-in readers: the stories they may read (RLS) matching a web-search style query (title and summary, English stemming), ranked; filters by age band, theme slug and length; at most 100 per page.';
revoke execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int) from public, anon;
grant execute on function public.search_stories(text, public.age_band, text, public.story_length, int, int) to authenticated;

-- Access. Reads only: the graph is written by the definer functions of the generation jobs.
revoke all on table public.stories, public.story_segments, public.story_choices, public.story_characters
  from anon, authenticated, service_role;
grant select on table public.stories, public.story_segments, public.story_choices, public.story_characters
  to anon, authenticated, service_role;

alter table public.stories enable row level security;
alter table public.story_segments enable row level security;
alter table public.story_choices enable row level security;
alter table public.story_characters enable row level security;

-- Signed out: the public library only (the same rule as below for a grown-up, without helpers: anon
-- may execute none of our functions).
create policy "Anyone can read public stories"
on public.stories
for select
to anon
using (visibility = 'public' and status = 'ready' and deleted_at is null);

create policy "Readers can read the public, family and own stories their age band allows"
on public.stories
for select
to authenticated
using (
  age_band <= (select private.my_reading_band())
  and (
    (visibility = 'public' and status = 'ready' and deleted_at is null)
    or family_id = (select private.my_parent_family_id())
    or (family_id = (select private.my_family_id()) and deleted_at is null
        and (visibility <> 'private' or author_id = (select auth.uid())))
  )
);

-- The graph follows its story (the subqueries see stories through the policies above). A reported
-- page is hidden at once from everyone but the story family's parents ("why was this shown?").
create policy "Anyone can read the pages of public stories"
on public.story_segments
for select
to anon
using (hidden_at is null and exists (select 1 from public.stories s where s.id = story_id));

create policy "Readers can read the pages of stories they may read"
on public.story_segments
for select
to authenticated
using (
  exists (select 1 from public.stories s where s.id = story_id)
  and (hidden_at is null
       or exists (select 1 from public.stories s where s.id = story_id and s.family_id = (select private.my_parent_family_id())))
);

create policy "Anyone can read the choices of public stories"
on public.story_choices
for select
to anon
using (exists (select 1 from public.stories s where s.id = story_id));

create policy "Readers can read the choices of stories they may read"
on public.story_choices
for select
to authenticated
using (exists (select 1 from public.stories s where s.id = story_id));

create policy "Anyone can read the cast of public stories"
on public.story_characters
for select
to anon
using (exists (select 1 from public.stories s where s.id = story_id));

create policy "Readers can read the cast of stories they may read"
on public.story_characters
for select
to authenticated
using (exists (select 1 from public.stories s where s.id = story_id));
