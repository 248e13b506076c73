-- Why: a story is made from a catalogue everyone picks from: themes (each with its morals), story
-- templates (the built-in writer's plots) and the generation models with their price in credits (the
-- price list the wizard shows). The rows mirror the story engine's assets (lib/story-engine/assets,
-- written with scripts/story-catalogue-sql.ts); supabase/tests/stories/story-catalogue.test.ts fails
-- when they drift apart. Reference data lives in migrations, like the plans, because production needs
-- it as much as the demo does. Everyone reads the catalogue (it is public by nature); nobody writes it
-- over the API.

create type public.story_length as enum ('short', 'medium', 'long');
comment on type public.story_length is 'How long a story is: short (6 pages written, paths of 3), medium (10/4), long (15/5); lib/story-engine/bands.ts LENGTHS.';

create type public.generation_provider as enum ('builtin', 'http');
comment on type public.generation_provider is 'Who writes a story: the built-in offline writer, or an OpenAI-compatible HTTP model (STORY_MODEL_URL on the worker).';

create table public.themes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique constraint themes_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,63}$'),
  name text not null check (char_length(name) between 1 and 60),
  description text not null default '' check (char_length(description) <= 300),
  morals jsonb not null constraint themes_morals_shape check (jsonb_typeof(morals) = 'array' and jsonb_array_length(morals) between 1 and 10),
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.themes is 'What a story is about (friendship, courage, …) and the morals it can end on. Public catalogue; the slug is the story engine''s theme id.';
comment on column public.themes.morals is 'The theme''s morals as the engine has them: [{"id": "friends-help", "lesson": "Friends make hard things easier."}].';

create trigger set_themes_updated_at
before update on public.themes
for each row execute function public.set_updated_at();

create table public.story_templates (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique constraint story_templates_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,63}$'),
  version int not null check (version >= 1),
  title text not null check (char_length(title) between 1 and 80),
  summary text not null default '' check (char_length(summary) <= 300),
  keywords text[] not null default '{}',
  available boolean not null default true,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.story_templates is 'Plots the built-in writer can tell (the lost pet, the giant seed, …). Public catalogue; the slug and version are the story engine''s template id and version, whose lines live in lib/story-engine/assets/templates.ts.';
comment on column public.story_templates.keywords is 'Words of a free prompt that point to this template (the engine matches prompts to templates with them).';
comment on column public.story_templates.available is 'Offered in the wizard; a retired template stays for the stories written from it.';

create trigger set_story_templates_updated_at
before update on public.story_templates
for each row execute function public.set_updated_at();

create table public.template_themes (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.story_templates (id) on delete cascade,
  theme_id uuid not null references public.themes (id) on delete cascade,
  position int not null default 1,
  created_at timestamptz not null default now(),
  constraint template_themes_template_id_theme_id_key unique (template_id, theme_id)
);
comment on table public.template_themes is 'The themes a template suits best, in the order the wizard suggests them (any theme can still be chosen).';
create index idx_template_themes_theme_id on public.template_themes (theme_id);

create table public.generation_models (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique constraint generation_models_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,63}$'),
  name text not null check (char_length(name) between 1 and 60),
  description text not null default '' check (char_length(description) <= 300),
  provider public.generation_provider not null,
  provider_model_id text not null check (char_length(provider_model_id) between 1 and 200),
  story_credits int not null constraint generation_models_story_credits_range check (story_credits between 1 and 1000),
  branch_credits int not null constraint generation_models_branch_credits_range check (branch_credits between 1 and 1000),
  featured boolean not null default false,
  available boolean not null default true,
  premium boolean not null default false,
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.generation_models is 'The price list: which models can write a story and what a new story and an explored branch cost in credits. Changed only by migrations (or an operator).';
comment on column public.generation_models.provider_model_id is 'The model''s id at its provider (tale-forge-builtin-1, or the HTTP model name such as llama3.1).';
comment on column public.generation_models.story_credits is 'Credits a new story costs (held when the job starts, charged when it completes, given back when it fails).';
comment on column public.generation_models.branch_credits is 'Credits exploring one unexplored choice costs.';
comment on column public.generation_models.available is 'Whether stories can be ordered from it now; an HTTP model needs the worker configured for it (STORY_MODEL_URL).';
comment on column public.generation_models.premium is 'Needs the premium_models plan feature.';

create trigger set_generation_models_updated_at
before update on public.generation_models
for each row execute function public.set_updated_at();

