import type { Enums } from '@/lib/database.types';

// What the rest of the app stores about a story. The engine is pure: these shapes are plain data (JSON
// round-trips them unchanged), so the database work can keep them in rows and jsonb columns and hand
// them back to `continueBranch` later.

export type AgeBand = Enums<'age_band'>;
export type StoryLength = 'short' | 'medium' | 'long';

export const TRAITS = [
  'brave',
  'curious',
  'kind',
  'clever',
  'funny',
  'shy',
  'patient',
  'cheerful',
  'careful',
  'creative',
] as const;
export type Trait = (typeof TRAITS)[number];

export const PRONOUNS = ['she', 'he', 'they'] as const;
export type Pronoun = (typeof PRONOUNS)[number];

export const BODY_SHAPES = ['round', 'tall', 'square', 'small'] as const;
export const EAR_STYLES = ['none', 'pointy', 'round', 'long', 'antenna', 'horns', 'hair'] as const;
export const ACCESSORIES = ['none', 'hat', 'scarf', 'glasses', 'bow', 'cape', 'backpack', 'crown', 'flower'] as const;

/** What the illustrator draws. Colours are `#rrggbb` so they can go into SVG attributes as they are. */
export interface CharacterLook {
  shape: (typeof BODY_SHAPES)[number];
  body: string;
  accent: string;
  ears: (typeof EAR_STYLES)[number];
  accessory: (typeof ACCESSORIES)[number];
  accessoryColor: string;
}

export interface Character {
  /** Stable key: a library slug, or the database id of a family's own character. */
  id: string;
  name: string;
  /** What the character is, as a noun the story can use: "fox", "robot", "girl". */
  kind: string;
  pronoun: Pronoun;
  traits: Trait[];
  look: CharacterLook;
}

export interface Moral {
  id: string;
  /** One short sentence that ends a story, e.g. "Friends make hard things easier." */
  lesson: string;
}

export interface Theme {
  id: string;
  name: string;
  description: string;
  morals: Moral[];
}

/** Where a segment happens, as the illustrator knows it. */
export const SCENE_KINDS = [
  'home',
  'garden',
  'forest',
  'meadow',
  'lake',
  'mountain',
  'beach',
  'town',
  'castle',
  'cave',
  'library',
  'space',
  'sea',
  'night',
  'sky',
] as const;
export type SceneKind = (typeof SCENE_KINDS)[number];

/** How a choice moves the story on: the next segment is written from the parent's state plus this. */
export type ChoiceMove =
  | { approach: 'go'; toSettingId: string }
  | { approach: 'helper'; toSettingId: string; helperId: string; obstacleId: string }
  | { approach: 'item'; toSettingId: string; itemId: string; obstacleId: string }
  | { approach: 'try'; toSettingId: string; obstacleId: string }
  | { approach: 'detour'; toSettingId: string; obstacleId: string };

/** What is true after a segment: the next one starts from here. */
export interface StoryState {
  settingId: string;
  /** Character ids present in this segment (the illustrator draws them). */
  present: string[];
  /** Item ids the characters carry. */
  items: string[];
  /** Helper met in this place, if any. */
  helperId: string | null;
  /** What blocks the way on, set by a segment that ends in a dilemma. */
  obstacleId: string | null;
  /** Setting ids visited on the path so far (no place is visited twice on one path). */
  visited: string[];
  /** Signs of the goal found so far (how close the characters are). */
  clues: number;
}

export interface ReadabilityVerdict {
  passed: boolean;
  band: AgeBand;
  words: number;
  sentences: number;
  wordsPerSentence: number;
  longestSentence: number;
  syllablesPerWord: number;
  /** Flesch–Kincaid grade level. */
  grade: number;
  /** Which rules failed (empty when passed), e.g. "words_below_min". */
  failures: string[];
}

export interface SafetyMatch {
  term: string;
  category: SafetyCategory;
  /** The text as written that matched, e.g. "k1ll". */
  found: string;
}

export type SafetyCategory = 'violence' | 'fear' | 'adult' | 'insult' | 'self_harm';

