import { LIBRARY_CHARACTERS } from '../assets/characters';
import { TEMPLATES } from '../assets/templates';
import { THEMES } from '../assets/themes';
import type { AgeBand, StoryLength, StoryRequest } from '../types';

// Requests for the engine's tests: every template, theme, length and cast size in turn.

const LENGTHS: StoryLength[] = ['short', 'medium', 'long'];

export function variedRequest(ageBand: AgeBand, seed: number): StoryRequest {
  const castSize = 1 + (seed % 4);
  return {
    ageBand,
    length: LENGTHS[seed % LENGTHS.length],
    templateId: TEMPLATES[seed % TEMPLATES.length].id,
    prompt: null,
    characters: Array.from(
      { length: castSize },
      (_, i) => LIBRARY_CHARACTERS[(seed * 7 + i * 3) % LIBRARY_CHARACTERS.length],
    ),
    themeId: THEMES[seed % THEMES.length].id,
    moralId: null,
    seed,
  };
}

/** One request, only the seed changing: what "200 seeds read differently" is measured on. */
export function fixedRequest(ageBand: AgeBand, seed: number): StoryRequest {
  return {
    ageBand,
    length: 'short',
    templateId: 'lost-pet',
    prompt: null,
    characters: [LIBRARY_CHARACTERS[0], LIBRARY_CHARACTERS[1]],
    themeId: 'friendship',
    moralId: 'friends-help',
    seed,
  };
}