insert into public.themes (slug, name, description, morals, sort_order) values
  ('friendship', 'Friendship', 'Friends who stick together and help each other.', '[{"id":"friends-help","lesson":"Friends make hard things easier."},{"id":"friends-listen","lesson":"A good friend listens and helps."}]'::jsonb, 1),
  ('courage', 'Courage', 'Being brave, even when you feel a little scared.', '[{"id":"brave-small-steps","lesson":"Being brave means trying, even when you feel scared."},{"id":"brave-ask","lesson":"Asking for help is brave too."}]'::jsonb, 2),
  ('kindness', 'Kindness', 'Small kind acts that make a big difference.', '[{"id":"kind-returns","lesson":"Kindness always finds its way back to you."},{"id":"kind-small","lesson":"Even a small kindness can make a big difference."}]'::jsonb, 3),
  ('curiosity', 'Curiosity', 'Asking questions and finding out how the world works.', '[{"id":"curious-questions","lesson":"Good questions lead to wonderful discoveries."},{"id":"curious-look","lesson":"If you look closely, the world is full of surprises."}]'::jsonb, 4),
  ('teamwork', 'Teamwork', 'Everyone has something to give when we work together.', '[{"id":"team-together","lesson":"Together we can do more than we can alone."},{"id":"team-everyone","lesson":"Everyone has something special to give."}]'::jsonb, 5),
  ('honesty', 'Honesty', 'Telling the truth, even when it is hard.', '[{"id":"honest-truth","lesson":"Telling the truth makes everything lighter."},{"id":"honest-sorry","lesson":"Saying sorry and telling the truth fixes a lot."}]'::jsonb, 6),
  ('patience', 'Patience', 'Good things take time.', '[{"id":"patience-time","lesson":"Good things are worth waiting for."},{"id":"patience-slow","lesson":"Slow and steady gets you there."}]'::jsonb, 7),
  ('nature', 'Caring for nature', 'Looking after animals, plants and the world around us.', '[{"id":"nature-care","lesson":"When we care for nature, nature cares for us."},{"id":"nature-gentle","lesson":"Every creature, big or small, deserves a gentle hand."}]'::jsonb, 8),
  ('imagination', 'Imagination', 'Dreaming up new ideas and new worlds.', '[{"id":"imagine-ideas","lesson":"A new idea can open any door."},{"id":"imagine-dream","lesson":"Big dreams start with a little imagination."}]'::jsonb, 9),
  ('family', 'Family', 'The people who love us, wherever we go.', '[{"id":"family-home","lesson":"Home is wherever the people who love you are."},{"id":"family-together","lesson":"Families help each other, big and small."}]'::jsonb, 10);

insert into public.story_templates (slug, version, title, summary, keywords, sort_order) values
  ('lost-pet', 1, 'The Lost Pet', 'A beloved pet has wandered off, and the search leads all over town.', array['pet', 'lost', 'puppy', 'dog', 'kitten', 'cat', 'hamster', 'bunny', 'missing', 'find']::text[], 1),
  ('space-trip', 1, 'A Trip into Space', 'A rocket trip to see the Rainbow Comet, which only comes once in a hundred years.', array['space', 'rocket', 'moon', 'star', 'stars', 'planet', 'astronaut', 'comet', 'alien', 'galaxy']::text[], 2),
  ('dragon-dark', 1, 'The Dragon Who Was Afraid of the Dark', 'A little dragon is afraid of the dark, and friends set out to show the night is full of wonders.', array['dragon', 'dark', 'night', 'afraid', 'scared', 'brave', 'fear', 'cave']::text[], 3),
  ('underwater-school', 1, 'The Underwater School', 'At a school under the sea, the golden bell-shell has gone missing just before the big show.', array['underwater', 'sea', 'ocean', 'school', 'fish', 'mermaid', 'coral', 'reef', 'class', 'whale']::text[], 4),
  ('library-mystery', 1, 'The Mystery in the Library', 'Every morning the library books are in new places. Who is moving them at night?', array['library', 'book', 'books', 'mystery', 'detective', 'clue', 'clues', 'secret', 'read', 'reading']::text[], 5),
  ('treasure-map', 1, 'The Map in the Bottle', 'A bottle washes up with an old map inside. Where does it lead?', array['treasure', 'map', 'pirate', 'pirates', 'island', 'bottle', 'gold', 'chest', 'beach', 'adventure']::text[], 6),
  ('giant-seed', 1, 'The Giant Seed', 'A magic seed will only grow in the perfect place. Where is it?', array['seed', 'plant', 'garden', 'grow', 'flower', 'tree', 'magic', 'nature', 'rain', 'sun']::text[], 7),
  ('robot-spark', 1, 'The Robot Who Lost Its Spark', 'A friendly robot has run out of spark, and only a special part will wake it up.', array['robot', 'machine', 'invent', 'inventor', 'spark', 'build', 'gears', 'broken', 'fix', 'workshop']::text[], 8),
  ('birthday-surprise', 1, 'The Secret Birthday Surprise', 'Everything must be ready for a surprise party before the guest of honour comes home.', array['birthday', 'party', 'surprise', 'cake', 'present', 'gift', 'celebrate', 'balloons', 'friend']::text[], 9),
  ('runaway-kite', 1, 'The Runaway Kite', 'A gust of wind snatches a new kite, and the chase is on.', array['kite', 'wind', 'windy', 'fly', 'flying', 'sky', 'chase', 'blow', 'breeze']::text[], 10),
  ('missing-stars', 1, 'The Night the Stars Went Out', 'One night the stars are gone, and someone has to find out where they went.', array['stars', 'night', 'sky', 'moon', 'dark', 'missing', 'bedtime', 'sleep', 'dream']::text[], 11),
  ('rainbow-egg', 1, 'The Rainbow Egg', 'A speckled rainbow egg is found alone in the grass, and it needs to go home.', array['egg', 'bird', 'nest', 'baby', 'hatch', 'animal', 'animals', 'mother', 'home', 'rainbow']::text[], 12);

