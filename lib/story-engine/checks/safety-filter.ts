import type { AgeBand, SafetyMatch, SafetyVerdict } from '../types';
import { SAFE_PHRASES, SAFETY_ENTRIES, SAFETY_LIST_VERSION, type SafetyEntry } from './safety-words';

// Whole words only, so "class", "Scunthorpe", "skill" and "grape" pass; then the disguises a child
// or a model might produce: leetspeak (k1ll, $ex), stars (f*ck), spaced or dotted letters (k.i.l.l),
// stretched letters (kiiiill), accents and look-alike letters (kíll, Cyrillic а), zero-width spaces.

const BAND_ORDER: AgeBand[] = ['4-6', '7-9', '10-12'];

const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '+': 't',
};
// 1, ! and | stand for i or l: both readings are tried.
const I_OR_L = /[1!|]/g;
const HAS_I_OR_L = /[1!|]/;
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
};

function formsOf(term: string): string[] {
  if (term.includes(' ')) return [term];
  const forms = new Set([term, `${term}s`, `${term}es`, `${term}ed`, `${term}ing`, `${term}er`, `${term}ers`]);
  if (term.endsWith('e')) {
    for (const suffix of ['d', 'r', 'rs']) forms.add(`${term}${suffix}`);
    forms.add(`${term.slice(0, -1)}ing`);
  }
  if (term.endsWith('y')) for (const suffix of ['ies', 'ied']) forms.add(`${term.slice(0, -1)}${suffix}`);
  // Consonant-vowel-consonant words double the last letter: "stab" → "stabbed", "stabbing".
  if (/[^aeiou][aeiou][^aeiouwxy]$/.test(term)) {
    const last = term.at(-1);
    for (const suffix of ['ed', 'ing', 'er', 'ers']) forms.add(`${term}${last}${suffix}`);
  }
  return [...forms];
}

const collapse = (word: string) => word.replace(/(.)\1+/g, '$1');

interface Lookup {
  words: Map<string, SafetyEntry>;
  collapsed: Map<string, SafetyEntry>;
  phrases: { words: string[]; entry: SafetyEntry }[];
}

function buildLookup(): Lookup {
  const words = new Map<string, SafetyEntry>();
  const collapsed = new Map<string, SafetyEntry>();
  const phrases: Lookup['phrases'] = [];
  for (const entry of SAFETY_ENTRIES) {
    const term = entry.term.replace(/-/g, ' ');
    if (term.includes(' ')) {
      phrases.push({ words: term.split(' '), entry });
      continue;
    }
    for (const form of formsOf(term)) {
      words.set(form, entry);
      collapsed.set(collapse(form), entry);
    }
  }
  return { words, collapsed, phrases };
}

const LOOKUP = buildLookup();

/** Lower case, accents and zero-width characters removed, look-alike letters mapped to Latin. */
export function normalizeForSafety(text: string): string {
  // Plain ASCII (nearly every page) needs only lower-casing; the rest is for disguised text.
  if (!/[^\t\n\r -~]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .toLowerCase()
    .replace(/./gu, (ch) => CONFUSABLES[ch] ?? ch);
}

interface Token {
  raw: string;
  /** Readings of the token as plain letters (leetspeak decoded). */
  readings: string[];
  /** Characters between this token and the next. */
  gap: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lastEnd = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}@$!|*+]+/gu)) {
    const raw = match[0].replace(/^[*!|+]+|[*!|+]+$/g, '');
    if (!raw) continue; // a run of stars or bars between words stays part of the gap
    const start = match.index ?? 0;
    if (tokens.length) tokens[tokens.length - 1].gap = text.slice(lastEnd, start);
    lastEnd = start + match[0].length;
    if (/^[a-z]+$/.test(raw)) {
      tokens.push({ raw, readings: [raw], gap: '' });
      continue;
    }
    const decoded = raw.replace(/[^a-z]/g, (ch) => LEET[ch] ?? ch);
    const readings = HAS_I_OR_L.test(decoded)
      ? [decoded.replace(I_OR_L, 'i'), decoded.replace(I_OR_L, 'l')]
      : [decoded];
    tokens.push({ raw, readings, gap: '' });
  }
  if (tokens.length) tokens[tokens.length - 1].gap = text.slice(lastEnd);
  return tokens;
}

function allowedFor(entry: SafetyEntry, band: AgeBand): boolean {
  return entry.from !== undefined && BAND_ORDER.indexOf(band) >= BAND_ORDER.indexOf(entry.from);
}

function matchWord(reading: string): SafetyEntry | undefined {
  const exact = LOOKUP.words.get(reading);
  if (exact) return exact;
  // Stretched letters ("kiiiill") only count as a disguise when some letter repeats three times, so
  // ordinary words whose double letters collapse onto a listed word ("as" / "ass") stay clean.
  if (/(.)\1\1/.test(reading)) return LOOKUP.collapsed.get(collapse(reading));
  if (reading.includes('*') && /[a-z].*[a-z]/.test(reading)) {
    const pattern = new RegExp(`^${reading.replace(/\*/g, '[a-z]')}$`);
    for (const [form, entry] of LOOKUP.words) if (pattern.test(form)) return entry;
  }
  return undefined;
}

export function checkSafety(text: string, band: AgeBand): SafetyVerdict {
  let normalized = normalizeForSafety(text);
  for (const phrase of SAFE_PHRASES) normalized = normalized.replaceAll(phrase, ' ');
  const tokens = tokenize(normalized);
  const matches: SafetyMatch[] = [];
  const flag = (entry: SafetyEntry, found: string) => {
    if (allowedFor(entry, band) || matches.some((m) => m.term === entry.term && m.found === found)) return;
    matches.push({ term: entry.term, category: entry.category, found });
  };

  tokens.forEach((token) => {
    for (const reading of token.readings) {
      const entry = matchWord(reading);
      if (entry) {
        flag(entry, token.raw);
        return;
      }
    }
  });

  // Letters spelled out one by one ("k i l l", "s.e.x"): every stretch of three or more single letters
  // with short gaps between them is read as one word.
  for (let i = 0; i < tokens.length; i++) {
    let end = i;
    while (end < tokens.length && tokens[end].raw.length === 1) {
      end++;
      if (!/^[^\n\p{L}\p{N}]{1,3}$/u.test(tokens[end - 1].gap)) break;
    }
    for (let from = i; end - from >= 3; from++) {
      for (let to = end; to - from >= 3; to--) {
        const run = tokens.slice(from, to);
        const entry = matchWord(run.map((t) => t.readings[0]).join(''));
        if (entry) flag(entry, run.map((t) => t.raw).join(' '));
      }
    }
    i = Math.max(i, end - 1);
  }

  const words = tokens.map((t) => t.readings[0]);
  for (const { words: phrase, entry } of LOOKUP.phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((word, k) => words[i + k] === word)) flag(entry, phrase.join(' '));
    }
  }

  return { passed: matches.length === 0, band, listVersion: SAFETY_LIST_VERSION, matches };
}
