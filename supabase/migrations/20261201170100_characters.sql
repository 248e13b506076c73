-- Why: stories star characters, chosen from a public library (Pip the fox, Luna the rabbit, …) or made
-- by a family (their own dog, a grandparent, a dragon with a crown). A character has a name, what it
-- is, a pronoun, up to three traits and a look the illustrator draws (body shape, colours, ears, an
-- accessory) so it looks the same on every page. Library characters mirror the story engine's
-- LIBRARY_CHARACTERS (scripts/story-catalogue-sql.ts) and are read by everyone; a family's own are
-- read by its members and made by its parents, or by a child who may create. Writes go through
-- create_character() / delete_character(), which check the shape the engine needs; the server action
-- checks the names against the child-safety word list before it calls them.

create type public.character_pronoun as enum ('she', 'he', 'they');
comment on type public.character_pronoun is 'How a story refers to a character.';

create type public.character_trait as enum (
  'brave', 'curious', 'kind', 'clever', 'funny', 'shy', 'patient', 'cheerful', 'careful', 'creative'
);
comment on type public.character_trait is 'What a character is like; the built-in writer uses the traits in what the character says and does (lib/story-engine/types.ts TRAITS).';

create table public.characters (
  id uuid primary key default gen_random_uuid(),
  slug text unique constraint characters_slug_format check (slug ~ '^[a-z][a-z0-9-]{1,63}$'),
  family_id uuid references public.families (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  name text not null constraint characters_name_format
    check (char_length(name) between 1 and 24 and name = btrim(name) and name !~ '[[:cntrl:]<>&"{}\\/=`]'),
  kind text not null constraint characters_kind_format
    check (char_length(kind) between 1 and 24 and kind = btrim(kind) and kind = lower(kind) and kind !~ '[[:cntrl:]<>&"{}\\/=`0-9]'),
  pronoun public.character_pronoun not null,
  traits public.character_trait[] not null constraint characters_traits_count
    check (cardinality(traits) between 1 and 3 and array_position(traits, null) is null),
  look jsonb not null constraint characters_look_shape check (
    jsonb_typeof(look) = 'object'
    and look ?& array['shape', 'body', 'accent', 'ears', 'accessory', 'accessoryColor']
    and look - array['shape', 'body', 'accent', 'ears', 'accessory', 'accessoryColor'] = '{}'::jsonb
    and look ->> 'shape' in ('round', 'tall', 'square', 'small')
    and look ->> 'ears' in ('none', 'pointy', 'round', 'long', 'antenna', 'horns', 'hair')
    and look ->> 'accessory' in ('none', 'hat', 'scarf', 'glasses', 'bow', 'cape', 'backpack', 'crown', 'flower')
    and look ->> 'body' ~ '^#[0-9a-fA-F]{6}$'
    and look ->> 'accent' ~ '^#[0-9a-fA-F]{6}$'
    and look ->> 'accessoryColor' ~ '^#[0-9a-fA-F]{6}$'
  ),
  sort_order int not null default 0,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A library character has a slug and no family; a family's own has a family and no slug.
  constraint characters_library_or_family check ((family_id is null) = (slug is not null))
);
comment on table public.characters is 'Story characters: the public library (family_id null, slug = the engine''s character id) and each family''s own. Stories keep a copy of each character as it was (story_characters), so editing or removing one never changes a story.';
comment on column public.characters.look is 'What the illustrator draws: {shape, body, accent, ears, accessory, accessoryColor}, colours as #rrggbb (they go into SVG attributes as they are).';
comment on column public.characters.deleted_at is 'A family removed the character: hidden from the wizard, kept for the stories that copied it.';

create index idx_characters_family_id on public.characters (family_id) where family_id is not null;
create index idx_characters_created_by on public.characters (created_by);

create trigger set_characters_updated_at
before update on public.characters
for each row execute function public.set_updated_at();

insert into public.characters (slug, name, kind, pronoun, traits, look, sort_order) values
  ('pip-fox', 'Pip', 'fox', 'he', array['curious', 'brave']::public.character_trait[], '{"shape":"small","body":"#e8772e","accent":"#fff4e0","ears":"pointy","accessory":"scarf","accessoryColor":"#2e8b57"}'::jsonb, 1),
  ('luna-rabbit', 'Luna', 'rabbit', 'she', array['kind', 'shy']::public.character_trait[], '{"shape":"round","body":"#f2eefa","accent":"#f7c6d9","ears":"long","accessory":"bow","accessoryColor":"#e0457b"}'::jsonb, 2),
  ('bo-bear', 'Bo', 'bear', 'he', array['kind', 'patient']::public.character_trait[], '{"shape":"round","body":"#8b5a2b","accent":"#d9b38c","ears":"round","accessory":"backpack","accessoryColor":"#3b6fd1"}'::jsonb, 3),
  ('zara-girl', 'Zara', 'girl', 'she', array['clever', 'brave']::public.character_trait[], '{"shape":"tall","body":"#8d5524","accent":"#1b1b1b","ears":"hair","accessory":"glasses","accessoryColor":"#6a3fb5"}'::jsonb, 4),
  ('milo-boy', 'Milo', 'boy', 'he', array['funny', 'curious']::public.character_trait[], '{"shape":"tall","body":"#f1c27d","accent":"#b5651d","ears":"hair","accessory":"hat","accessoryColor":"#d62828"}'::jsonb, 5),
  ('ember-dragon', 'Ember', 'little dragon', 'she', array['shy', 'kind']::public.character_trait[], '{"shape":"round","body":"#4caf50","accent":"#ffe082","ears":"horns","accessory":"cape","accessoryColor":"#8e24aa"}'::jsonb, 6),
  ('bolt-robot', 'Bolt', 'robot', 'they', array['clever', 'careful']::public.character_trait[], '{"shape":"square","body":"#9fb3c8","accent":"#4dd0e1","ears":"antenna","accessory":"none","accessoryColor":"#ff7043"}'::jsonb, 7),
  ('coco-cat', 'Coco', 'cat', 'she', array['curious', 'cheerful']::public.character_trait[], '{"shape":"small","body":"#333340","accent":"#f5f5f5","ears":"pointy","accessory":"bow","accessoryColor":"#ffca28"}'::jsonb, 8),
  ('ollie-owl', 'Ollie', 'owl', 'he', array['clever', 'patient']::public.character_trait[], '{"shape":"round","body":"#a1887f","accent":"#efebe9","ears":"pointy","accessory":"glasses","accessoryColor":"#37474f"}'::jsonb, 9),
  ('nia-girl', 'Nia', 'girl', 'she', array['creative', 'cheerful']::public.character_trait[], '{"shape":"tall","body":"#c68642","accent":"#3e2723","ears":"hair","accessory":"flower","accessoryColor":"#ff80ab"}'::jsonb, 10),
  ('sam-child', 'Sam', 'child', 'they', array['careful', 'kind']::public.character_trait[], '{"shape":"tall","body":"#e0ac69","accent":"#5d4037","ears":"hair","accessory":"backpack","accessoryColor":"#fb8c00"}'::jsonb, 11),
  ('finn-otter', 'Finn', 'otter', 'he', array['funny', 'brave']::public.character_trait[], '{"shape":"small","body":"#6d4c41","accent":"#d7ccc8","ears":"round","accessory":"scarf","accessoryColor":"#1e88e5"}'::jsonb, 12),
  ('rosie-pig', 'Rosie', 'pig', 'she', array['cheerful', 'kind']::public.character_trait[], '{"shape":"round","body":"#f8a5c2","accent":"#fbd3e0","ears":"pointy","accessory":"flower","accessoryColor":"#fdd835"}'::jsonb, 13),
  ('kai-boy', 'Kai', 'boy', 'he', array['brave', 'careful']::public.character_trait[], '{"shape":"tall","body":"#ffdbac","accent":"#212121","ears":"hair","accessory":"cape","accessoryColor":"#1565c0"}'::jsonb, 14),
  ('tilly-tortoise', 'Tilly', 'tortoise', 'she', array['patient', 'careful']::public.character_trait[], '{"shape":"round","body":"#7cb342","accent":"#8d6e63","ears":"none","accessory":"hat","accessoryColor":"#f06292"}'::jsonb, 15),
  ('hugo-hedgehog', 'Hugo', 'hedgehog', 'he', array['shy', 'clever']::public.character_trait[], '{"shape":"small","body":"#795548","accent":"#ffe0b2","ears":"round","accessory":"backpack","accessoryColor":"#43a047"}'::jsonb, 16),
  ('maya-girl', 'Maya', 'girl', 'she', array['brave', 'creative']::public.character_trait[], '{"shape":"tall","body":"#a0522d","accent":"#0d0d0d","ears":"hair","accessory":"crown","accessoryColor":"#ffd54f"}'::jsonb, 17),
  ('gus-goat', 'Gus', 'goat', 'he', array['funny', 'brave']::public.character_trait[], '{"shape":"square","body":"#eeeeee","accent":"#bdbdbd","ears":"horns","accessory":"scarf","accessoryColor":"#e53935"}'::jsonb, 18),
  ('penny-penguin', 'Penny', 'penguin', 'she', array['cheerful', 'curious']::public.character_trait[], '{"shape":"small","body":"#263238","accent":"#ffffff","ears":"none","accessory":"bow","accessoryColor":"#00acc1"}'::jsonb, 19),
  ('ziggy-alien', 'Ziggy', 'alien', 'they', array['curious', 'funny']::public.character_trait[], '{"shape":"round","body":"#9575cd","accent":"#d1c4e9","ears":"antenna","accessory":"glasses","accessoryColor":"#76ff03"}'::jsonb, 20),
  ('ari-unicorn', 'Ari', 'unicorn', 'she', array['kind', 'brave']::public.character_trait[], '{"shape":"tall","body":"#fafafa","accent":"#ce93d8","ears":"horns","accessory":"crown","accessoryColor":"#ffb300"}'::jsonb, 21);


create function private.create_character(
  p_name text,
  p_kind text,
  p_pronoun public.character_pronoun,
  p_traits public.character_trait[],
  p_look jsonb
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.family_members%rowtype;
  v_id uuid;
begin
  select * into v_member from public.family_members fm where fm.user_id = v_user_id;
  if not found then
    perform private.raise_error('TF403', 'not_a_family_member');
  end if;
  if v_member.role = 'child' and not private.child_may('creating') then
    perform private.raise_error('TF403', 'creating_not_allowed');
  end if;
  if (select count(*) from public.characters c where c.family_id = v_member.family_id and c.deleted_at is null) >= 100 then
    perform private.raise_error('TF409', 'too_many_characters', '{"max":100}');
  end if;
  begin
    insert into public.characters (family_id, created_by, name, kind, pronoun, traits, look)
    values (v_member.family_id, v_user_id, btrim(coalesce(p_name, '')), btrim(coalesce(p_kind, '')), p_pronoun,
            p_traits, p_look)
    returning id into v_id;
  exception
    when check_violation or not_null_violation then
      perform private.raise_error('TF400', 'character_invalid');
  end;
  return v_id;
end;
$$;
comment on function private.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb) is 'Family member (a child only while they may create): adds one of the family''s own characters; character_invalid when the name, kind, traits or look do not fit.';

create function private.delete_character(p_character_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_character public.characters%rowtype;
begin
  select * into v_character from public.characters c where c.id = p_character_id;
  if not found or v_character.family_id is null or not private.is_family_member(v_character.family_id) then
    perform private.raise_error('TF403', 'character_not_found');
  end if;
  -- A parent removes any of the family's characters; a child only their own, while they may create.
  if not private.is_family_parent(v_character.family_id)
     and (v_character.created_by is distinct from (select auth.uid()) or not private.child_may('creating')) then
    perform private.raise_error('TF403', 'not_allowed_for_character');
  end if;
  update public.characters c set deleted_at = coalesce(c.deleted_at, now()) where c.id = p_character_id;
end;
$$;
comment on function private.delete_character(uuid) is 'Removes one of the family''s characters from the wizard (soft delete): any of them for a parent, their own for a child who may create.';

revoke execute on function private.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb),
  private.delete_character(uuid) from public;
grant execute on function private.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb),
  private.delete_character(uuid) to authenticated;