insert into public.template_themes (template_id, theme_id, position)
select t.id, th.id, v.position
  from (values
    ('lost-pet', 'friendship', 1),
    ('lost-pet', 'kindness', 2),
    ('lost-pet', 'family', 3),
    ('space-trip', 'curiosity', 1),
    ('space-trip', 'courage', 2),
    ('space-trip', 'teamwork', 3),
    ('dragon-dark', 'courage', 1),
    ('dragon-dark', 'friendship', 2),
    ('dragon-dark', 'kindness', 3),
    ('underwater-school', 'teamwork', 1),
    ('underwater-school', 'curiosity', 2),
    ('underwater-school', 'friendship', 3),
    ('library-mystery', 'curiosity', 1),
    ('library-mystery', 'honesty', 2),
    ('library-mystery', 'kindness', 3),
    ('treasure-map', 'teamwork', 1),
    ('treasure-map', 'curiosity', 2),
    ('treasure-map', 'friendship', 3),
    ('giant-seed', 'nature', 1),
    ('giant-seed', 'patience', 2),
    ('giant-seed', 'curiosity', 3),
    ('robot-spark', 'friendship', 1),
    ('robot-spark', 'imagination', 2),
    ('robot-spark', 'teamwork', 3),
    ('birthday-surprise', 'kindness', 1),
    ('birthday-surprise', 'family', 2),
    ('birthday-surprise', 'teamwork', 3),
    ('runaway-kite', 'patience', 1),
    ('runaway-kite', 'courage', 2),
    ('runaway-kite', 'friendship', 3),
    ('missing-stars', 'courage', 1),
    ('missing-stars', 'imagination', 2),
    ('missing-stars', 'kindness', 3),
    ('rainbow-egg', 'nature', 1),
    ('rainbow-egg', 'kindness', 2),
    ('rainbow-egg', 'family', 3)
  ) as v(template_slug, theme_slug, position)
  join public.story_templates t on t.slug = v.template_slug
  join public.themes th on th.slug = v.theme_slug;

insert into public.generation_models
  (slug, name, description, provider, provider_model_id, story_credits, branch_credits, featured, available, premium, sort_order)
values
  ('builtin', 'Tale Forge Storyteller', 'Our own storyteller: quick, offline and always ready. Every page is checked for its age group.',
   'builtin', 'tale-forge-builtin-1', 5, 1, true, true, false, 1),
  ('local-model', 'Your own model', 'A language model your family runs (Ollama, llama.cpp) or a hosted one, set up on the worker with STORY_MODEL_URL. Switched on by an operator once configured.',
   'http', 'llama3.1', 8, 2, false, false, true, 2);

-- Access: the catalogue is public (the wizard and the price list show it before sign-in); no API role
-- writes it.
revoke all on table public.themes, public.story_templates, public.template_themes, public.generation_models
  from anon, authenticated, service_role;
grant select on table public.themes, public.story_templates, public.template_themes, public.generation_models
  to anon, authenticated, service_role;

alter table public.themes enable row level security;
alter table public.story_templates enable row level security;
alter table public.template_themes enable row level security;
alter table public.generation_models enable row level security;

create policy "Anyone can read the themes"
on public.themes
for select
to anon, authenticated
using (true);

create policy "Anyone can read the story templates"
on public.story_templates
for select
to anon, authenticated
using (true);

create policy "Anyone can read which themes suit a template"
on public.template_themes
for select
to anon, authenticated
using (true);

create policy "Anyone can read the generation models and their prices"
on public.generation_models
for select
to anon, authenticated
using (true);
