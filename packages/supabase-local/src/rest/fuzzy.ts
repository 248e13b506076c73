// The fuzzy string set PostgREST uses for "Perhaps you meant …" hints (Haskell `fuzzyset`, itself a
// port of fuzzyset.js): cosine similarity of character n-grams (sizes 3 then 2, padded with `-`),
// the best 50 rescored by normalised Levenshtein similarity, matches below 0.33 dropped.

const MIN_SCORE = 0.33;

function normalize(s: string): string {
  return [...s.toLowerCase()].filter((ch) => /[\p{L}\p{N}\s,]/u.test(ch)).join('');
}

function gramCounts(s: string, size: number): Map<string, number> {
  const padded = [...`-${normalize(s)}-`];
  const out = new Map<string, number>();
  for (let i = 0; i + size <= padded.length; i++) {
    const g = padded.slice(i, i + size).join('');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

const magnitude = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((a, n) => a + n * n, 0));

function levenshtein(a: string[], b: string[]): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
}

/** Scored matches of `query` among `entries`, best first (`Fuzzy.get`); an exact match scores 1. */
export function fuzzyMatches(entries: Iterable<string>, query: string): [number, string][] {
  const byLower = new Map<string, string>();
  for (const e of entries) if (!byLower.has(e.toLowerCase())) byLower.set(e.toLowerCase(), e);
  const exact = byLower.get(query.toLowerCase());
  if (exact !== undefined) return [[1, exact]];
  for (const size of [3, 2]) {
    const q = gramCounts(query, size);
    const qMag = magnitude(q);
    const scored: [number, string][] = [];
    for (const [lower, original] of byLower) {
      const v = gramCounts(lower, size);
      let dot = 0;
      for (const [g, n] of q) dot += n * (v.get(g) ?? 0);
      if (dot > 0) scored.push([dot / (qMag * magnitude(v)), original]);
    }
    scored.sort((a, b) => b[0] - a[0]);
    const rescored = scored
      .slice(0, 50)
      .map(([, e]): [number, string] => [similarity(query.toLowerCase(), e.toLowerCase()), e])
      .sort((a, b) => b[0] - a[0])
      .filter(([score]) => score >= MIN_SCORE);
    if (rescored.length) return rescored;
  }
  return [];
}

/** The best match, or undefined (`Fuzzy.getOne`). */
export function fuzzyBest(entries: Iterable<string>, query: string): string | undefined {
  return fuzzyMatches(entries, query)[0]?.[1];
}
