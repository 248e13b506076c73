import { ENGINE_VERSION, LENGTHS } from './bands';
import { checkReadability } from './checks/readability';
import { checkSafety } from './checks/safety-filter';
import { StoryEngineError, type StoryEngineErrorCode } from './errors';
import { validateStoryGraph } from './graph/validate-story-graph';
import { inputsHash } from './inputs-hash';
import type { ResolvedFrame } from './story-frame';
import type {
  AgeBand,
  Character,
  ChoiceMove,
  ContinuedBranch,
  GeneratedStory,
  ReadabilityVerdict,
  SafetyVerdict,
  SceneKind,
  Story,
  StoryChoice,
  StoryRequest,
  StorySegment,
  StoryState,
} from './types';

// Shared by both providers: which pages exist (the story's shape), the checks every page must pass
// before it is kept, provenance, and graph validation of the result. A provider only supplies a
// PageAuthor that writes one page at a time.

export interface PageInput {
  segmentId: string;
  depth: number;
  isEnding: boolean;
  /** The pages from the start to the one before this (empty for the start). */
  path: StorySegment[];
  /** The choice taken to get here (null for the start). */
  choice: StoryChoice | null;
  /** Which draft this is (0 first); a provider uses it to write differently after a failed check. */
  attempt: number;
  /** Why the previous draft was sent back, if it was. */
  previous: { readability: ReadabilityVerdict; safety: SafetyVerdict } | null;
}

export interface AuthoredPage {
  text: string;
  settingId: string;
  scene: SceneKind;
  place: string;
  state: StoryState;
  choices: { label: string; prompt: string; move: ChoiceMove | null }[];
  title?: string;
  summary?: string;
}

export interface PageAuthor {
  provider: 'builtin' | 'http';
  modelId: string;
  /** Drafts per page before giving up. */
  maxDrafts: number;
  /** Errors to raise when no draft passes: the last one failed the safety filter, or readability. */
  exhausted: { unsafe: StoryEngineErrorCode; unfit: StoryEngineErrorCode };
  /** null: this draft could not be made to fit (try again). */
  writePage(story: Story, input: PageInput): Promise<AuthoredPage | null>;
  /** A title when the author has none of its own. */
  defaultTitle(story: Story): string;
}

const choiceId = (segmentId: string, index: number) => `${segmentId}:c${index}`;
const childId = (segmentId: string, index: number) => `${segmentId}.${index}`;

export function namesIn(story: Pick<Story, 'characters' | 'context'>): string[] {
  return [...story.characters.map((c) => c.name), ...Object.values(story.context.vars)];
}

function checkPage(page: AuthoredPage, band: AgeBand, names: string[]) {
  const readability = checkReadability(page.text, band, { names });
  const shown = [
    page.text,
    page.title ?? '',
    page.summary ?? '',
    ...page.choices.map((c) => `${c.label}. ${c.prompt}`),
  ];
  const safety = checkSafety(shown.join('\n'), band);
  return { readability, safety, passed: readability.passed && safety.passed };
}

interface Written {
  segment: StorySegment;
  choices: StoryChoice[];
  attempts: number;
  page: AuthoredPage;
}

async function writeChecked(
  story: Story,
  author: PageAuthor,
  input: Omit<PageInput, 'attempt' | 'previous'>,
  source: string,
  seed: number,
): Promise<Written> {
  const names = namesIn(story);
  let previous: PageInput['previous'] = null;
  for (let attempt = 0; attempt < author.maxDrafts; attempt++) {
    const page = await author.writePage(story, { ...input, attempt, previous });
    if (!page) continue;
    const verdict = checkPage(page, story.ageBand, names);
    if (!verdict.passed) {
      previous = { readability: verdict.readability, safety: verdict.safety };
      continue;
    }
    const parent = input.path.at(-1) ?? null;
    const segment: StorySegment = {
      id: input.segmentId,
      depth: input.depth,
      text: page.text,
      settingId: page.settingId,
      scene: page.scene,
      place: page.place,
      characterIds: page.state.present,
      isEnding: input.isEnding,
      state: page.state,
      provenance: {
        provider: author.provider,
        modelId: author.modelId,
        engineVersion: ENGINE_VERSION,
        source,
        inputsHash: inputsHash({
          engine: ENGINE_VERSION,
          provider: author.provider,
          model: author.modelId,
          source,
          band: story.ageBand,
          characters: story.characters,
          theme: story.themeId,
          moral: story.moralId,
          context: story.context,
          segment: input.segmentId,
          parentState: parent?.state ?? null,
          choice: input.choice ? { label: input.choice.label, continuation: input.choice.continuation } : null,
          seed,
          attempt,
        }),
        attempts: attempt + 1,
        readability: verdict.readability,
        safety: verdict.safety,
      },
    };
    const choices: StoryChoice[] = input.isEnding
      ? []
      : page.choices.map((c, i) => ({
          id: choiceId(input.segmentId, i),
          fromSegmentId: input.segmentId,
          label: c.label,
          toSegmentId: null,
          continuation: { prompt: c.prompt, move: c.move },
        }));
    return { segment, choices, attempts: attempt + 1, page };
  }
  throw new StoryEngineError(previous && !previous.safety.passed ? author.exhausted.unsafe : author.exhausted.unfit, {
    segmentId: input.segmentId,
    drafts: author.maxDrafts,
    readability: previous?.readability.failures ?? [],
    safety: previous?.safety.matches.map((m) => m.term) ?? [],
  });
}

