import { adminQuery } from 'supabase-local/testing';
import { describe, expect, it } from 'vitest';
import { LIBRARY_CHARACTERS, TEMPLATES, THEMES } from '@/lib/story-engine';

// The catalogue the migrations carry (scripts/story-catalogue-sql.ts wrote it) is the story engine's:
// a theme, template or character the wizard offers must be one the engine can write, and the other way
// round. When the engine's assets change, a new migration made with that script brings them together.

describe('the story catalogue', () => {
  it('themes are the engine’s, with their morals', async () => {
    const rows = await adminQuery<{ slug: string; name: string; description: string; morals: unknown }>(
      'select slug, name, description, morals from public.themes order by sort_order',
    );
    expect(rows).toEqual(
      THEMES.map((t) => ({ slug: t.id, name: t.name, description: t.description, morals: t.morals })),
    );
  });

  // The migrations give every catalogue row its place (sort_order from 1); other tests add templates of
  // their own (an engine-unknown one, a retired one) with none.
  it('templates are the engine’s, at the engine’s version, with the themes that suit them', async () => {
    const rows = await adminQuery<{ slug: string; version: number; title: string; themes: string[] }>(
      `select t.slug, t.version, t.title,
              array(select th.slug from public.template_themes tt join public.themes th on th.id = tt.theme_id
                     where tt.template_id = t.id order by tt.position) as themes
         from public.story_templates t where t.sort_order > 0 order by t.sort_order`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows).toEqual(
      TEMPLATES.map((t) => ({ slug: t.id, version: t.version, title: t.title, themes: [...t.themeIds] })),
    );
  });

  it('library characters are the engine’s, with the same look', async () => {
    const rows = await adminQuery<{
      slug: string;
      name: string;
      kind: string;
      pronoun: string;
      traits: string[];
      look: unknown;
    }>(
      `select slug, name, kind, pronoun::text, traits::text[], look from public.characters
        where family_id is null and sort_order > 0 order by sort_order`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows).toEqual(
      LIBRARY_CHARACTERS.map((c) => ({
        slug: c.id,
        name: c.name,
        kind: c.kind,
        pronoun: c.pronoun,
        traits: [...c.traits],
        look: c.look,
      })),
    );
  });
});
