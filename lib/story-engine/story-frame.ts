import type { StoryTemplate } from './assets/asset-types';
import { TEMPLATES, TEMPLATES_BY_ID } from './assets/templates';
import { THEMES_BY_ID } from './assets/themes';
import { StoryEngineError } from './errors';
import { createRng, deriveSeed } from './prng';
import type { Moral, StoryRequest, Theme } from './types';

// What a story is made from, settled once before the first page: the template (chosen, or matched
// from a free prompt), the theme and its moral, and the template's slot values.

export const PROMPT_VERSION = 1;

export interface ResolvedFrame {
  template: StoryTemplate;
  theme: Theme;
  moral: Moral;
  vars: Record<string, string>;
  /** `template:<id>@<version>`, or `prompt@<version>+template:<id>@<version>` for a free prompt. */
  source: string;
}

const wordsIn = (text: string) => new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);

/**
 * The template a free prompt is closest to: most keyword hits, ties broken by the seed. The prompt
 * itself never reaches the built-in writer's text; it only steers which story is told.
 */
export function templateForPrompt(prompt: string, seed: number): StoryTemplate {
  const words = wordsIn(prompt);
  const scored = TEMPLATES.map((template) => ({
    template,
    score: template.keywords.filter((k) => words.has(k)).length,
  }));
  const best = Math.max(...scored.map((s) => s.score));
  const rng = createRng(deriveSeed(seed, 'prompt-template'));
  return rng.pick(scored.filter((s) => s.score === best)).template;
}

export function resolveFrame(request: StoryRequest): ResolvedFrame {
  const rng = createRng(deriveSeed(request.seed, 'frame'));
  let template: StoryTemplate | undefined;
  if (request.templateId !== null) {
    template = TEMPLATES_BY_ID.get(request.templateId);
    if (!template) throw new StoryEngineError('unknown_template', { templateId: request.templateId });
  } else {
    template = templateForPrompt(request.prompt ?? '', request.seed);
  }
  const theme = THEMES_BY_ID.get(request.themeId);
  if (!theme) throw new StoryEngineError('unknown_theme', { themeId: request.themeId });
  const moral = request.moralId === null ? rng.pick(theme.morals) : theme.morals.find((m) => m.id === request.moralId);
  if (!moral) throw new StoryEngineError('unknown_moral', { moralId: request.moralId });

  // A slot option the prompt names wins ("a lost kitten" → the kitten); otherwise the seed picks.
  const promptWords = wordsIn(request.prompt ?? '');
  const vars: Record<string, string> = {};
  for (const slot of template.slots) {
    const named = slot.options.filter((o) => Object.values(o).some((v) => promptWords.has(v.toLowerCase())));
    Object.assign(vars, rng.pick(named.length ? named : slot.options));
  }
  const templateRef = `template:${template.id}@${template.version}`;
  const source = request.templateId === null ? `prompt@${PROMPT_VERSION}+${templateRef}` : templateRef;
  return { template, theme, moral, vars, source };
}
