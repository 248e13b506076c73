import { TEMPLATES_BY_ID } from '../assets/templates';
import { THEMES_BY_ID } from '../assets/themes';
import { MAX_DRAFTS } from '../bands';
import { StoryEngineError } from '../errors';
import { illustrateSegment } from '../illustrate/svg-illustrator';
import { createRng, deriveSeed } from '../prng';
import { parseStoryRequest } from '../request';
import { type AuthoredPage, buildStory, extendBranch, type PageAuthor } from '../story-builder';
import { resolveFrame } from '../story-frame';
import type { ChoiceMove, Story, StoryProvider } from '../types';
import { line } from './grammar';
import { type StoryFrame, writePage } from './page-writer';

// The default provider: offline, deterministic (same request and seed → the same story, byte for
// byte) and free, so a page that fails a check is simply written again from another sub-seed.

export const BUILTIN_MODEL_ID = 'tale-forge-builtin-1';

function frameOf(story: Story): StoryFrame {
  const template = TEMPLATES_BY_ID.get(story.context.templateId);
  if (!template) throw new StoryEngineError('unknown_template', { templateId: story.context.templateId });
  const moral = THEMES_BY_ID.get(story.themeId)?.morals.find((m) => m.id === story.moralId);
  if (!moral) throw new StoryEngineError('unknown_moral', { moralId: story.moralId });
  return {
    band: story.ageBand,
    template,
    cast: story.characters,
    moral,
    vars: story.context.vars,
    pathLength: story.pathLength,
  };
}

function builtinAuthor(seed: number): PageAuthor {
  return {
    provider: 'builtin',
    modelId: BUILTIN_MODEL_ID,
    maxDrafts: MAX_DRAFTS,
    exhausted: { unsafe: 'segment_unfit', unfit: 'segment_unfit' },
    async writePage(story, input): Promise<AuthoredPage | null> {
      const frame = frameOf(story);
      const draftSeed = deriveSeed(seed, input.segmentId, input.attempt);
      const parent = input.path.at(-1) ?? null;
      let move: ChoiceMove | null = input.choice?.continuation.move ?? null;
      if (input.choice && !move && parent) {
        // A choice a model wrote: go somewhere new from the template's places.
        const { middle, final } = frame.template.settings;
        const fresh = [...final, ...middle].filter((id) => !parent.state.visited.includes(id));
        move = { approach: 'go', toSettingId: createRng(draftSeed).pick(fresh.length ? fresh : final) };
      }
      const draft = writePage(frame, { depth: input.depth, parent: parent?.state ?? null, move }, draftSeed);
      if (!draft) return null;
      return {
        text: draft.text,
        settingId: draft.setting.id,
        scene: draft.setting.scene,
        place: draft.setting.name,
        state: draft.state,
        choices: draft.choices,
      };
    },
    defaultTitle(story) {
      const template = frameOf(story).template;
      const vars = { ...story.context.vars, hero: story.characters[0].name };
      return line(template.titles, { vars, words: {}, rng: createRng(deriveSeed(story.context.seed, 'title')) }, false);
    },
  };
}

export function createBuiltinProvider(): StoryProvider {
  return {
    id: 'builtin',
    modelId: BUILTIN_MODEL_ID,
    async generateStory(input) {
      const request = parseStoryRequest(input);
      const frame = resolveFrame(request);
      return buildStory(request, frame, builtinAuthor(request.seed), request.characters);
    },
    async continueBranch(story, choiceId, seed) {
      const start = story.segments.find((s) => s.id === story.startSegmentId);
      const source = start?.provenance.source ?? `template:${story.context.templateId}`;
      return extendBranch(story, choiceId, seed, builtinAuthor(seed), source);
    },
    async illustrate(segment, cast) {
      return illustrateSegment(segment, cast);
    },
  };
}
