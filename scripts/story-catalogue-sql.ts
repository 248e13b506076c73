// `npx tsx scripts/story-catalogue-sql.ts`: the story engine's catalogue (themes, templates, library
// characters) as the INSERT statements a catalogue migration carries. The engine's assets are the
// source; supabase/tests/stories/story-catalogue.test.ts fails when the migrated catalogue and the
// assets drift apart, and a new migration (made with this script) brings them back together.
import { LIBRARY_CHARACTERS, TEMPLATES, THEMES } from '@/lib/story-engine';

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;
const json = (value: unknown) => `${text(JSON.stringify(value))}::jsonb`;
const array = (values: readonly string[], type = 'text') => `array[${values.map(text).join(', ')}]::${type}[]`;

const themes = THEMES.map(
  (t, i) => `  (${text(t.id)}, ${text(t.name)}, ${text(t.description)}, ${json(t.morals)}, ${i + 1})`,
);
const templates = TEMPLATES.map(
  (t, i) => `  (${text(t.id)}, ${t.version}, ${text(t.title)}, ${text(t.summary)}, ${array(t.keywords)}, ${i + 1})`,
);
const templateThemes = TEMPLATES.flatMap((t) =>
  t.themeIds.map((theme, i) => `  (${text(t.id)}, ${text(theme)}, ${i + 1})`),
);
const characters = LIBRARY_CHARACTERS.map(
  (c, i) =>
    `  (${text(c.id)}, ${text(c.name)}, ${text(c.kind)}, ${text(c.pronoun)}, ${array(c.traits, 'public.character_trait')}, ${json(c.look)}, ${i + 1})`,
);

console.log(`insert into public.themes (slug, name, description, morals, sort_order) values
${themes.join(',\n')};

insert into public.story_templates (slug, version, title, summary, keywords, sort_order) values
${templates.join(',\n')};

insert into public.template_themes (template_id, theme_id, position)
select t.id, th.id, v.position
  from (values
${templateThemes.map((l) => `  ${l}`).join(',\n')}
  ) as v(template_slug, theme_slug, position)
  join public.story_templates t on t.slug = v.template_slug
  join public.themes th on th.slug = v.theme_slug;

insert into public.characters (slug, name, kind, pronoun, traits, look, sort_order) values
${characters.join(',\n')};`);
