import { describe, expect, it } from 'vitest';
import { characterSchema } from '../request.schema';
import { LIBRARY_CHARACTERS } from './characters';
import { HELPERS, HELPERS_BY_ID } from './helpers';
import { ITEMS, ITEMS_BY_ID } from './items';
import { OBSTACLES, OBSTACLES_BY_ID } from './obstacles';
import { SETTINGS, SETTINGS_BY_ID } from './settings';
import { TEMPLATES } from './templates';
import { THEMES } from './themes';

// The seed data the database work loads, and the built-in writer's world: every reference resolves.

const unique = (ids: string[]) => new Set(ids).size === ids.length;

describe('seed data', () => {
  it('has at least 10 templates and 20 library characters, every id unique', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(10);
    expect(LIBRARY_CHARACTERS.length).toBeGreaterThanOrEqual(20);
    for (const list of [TEMPLATES, LIBRARY_CHARACTERS, THEMES, SETTINGS, OBSTACLES, ITEMS, HELPERS]) {
      expect(unique(list.map((x) => x.id))).toBe(true);
    }
    expect(unique(LIBRARY_CHARACTERS.map((c) => c.name))).toBe(true);
  });

  it('library characters pass the same schema as a family’s own', () => {
    for (const character of LIBRARY_CHARACTERS) expect(characterSchema.parse(character)).toEqual(character);
  });

  it('every theme has morals and every template names known themes', () => {
    const themes = new Set(THEMES.map((t) => t.id));
    for (const theme of THEMES) expect(theme.morals.length).toBeGreaterThan(0);
    for (const template of TEMPLATES) for (const id of template.themeIds) expect(themes).toContain(id);
  });
});

describe("the built-in writer's world", () => {
  it('every setting, obstacle and template refers only to things that exist', () => {
    for (const setting of SETTINGS) {
      for (const id of setting.obstacles) expect(OBSTACLES_BY_ID.has(id), `${setting.id} → ${id}`).toBe(true);
      for (const id of setting.helpers) expect(HELPERS_BY_ID.has(id), `${setting.id} → ${id}`).toBe(true);
      for (const id of setting.items) expect(ITEMS_BY_ID.has(id), `${setting.id} → ${id}`).toBe(true);
      expect(setting.sights.length).toBeGreaterThanOrEqual(2);
      expect(setting.sounds.length).toBeGreaterThanOrEqual(1);
    }
    for (const obstacle of OBSTACLES) {
      for (const id of Object.keys(obstacle.items)) expect(ITEMS_BY_ID.has(id), `${obstacle.id} → ${id}`).toBe(true);
    }
    for (const template of TEMPLATES) {
      const { start, middle, final } = template.settings;
      for (const id of [...start, ...middle, ...final])
        expect(SETTINGS_BY_ID.has(id), `${template.id} → ${id}`).toBe(true);
      // Enough places that a long story (5 pages a path, two new places at every fork) never repeats one.
      expect(new Set([...start, ...middle, ...final]).size).toBeGreaterThanOrEqual(7);
      for (const lines of [template.premise, template.clues, template.finale]) {
        expect(lines.young.length).toBeGreaterThanOrEqual(1);
        expect(lines.older.length).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
