import type { SceneKind } from '../types';

// The built-in writer's world. Lines are sentence patterns: `{var}` is a story value (`{The_var}` the
// same, capitalised), `[a|b|c]` picks one, `#word#` is a band's word (see builtin/lexicon.ts).

/** Alternatives: the writer picks one; an alternative may hold several sentences. */
export type Lines = readonly string[];

/** Lines for the youngest readers (4–6) and for everyone older (7–12). */
export interface BandLines {
  young: Lines;
  older: Lines;
}

export interface Setting {
  id: string;
  scene: SceneKind;
  /** "the duck pond" */
  name: string;
  /** "the pond": the second time it is named */
  short: string;
  /** "at the duck pond", "in the whispering forest" */
  at: string;
  /** "down to the duck pond", "into the whispering forest" */
  to: string;
  /** Noun phrases with an article: "a family of ducks". */
  sights: readonly string[];
  /** Noun phrases for what is heard: "the quack of a duck". */
  sounds: readonly string[];
  /** Adjectives: "calm", "cool". */
  feel: readonly string[];
  helpers: readonly string[];
  obstacles: readonly string[];
  items: readonly string[];
}

export interface Obstacle {
  id: string;
  /** "a wide river" */
  a: string;
  /** "the river" */
  the: string;
  /** Why it stops them. */
  block: Lines;
  /** Past-tense verb phrase: "got across the river". */
  overcome: string;
  /** A choice the characters can make on their own: "Hop across the stepping stones". */
  tryLabel: string;
  tryDone: Lines;
  /** Items that help, each with how it helps: { rope: "{hero} tied the rope to a tree…" }. */
  items: Readonly<Record<string, string>>;
}

export interface Item {
  id: string;
  /** "a long rope" */
  a: string;
  /** "the rope" */
  the: string;
}

export interface Helper {
  id: string;
  /** "a wise old owl" */
  a: string;
  /** "the owl" */
  the: string;
  /** What it says when the characters meet it. */
  greet: Lines;
  /** How it helps them past an obstacle. */
  help: Lines;
}

/** A template value picked once per story, e.g. the lost pet: { pet: "Biscuit", pet_kind: "puppy" }. */
export interface TemplateSlot {
  key: string;
  options: readonly Record<string, string>[];
}

export interface StoryTemplate {
  id: string;
  version: number;
  title: string;
  /** Titles for a story: "{hero} and the Lost Puppy". */
  titles: Lines;
  summary: string;
  themeIds: readonly string[];
  /** Words in a free prompt that point to this template. */
  keywords: readonly string[];
  slots: readonly TemplateSlot[];
  settings: { start: readonly string[]; middle: readonly string[]; final: readonly string[] };
  /** The first page's problem: what happens, what the characters want. */
  premise: BandLines;
  /** "to find Biscuit": what the characters are trying to do, for dialogue and dilemmas. */
  goal: string;
  /** Signs the goal is near, found on the way. */
  clues: BandLines;
  /** The last page's happy turn, where the goal is reached. */
  finale: BandLines;
}
