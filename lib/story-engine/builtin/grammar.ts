import type { Lines } from '../assets/asset-types';
import type { Rng } from '../prng';

// Expands the sentence patterns of the built-in writer:
//   {name}   a story value; {Name} the same with a capital first letter
//   [a|b|c]  one of the alternatives (they nest)
//   #word#   one of a band's words for "word" (see lexicon.ts), itself a pattern
// Values are inserted as they are and never expanded again, so a character's name cannot inject syntax.

export type Vars = Readonly<Record<string, string>>;
export type Words = Readonly<Record<string, readonly string[]>>;

export interface Grammar {
  vars: Vars;
  words: Words;
  rng: Rng;
}

const capitalise = (text: string) =>
  text.replace(/^(["“‘'(]*)(\p{Ll})/u, (_, open, letter) => open + letter.toUpperCase());

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function closing(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '[') depth++;
    else if (pattern[i] === ']' && --depth === 0) return i;
  }
  throw new Error(`Unclosed [ in pattern: ${pattern}`);
}

export function expand(pattern: string, grammar: Grammar): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '[') {
      const end = closing(pattern, i);
      out += expand(grammar.rng.pick(splitAlternatives(pattern.slice(i + 1, end))), grammar);
      i = end;
    } else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      const name = pattern.slice(i + 1, end);
      const key = name[0].toLowerCase() + name.slice(1);
      const value = grammar.vars[key];
      if (value === undefined) throw new Error(`No value for {${name}} in: ${pattern}`);
      out += name[0] === key[0] ? value : capitalise(value);
      i = end;
    } else if (ch === '#') {
      const end = pattern.indexOf('#', i + 1);
      const name = pattern.slice(i + 1, end);
      const words = grammar.words[name];
      if (!words) throw new Error(`No words for #${name}#`);
      out += expand(grammar.rng.pick(words), grammar);
      i = end;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A line ready to print: alternatives filtered for who is present, expanded, tidied, capitalised. */
export function line(lines: Lines, grammar: Grammar, group: boolean): string {
  const eligible = lines.filter((l) => !(l.startsWith('@solo ') && group) && !(l.startsWith('@group ') && !group));
  const chosen = grammar.rng.pick(eligible).replace(/^@(solo|group) /, '');
  return capitalise(
    expand(chosen, grammar)
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.!?])/g, '$1')
      // A value that starts a later sentence in the line ("… missing. the Sea Song Show cannot…").
      .replace(/([.!?])\s+(\p{Ll})/gu, (_, stop: string, letter: string) => `${stop} ${letter.toUpperCase()}`)
      .trim(),
  );
}
