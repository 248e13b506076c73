// An English syllable estimate good enough for a grade formula: vowel groups, minus a silent final e,
// plus a few endings the rule gets wrong. Words the rule miscounts and children meet often are listed.

const EXCEPTIONS: Record<string, number> = {
  the: 1,
  once: 1,
  one: 1,
  some: 1,
  come: 1,
  done: 1,
  gone: 1,
  none: 1,
  were: 1,
  where: 1,
  there: 1,
  here: 1,
  everyone: 3,
  someone: 2,
  anyone: 3,
  something: 2,
  sometimes: 2,
  lived: 1,
  loved: 1,
  moved: 1,
  fire: 1,
  tired: 1,
  quiet: 2,
  idea: 3,
  lion: 2,
  being: 2,
  science: 2,
  poem: 2,
  area: 3,
  create: 2,
  created: 3,
  dinosaur: 3,
  maybe: 2,
  every: 2,
  different: 3,
  family: 3,
  people: 2,
  little: 2,
  castle: 2,
  whistle: 2,
  fairy: 2,
  museum: 3,
  eyes: 1,
  giant: 2,
  quietly: 3,
};

const cache = new Map<string, number>();

export function countSyllables(rawWord: string): number {
  const word = rawWord.toLowerCase().replace(/[^a-z]/g, '');
  let known = cache.get(word);
  if (known === undefined) {
    known = estimate(word);
    // Stories reuse a small vocabulary; the cache stays small, but is bounded anyway.
    if (cache.size < 50_000) cache.set(word, known);
  }
  return known;
}

function estimate(word: string): number {
  if (!word) return 0;
  if (word in EXCEPTIONS) return EXCEPTIONS[word];
  if (word.length <= 3) return 1;
  // Plurals and possessives of words in the list ("castles") count as the word.
  if (word.endsWith('s') && word.slice(0, -1) in EXCEPTIONS) return EXCEPTIONS[word.slice(0, -1)];
  let base = word.replace(/^y/, '');
  if (/[^aeiouy]le$/.test(base)) {
    // consonant + "le" is a syllable of its own ("table", "bubble"): keep the e
  } else if (/[^aeiou]e$/.test(base)) {
    base = base.slice(0, -1); // silent e: "came", "whale"
  } else if (/[^aeiousxzhgc]es$/.test(base)) {
    base = base.slice(0, -2); // silent "-es": "hopes", but not "boxes", "places", "wishes"
  }
  let count = (base.match(/[aeiouy]+/g) ?? []).length;
  // "-ed" after t/d is its own syllable ("wanted"), otherwise it is silent ("jumped").
  if (/[^td]ed$/.test(word) && count > 1) count -= 1;
  // "ia", "io", "eo" usually split ("piano", "video"), but not in "-tion", "-sion", "-cious".
  count += (base.match(/[^aeioutscxg](?:ia|io|eo)/g) ?? []).length;
  return Math.max(1, count);
}
