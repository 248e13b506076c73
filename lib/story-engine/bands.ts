import type { AgeBand, StoryLength } from './types';

// Per-band rules in one place: the built-in writer aims at them, the checks enforce them, the HTTP
// provider's prompt quotes them.

export const ENGINE_VERSION = 1;

/** Words per segment. */
export const WORD_TARGETS: Record<AgeBand, { min: number; max: number }> = {
  '4-6': { min: 50, max: 90 },
  '7-9': { min: 80, max: 120 },
  '10-12': { min: 150, max: 180 },
};

export interface ReadabilityLimits {
  /** Average words per sentence, at most. */
  wordsPerSentence: number;
  /** Words in the longest sentence, at most. */
  longestSentence: number;
  /** Average syllables per word, at most. */
  syllablesPerWord: number;
  /** Flesch–Kincaid grade, at most (and at least, so older readers are not handed baby text). */
  maxGrade: number;
  minGrade: number;
}

export const READABILITY_LIMITS: Record<AgeBand, ReadabilityLimits> = {
  '4-6': { wordsPerSentence: 10, longestSentence: 18, syllablesPerWord: 1.35, maxGrade: 3, minGrade: -3 },
  '7-9': { wordsPerSentence: 14, longestSentence: 30, syllablesPerWord: 1.45, maxGrade: 5.5, minGrade: 1 },
  '10-12': { wordsPerSentence: 20, longestSentence: 36, syllablesPerWord: 1.55, maxGrade: 8.5, minGrade: 3 },
};

/**
 * The shape of a story per length: `pathLength` segments on every path from the start to an ending,
 * `segments` written up front (the rest of the choices stay unexplored until someone picks them).
 */
export const LENGTHS: Record<StoryLength, { pathLength: number; segments: number }> = {
  short: { pathLength: 3, segments: 6 },
  medium: { pathLength: 4, segments: 10 },
  long: { pathLength: 5, segments: 15 },
};

/** Drafts per segment before the engine gives up (the built-in writer passes far sooner). */
export const MAX_DRAFTS = 40;
