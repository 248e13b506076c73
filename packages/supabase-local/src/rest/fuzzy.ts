// Approximate string matching as PostgREST's hints use it (the Haskell `fuzzyset` 0.2 package, a port
// of fuzzyset.js): candidates sharing n-grams (trigrams first, then bigrams) with the query are ranked
// by cosine similarity, the best 50 are re-ranked by normalised Levenshtein similarity, and the best
// one at or above the minimum score is the hint. Re-implemented from its description, not copied.

interface Item {
  norm: number;
  entry: string;
}

const GRAM_SIZES = [3, 2];

/** Lower case, keeping letters, digits, whitespace and commas. */
function normalized(s: string): string {
  return Array.from(s.toLowerCase())
    .filter((c) => /[\p{L}\p{N}\s,]/u.test(c))
    .join('');
}

function gramVector(value: string, size: number): Map<string, number> {
  const chars = Array.from(`-${normalized(value)}-`);
  const grams = new Map<string, number>();
  for (let i = 0; i + size <= chars.length; i++) {
    const g = chars.slice(i, i + size).join('');
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

const magnitude = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, n) => s + n * n, 0));

function levenshtein(a: string[], b: string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** 1 − distance / longer length (text-metrics' levenshteinNorm); two empty strings are identical. */
function similarity(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

export class FuzzySet {
  private readonly exact = new Map<string, string>();
  private readonly items = new Map<number, Item[]>();
  private readonly dict = new Map<number, Map<string, [number, number][]>>();

  constructor(values: Iterable<string>) {
    // The package folds from the right: the last value is added first (and wins duplicates).
    for (const value of [...values].reverse()) this.add(value);
  }

  private add(value: string): void {
    const key = value.toLowerCase();
    if (this.exact.has(key)) return;
    for (const size of GRAM_SIZES) {
      const items = this.items.get(size) ?? [];
      this.items.set(size, items);
      const dict = this.dict.get(size) ?? new Map<string, [number, number][]>();
      this.dict.set(size, dict);
      const grams = gramVector(key, size);
      for (const [g, count] of grams) {
        const list = dict.get(g) ?? [];
        list.push([items.length, count]);
        dict.set(g, list);
      }
      items.push({ norm: magnitude(grams), entry: key });
    }
    this.exact.set(key, value);
  }

  /** The closest value scoring at least `minScore`, if any. */
  best(query: string, minScore: number): string | undefined {
    return this.get(query, minScore)[0]?.[1];
  }

  /** fuzzyset's `get`: every value scoring at least `minScore`, best first; an exact match alone scores 1. */
  get(query: string, minScore: number): [number, string][] {
    const key = query.toLowerCase();
    const exact = this.exact.get(key);
    if (exact !== undefined) return [[1, exact]];
    for (const size of GRAM_SIZES) {
      const found = this.matches(key, size, minScore);
      if (found.length) return found.map((m) => [m.score, this.exact.get(m.entry) ?? m.entry]);
    }
    return [];
  }

  private matches(key: string, size: number, minScore: number): { score: number; entry: string }[] {
    const items = this.items.get(size) ?? [];
    const dict = this.dict.get(size) ?? new Map();
    const query = gramVector(key, size);
    const dots = new Map<number, number>();
    for (const [g, count] of query)
      for (const [index, other] of dict.get(g) ?? []) dots.set(index, (dots.get(index) ?? 0) + count * other);
    const queryNorm = magnitude(query);
    const byCosine = [...dots]
      .sort(([a], [b]) => a - b)
      .map(([index, dot]) => ({ score: dot / (queryNorm * items[index].norm), entry: items[index].entry }))
      .sort((a, b) => b.score - a.score);
    return byCosine
      .slice(0, 50)
      .map((m) => ({ score: similarity(key, m.entry), entry: m.entry }))
      .sort((a, b) => b.score - a.score)
      .filter((m) => m.score >= minScore);
  }
}

// PostgREST's default for relationship hints (Error.hs): fuzzyset's minimum score of 0.33.
const HINT_SCORE = 0.33;

export function fuzzyMatches(entries: Iterable<string>, query: string): [number, string][] {
  return new FuzzySet(entries).get(query, HINT_SCORE);
}

export function fuzzyBest(entries: Iterable<string>, query: string): string | undefined {
  return new FuzzySet(entries).best(query, HINT_SCORE);
}
