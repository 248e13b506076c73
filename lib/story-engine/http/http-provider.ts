import { TEMPLATES_BY_ID } from '../assets/templates';
import { StoryEngineError } from '../errors';
import { illustrateSegment } from '../illustrate/svg-illustrator';
import { deriveSeed } from '../prng';
import { parseStoryRequest } from '../request';
import { type AuthoredPage, buildStory, extendBranch, type PageAuthor } from '../story-builder';
import { resolveFrame } from '../story-frame';
import type { Story, StoryProvider } from '../types';
import { type ChatClientOptions, requestJson } from './chat-client';
import { pageOutputSchema } from './page-output.schema';
import { HTTP_PROMPT_VERSION, pagePayload, SYSTEM_PROMPT } from './page-prompt';

// A provider for any OpenAI-compatible chat-completions endpoint. The engine keeps the story's shape
// (which pages exist, which choices are explored) and asks the model for one page at a time as JSON;
// each page passes the same readability and safety checks as the built-in writer's, or is asked for
// again (up to maxDrafts), then the job fails with a clear error.

export interface HttpProviderOptions {
  url: string;
  apiKey?: string | null;
  model: string;
  /** Per request. */
  timeoutMs?: number;
  /** Extra requests after a 5xx, a timeout or an unusable answer. */
  retries?: number;
  /** First backoff; it doubles on every retry. */
  backoffMs?: number;
  /** Drafts per page when the checks send a page back. */
  maxDrafts?: number;
  fetch?: typeof fetch;
}

const DEFAULTS = { timeoutMs: 60_000, retries: 2, backoffMs: 1_000, maxDrafts: 3 };

function templateInfo(story: Story) {
  const template = TEMPLATES_BY_ID.get(story.context.templateId);
  return template
    ? { title: template.title, summary: template.summary, goal: template.goal }
    : { title: story.title, summary: story.summary, goal: '' };
}

function httpAuthor(options: ChatClientOptions, maxDrafts: number, seed: number): PageAuthor {
  return {
    provider: 'http',
    modelId: options.model,
    maxDrafts,
    exhausted: { unsafe: 'provider_unsafe_output', unfit: 'provider_unreadable_output' },
    async writePage(story, input): Promise<AuthoredPage> {
      const payload = pagePayload(story, input, templateInfo(story));
      const wanted = payload.choicesWanted;
      const output = await requestJson(
        options,
        [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: JSON.stringify(payload) },
        ],
        deriveSeed(seed, input.segmentId, input.attempt),
        (value) => {
          const parsed = pageOutputSchema.safeParse(value);
          if (!parsed.success || parsed.data.choices.length !== wanted) return null;
          const labels = parsed.data.choices.map((c) => c.label.toLowerCase());
          return new Set(labels).size === labels.length ? parsed.data : null;
        },
      );
      // Only the story's own characters can be present; names the model made up are dropped.
      const byName = new Map(story.characters.map((c) => [c.name.toLowerCase(), c.id]));
      const named = output.characters.map((n) => byName.get(n.trim().toLowerCase())).filter((id) => id !== undefined);
      const present = story.characters.map((c) => c.id).filter((id) => named.includes(id));
      const parent = input.path.at(-1);
      return {
        text: output.text.replace(/\r\n?/g, '\n'),
        settingId: output.scene,
        scene: output.scene,
        place: output.place,
        state: {
          settingId: output.scene,
          present: present.length ? present : [story.characters[0].id],
          items: parent?.state.items ?? [],
          helperId: null,
          obstacleId: null,
          visited: [...(parent?.state.visited ?? []), output.scene],
          clues: input.depth,
        },
        choices: output.choices.map((c) => ({ label: c.label, prompt: c.prompt, move: null })),
        title: input.depth === 0 ? output.title : undefined,
        summary: input.depth === 0 ? output.summary : undefined,
      };
    },
    defaultTitle(story) {
      return templateInfo(story).title;
    },
  };
}

export function createHttpProvider(options: HttpProviderOptions): StoryProvider {
  if (!/^https?:\/\//.test(options.url)) throw new Error('STORY_MODEL_URL must be an http(s) URL');
  if (!options.model) throw new Error('A model id is needed for the HTTP story provider');
  const client: ChatClientOptions = {
    url: options.url,
    apiKey: options.apiKey ?? null,
    model: options.model,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: options.retries ?? DEFAULTS.retries,
    backoffMs: options.backoffMs ?? DEFAULTS.backoffMs,
    fetch: options.fetch ?? fetch,
  };
  const maxDrafts = options.maxDrafts ?? DEFAULTS.maxDrafts;
  return {
    id: 'http',
    modelId: options.model,
    async generateStory(input) {
      const request = parseStoryRequest(input);
      const frame = resolveFrame(request);
      const source = `http-prompt@${HTTP_PROMPT_VERSION}+${frame.source}`;
      return buildStory(request, { ...frame, source }, httpAuthor(client, maxDrafts, request.seed), request.characters);
    },
    async continueBranch(story, choiceId, seed) {
      if (!story.segments.length) throw new StoryEngineError('story_invalid');
      const source = story.segments[0].provenance.source;
      return extendBranch(story, choiceId, seed, httpAuthor(client, maxDrafts, seed), source);
    },
    async illustrate(segment, cast) {
      // Models draw no pictures here: the built-in illustrator draws every page.
      return illustrateSegment(segment, cast);
    },
  };
}
