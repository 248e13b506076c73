import { WORD_TARGETS } from '../bands';
import { sentencesOf, wordsOf } from '../checks/readability';
import type { Rng } from '../prng';
import type { AgeBand } from '../types';

// Fitting a page to its band: which optional sentences make it, and shorter sentences for 4–6.

/** A part of a page (one becomes a paragraph): sentences that must appear and ones that may. */
export interface Section {
  required: string[];
  optional: string[];
}

/**
 * For the youngest readers, long sentences joined by ", and" / ", but" / ", so" / ", then" become two
 * sentences. Shared lines (helpers, obstacles) are written once for every band; this keeps them short.
 */
export function shortenSentences(text: string): string {
  return sentencesOf(text)
    .map((sentence) => {
      if (wordsOf(sentence).length <= 12) return sentence;
      return sentence.replace(/, (and|but|so|then) /g, (match, joiner: string, offset: number) => {
        const before = sentence.slice(0, offset);
        const insideQuote = (before.match(/"/g) ?? []).length % 2 === 1;
        const rest = sentence.slice(offset + match.length);
        if (insideQuote || wordsOf(before).length < 4 || wordsOf(rest).length < 4) return match;
        return `. ${joiner[0].toUpperCase()}${joiner.slice(1)} `;
      });
    })
    .join(' ');
}

/**
 * Chooses optional sentences until the page reaches a length picked inside the band's target; null
 * when the required sentences alone are too long or everything together is too short (the caller
 * then writes another draft).
 */
export function fitToLength(
  band: AgeBand,
  sections: Section[],
  rng: Rng,
): { text: string; sentences: Set<string> } | null {
  const { min, max } = WORD_TARGETS[band];
  const count = (s: string) => wordsOf(s).length;
  let words = sections.reduce((sum, s) => sum + s.required.reduce((n, r) => n + count(r), 0), 0);
  if (words > max) return null;
  const target = min + Math.round((max - min) * (0.25 + rng.next() * 0.5));
  const chosen = new Set<string>();
  const pool = rng.shuffle(sections.flatMap((s) => s.optional));
  for (const sentence of pool) {
    if (words >= target) break;
    if (chosen.has(sentence) || words + count(sentence) > max) continue;
    chosen.add(sentence);
    words += count(sentence);
  }
  if (words < min) return null;
  const paragraphs = sections
    .map((s) => [...s.required, ...s.optional.filter((o) => chosen.has(o))].join(' '))
    .filter((p) => p.length > 0);
  // Two or three paragraphs read better than one block or six scraps.
  if (paragraphs.length > 3) paragraphs.splice(1, 2, `${paragraphs[1]} ${paragraphs[2]}`);
  return { text: paragraphs.join('\n\n'), sentences: new Set([...sections.flatMap((s) => s.required), ...chosen]) };
}