function pathTo(story: Story, segmentId: string): StorySegment[] {
  const byId = new Map(story.segments.map((s) => [s.id, s]));
  const parentOf = new Map(
    story.choices.filter((c) => c.toSegmentId).map((c) => [c.toSegmentId as string, c.fromSegmentId]),
  );
  const path: StorySegment[] = [];
  let id: string | undefined = segmentId;
  while (id) {
    const segment = byId.get(id);
    if (!segment) break;
    path.unshift(segment);
    id = parentOf.get(id);
  }
  return path;
}

/** Writes the page behind `choice` and, unless it is an ending, on along each new page's first choice. */
async function writeChain(
  story: Story,
  author: PageAuthor,
  choice: StoryChoice,
  source: string,
  seed: number,
  written: { segments: StorySegment[]; choices: StoryChoice[]; attempts: number },
) {
  let current: StoryChoice | null = choice;
  while (current) {
    const from = story.segments.find((s) => s.id === current?.fromSegmentId);
    if (!from) throw new StoryEngineError('story_invalid', { choiceId: current.id });
    const index = story.choices.filter((c) => c.fromSegmentId === from.id).indexOf(current);
    const depth = from.depth + 1;
    const result = await writeChecked(
      story,
      author,
      {
        segmentId: childId(from.id, index),
        depth,
        isEnding: depth >= story.pathLength - 1,
        path: pathTo(story, from.id),
        choice: current,
      },
      source,
      seed,
    );
    current.toSegmentId = result.segment.id;
    story.segments.push(result.segment);
    story.choices.push(...result.choices);
    written.segments.push(result.segment);
    written.choices.push(...result.choices);
    written.attempts += result.attempts;
    current = result.choices[0] ?? null;
  }
}

function chainLength(story: Story, choice: StoryChoice): number {
  const from = story.segments.find((s) => s.id === choice.fromSegmentId);
  return from ? story.pathLength - 1 - from.depth : 0;
}

function assertValid(story: Story) {
  const result = validateStoryGraph(story);
  if (!result.valid) throw new StoryEngineError('story_invalid', { problems: result.problems });
}

export async function buildStory(
  request: StoryRequest,
  frame: ResolvedFrame,
  author: PageAuthor,
  characters: Character[],
): Promise<GeneratedStory> {
  const shape = LENGTHS[request.length];
  const story: Story = {
    title: '',
    summary: frame.template.summary,
    ageBand: request.ageBand,
    length: request.length,
    themeId: frame.theme.id,
    moralId: frame.moral.id,
    templateId: request.templateId,
    pathLength: shape.pathLength,
    characters,
    startSegmentId: 's',
    segments: [],
    choices: [],
    context: { seed: request.seed, templateId: frame.template.id, vars: frame.vars, prompt: request.prompt },
  };
  const written = { segments: [] as StorySegment[], choices: [] as StoryChoice[], attempts: 0 };
  const start = await writeChecked(
    story,
    author,
    { segmentId: 's', depth: 0, isEnding: shape.pathLength <= 1, path: [], choice: null },
    frame.source,
    request.seed,
  );
  story.segments.push(start.segment);
  story.choices.push(...start.choices);
  written.segments.push(start.segment);
  written.attempts += start.attempts;
  story.title = start.page.title ?? author.defaultTitle(story);
  if (start.page.summary) story.summary = start.page.summary;

  // The first path down to an ending, then more branches, shallowest first, while the length allows
  // whole branches (a branch always runs on to an ending, so a reader never meets a half-written path).
  if (start.choices[0]) await writeChain(story, author, start.choices[0], frame.source, request.seed, written);
  for (;;) {
    const budget = shape.segments - story.segments.length;
    const next = story.choices
      .filter((c) => c.toSegmentId === null)
      .sort((a, b) => a.fromSegmentId.split('.').length - b.fromSegmentId.split('.').length || a.id.localeCompare(b.id))
      .find((c) => chainLength(story, c) <= budget);
    if (!next || budget <= 0) break;
    await writeChain(story, author, next, frame.source, request.seed, written);
  }
  assertValid(story);
  return {
    story,
    provenance: {
      provider: author.provider,
      modelId: author.modelId,
      engineVersion: ENGINE_VERSION,
      source: frame.source,
      inputsHash: inputsHash({ engine: ENGINE_VERSION, provider: author.provider, model: author.modelId, request }),
      seed: request.seed,
      segmentIds: written.segments.map((s) => s.id),
      attempts: written.attempts,
    },
  };
}

export async function extendBranch(
  original: Story,
  choiceId: string,
  seed: number,
  author: PageAuthor,
  source: string,
): Promise<ContinuedBranch> {
  assertValid(original);
  // Work on a copy: the caller's story is left as it was if anything fails.
  const story: Story = structuredClone(original);
  const choice = story.choices.find((c) => c.id === choiceId);
  if (!choice) throw new StoryEngineError('unknown_choice', { choiceId });
  if (choice.toSegmentId !== null) throw new StoryEngineError('choice_already_explored', { choiceId });
  const written = { segments: [] as StorySegment[], choices: [] as StoryChoice[], attempts: 0 };
  await writeChain(story, author, choice, source, seed, written);
  assertValid(story);
  return {
    story,
    segments: written.segments,
    choices: [choice, ...written.choices].filter((c, i, all) => all.indexOf(c) === i),
    provenance: {
      provider: author.provider,
      modelId: author.modelId,
      engineVersion: ENGINE_VERSION,
      source,
      inputsHash: inputsHash({
        engine: ENGINE_VERSION,
        provider: author.provider,
        model: author.modelId,
        choiceId,
        seed,
      }),
      seed,
      segmentIds: written.segments.map((s) => s.id),
      attempts: written.attempts,
    },
  };
}