export interface SafetyVerdict {
  passed: boolean;
  band: AgeBand;
  listVersion: number;
  matches: SafetyMatch[];
}

export interface SegmentProvenance {
  provider: 'builtin' | 'http';
  modelId: string;
  engineVersion: number;
  /** `template:<id>@<version>` or `prompt@<version>` */
  source: string;
  /** sha256 over the request, the path that led here and the sub-seed: same hash, same inputs. */
  inputsHash: string;
  /** How many drafts were written before one passed (1 = the first did). */
  attempts: number;
  readability: ReadabilityVerdict;
  safety: SafetyVerdict;
}

export interface StorySegment {
  /** Path-shaped key: "s" is the start, "s.1.0" is the first choice of the second choice of the start. */
  id: string;
  depth: number;
  text: string;
  settingId: string;
  scene: SceneKind;
  /** A short name of the place for people ("the duck pond"). */
  place: string;
  characterIds: string[];
  isEnding: boolean;
  state: StoryState;
  provenance: SegmentProvenance;
}

export interface StoryChoice {
  id: string;
  fromSegmentId: string;
  label: string;
  /** null while unexplored: `continueBranch` writes the segment(s) behind it later. */
  toSegmentId: string | null;
  /**
   * What to write behind this choice: a sentence for a model, and the move for the built-in writer
   * (null when a model wrote the choice; the built-in writer then picks a new place itself).
   */
  continuation: { prompt: string; move: ChoiceMove | null };
}

export interface Story {
  title: string;
  summary: string;
  ageBand: AgeBand;
  length: StoryLength;
  themeId: string;
  moralId: string;
  templateId: string | null;
  /** Depth of the endings: every full path has this many segments. */
  pathLength: number;
  characters: Character[];
  startSegmentId: string;
  segments: StorySegment[];
  choices: StoryChoice[];
  /** Story-level values the built-in writer needs to continue a branch exactly as it began. */
  context: StoryContext;
}

/** Fixed when a story begins, so continuations stay consistent (same pet, same goal). */
export interface StoryContext {
  seed: number;
  /** The template the story follows (for a free prompt: the one the prompt was matched to). */
  templateId: string;
  /** Template values picked at the start, e.g. { pet: "Biscuit", pet_kind: "puppy" }. */
  vars: Record<string, string>;
  /** A free prompt the story was written from (kept as data, never as instructions). */
  prompt: string | null;
}

export interface StoryRequest {
  ageBand: AgeBand;
  length: StoryLength;
  templateId: string | null;
  prompt: string | null;
  characters: Character[];
  themeId: string;
  /** One of the theme's morals; the seed picks one when absent. */
  moralId: string | null;
  seed: number;
}

export interface GenerationProvenance {
  provider: 'builtin' | 'http';
  modelId: string;
  engineVersion: number;
  source: string;
  inputsHash: string;
  seed: number;
  /** Ids of the segments this call wrote; their own provenance is on each segment. */
  segmentIds: string[];
  /** Drafts written in all, including the ones the checks sent back. */
  attempts: number;
}

export interface GeneratedStory {
  story: Story;
  provenance: GenerationProvenance;
}

export interface ContinuedBranch {
  /** The story with the new segments and choices in place. */
  story: Story;
  /** What the database writes: the new segments, and the choices to upsert (the one explored, now pointing at its page, and the new ones). */
  segments: StorySegment[];
  choices: StoryChoice[];
  provenance: GenerationProvenance;
}

export interface Illustration {
  segmentId: string;
  mimeType: 'image/svg+xml';
  svg: string;
}

/** What the job worker calls; the built-in writer and the HTTP model provider both implement it. */
export interface StoryProvider {
  readonly id: 'builtin' | 'http';
  readonly modelId: string;
  generateStory(request: StoryRequest): Promise<GeneratedStory>;
  continueBranch(story: Story, choiceId: string, seed: number): Promise<ContinuedBranch>;
  illustrate(segment: StorySegment, cast: Character[]): Promise<Illustration>;
}