create function public.create_character(
  p_name text,
  p_kind text,
  p_pronoun public.character_pronoun,
  p_traits public.character_trait[],
  p_look jsonb
)
returns uuid
language sql
security invoker
set search_path = ''
as $$ select private.create_character(p_name, p_kind, p_pronoun, p_traits, p_look); $$;
comment on function public.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb) is 'Family member (a child while they may create): adds a character of the family''s own.';

create function public.delete_character(p_character_id uuid)
returns void
language sql
security invoker
set search_path = ''
as $$ select private.delete_character(p_character_id); $$;
comment on function public.delete_character(uuid) is 'Removes one of the family''s characters (a parent: any; a child: their own).';

revoke execute on function public.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb),
  public.delete_character(uuid) from public, anon;
grant execute on function public.create_character(text, text, public.character_pronoun, public.character_trait[], jsonb),
  public.delete_character(uuid) to authenticated;

-- Access: the library for everyone, a family's own characters for its members; writes only through
-- the functions above.
revoke all on table public.characters from anon, authenticated, service_role;
grant select on table public.characters to anon, authenticated, service_role;

alter table public.characters enable row level security;

create policy "Anyone can read the library characters"
on public.characters
for select
to anon
using (family_id is null);

create policy "Signed-in users can read the library and their family's characters"
on public.characters
for select
to authenticated
using (family_id is null or (deleted_at is null and family_id = (select private.my_family_id())));
