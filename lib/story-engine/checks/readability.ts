import { READABILITY_LIMITS, WORD_TARGETS } from '../bands';
import type { AgeBand, ReadabilityVerdict } from '../types';
import { countSyllables } from './syllables';

const round = (value: number) => Math.round(value * 100) / 100;

/** Words as a reader counts them: "don't" and "well-known" are one each, numbers count. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Sentences end at . ! ? (and an ellipsis), after any closing quote, when the next word starts a new
 * sentence: `"Where is he?" asked Mia.` is one sentence, not two.
 */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…]["”’)]?)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export interface ReadabilityOptions {
  /**
   * Names of the story's own characters. A child meets them on every page, so each counts as at most two
   * syllables: "Bartholomew" should not make a page read as harder than it is.
   */
  names?: string[];
}

export function checkReadability(text: string, band: AgeBand, options: ReadabilityOptions = {}): ReadabilityVerdict {
  const names = new Set((options.names ?? []).flatMap((name) => wordsOf(name.toLowerCase())));
  const sentences = sentencesOf(text);
  const words = wordsOf(text);
  const syllables = words.reduce((sum, word) => {
    const count = countSyllables(word);
    return sum + (names.has(word.toLowerCase()) ? Math.min(count, 2) : count);
  }, 0);
  const sentenceCount = Math.max(1, sentences.length);
  const wordCount = words.length;
  const wordsPerSentence = wordCount / sentenceCount;
  const syllablesPerWord = wordCount ? syllables / wordCount : 0;
  const grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
  const longestSentence = Math.max(0, ...sentences.map((s) => wordsOf(s).length));

  const limits = READABILITY_LIMITS[band];
  const target = WORD_TARGETS[band];
  const failures: string[] = [];
  if (wordCount < target.min) failures.push('words_below_min');
  if (wordCount > target.max) failures.push('words_above_max');
  if (wordsPerSentence > limits.wordsPerSentence) failures.push('sentences_too_long');
  if (longestSentence > limits.longestSentence) failures.push('longest_sentence_too_long');
  if (syllablesPerWord > limits.syllablesPerWord) failures.push('words_too_hard');
  if (grade > limits.maxGrade) failures.push('grade_above_band');
  if (grade < limits.minGrade) failures.push('grade_below_band');

  return {
    passed: failures.length === 0,
    band,
    words: wordCount,
    sentences: sentences.length,
    wordsPerSentence: round(wordsPerSentence),
    longestSentence,
    syllablesPerWord: round(syllablesPerWord),
    grade: round(grade),
    failures,
  };
}
