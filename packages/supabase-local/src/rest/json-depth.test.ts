import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from './json-depth';

// The body depth scanner against JSON.parse: same verdict on validity, the same nesting depth, and
// "too deep" exactly when the document nests past the limit.

/** Nesting of a parsed value, without recursion (documents here go thousands of levels deep). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, d] = top;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Nesting of a text as written: brackets outside strings. It differs from the parsed value's when a
 * key repeats (JSON.parse keeps the last value), and the text is what a recursive parser descends.
 */
function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Text that is mostly JSON: a document with characters inserted, deleted or replaced. */
const jsonChars = fc.constantFrom(...'[]{}",:\\ \t\n0123456789-+.eEtrufalsn/u\u0001\u00e9'.split(''));
const mutatedJson = fc
  .tuple(
    fc.json({ maxDepth: 6 }),
    fc.array(fc.tuple(fc.nat(), jsonChars, fc.constantFrom('insert', 'delete', 'replace'))),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, ch, how] of edits) {
      const i = out.length ? at % (out.length + 1) : 0;
      if (how === 'insert') out = out.slice(0, i) + ch + out.slice(i);
      else if (how === 'delete') out = out.slice(0, i) + out.slice(i + 1);
      else out = out.slice(0, i) + ch + out.slice(i + 1);
    }
    return out;
  });

/** Arrays and objects nested `depth` deep around a scalar, in a random mix. */
const deepDocument = fc
  .tuple(fc.integer({ min: 0, max: 1500 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
  .map(([depth, kinds]) => {
    let open = '';
    let close = '';
    for (let i = 0; i < depth; i++) {
      const isObject = kinds[i % kinds.length];
      open += isObject ? '{"k": ' : '[1, ';
      close = (isObject ? '}' : ']') + close;
    }
    return { depth, text: `${open}"x"${close}` };
  });

describe('scanJson', () => {
  it('measures depth: scalars 0, [] 1, nested containers by their deepest branch', () => {
    expect(scanJson('1')).toEqual({ kind: 'valid', depth: 0 });
    expect(scanJson(' [] ')).toEqual({ kind: 'valid', depth: 1 });
    expect(scanJson('{"a": [1, {"b": []}], "c": 2}')).toEqual({ kind: 'valid', depth: 4 });
    expect(scanJson('"[[[{"')).toEqual({ kind: 'valid', depth: 0 });
    expect(scanJson('["\\"[", "\\u005b"]')).toEqual({ kind: 'valid', depth: 1 });
    // The text's nesting, not the parsed value's: JSON.parse keeps only the last of repeated keys.
    expect(scanJson('{"a": [[1]], "a": 1}')).toEqual({ kind: 'valid', depth: 3 });
  });

  it('refuses what JSON.parse refuses', () => {
    for (const bad of [
      '',
      ' ',
      '[1,]',
      '{"a":1,}',
      '{a:1}',
      '01',
      '1.',
      '.5',
      '+1',
      '"\\x"',
      '"\\u12"',
      '[1 2]',
      'tru',
      'nul',
      '[',
      '"',
      '\u00a01',
      '1 1',
    ]) {
      expect(scanJson(bad).kind, bad).toBe('invalid');
      expect(parses(bad), bad).toBe(false);
    }
  });

  it('stops at the bracket that opens one level too many, whatever follows', () => {
    expect(scanJson('[[[1]]]', 3)).toEqual({ kind: 'valid', depth: 3 });
    expect(scanJson('[[[[1]]]]', 3)).toEqual({ kind: 'too-deep', at: 3 });
    expect(scanJson(`{"a": [${'['.repeat(100000)}`, 256)).toEqual({ kind: 'too-deep', at: 261 });
  });

  it('agrees with JSON.parse on depth for random documents, however printed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.constantFrom(undefined, 1, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(scanJson(text)).toEqual({ kind: 'valid', depth: depthOf(JSON.parse(text)) });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with JSON.parse on validity, and on depth as written, for mutated documents and random text', () => {
    const text = fc.oneof(mutatedJson, fc.string({ unit: jsonChars, maxLength: 40 }));
    fc.assert(
      fc.property(text, (t) => {
        const scan = scanJson(t);
        expect(scan.kind === 'valid', t).toBe(parses(t));
        if (scan.kind === 'valid') expect(scan.depth).toBe(textDepth(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('is too deep exactly when the document nests past the limit', () => {
    fc.assert(
      fc.property(deepDocument, fc.integer({ min: 1, max: 1500 }), ({ depth, text }, limit) => {
        expect(depthOf(JSON.parse(text))).toBe(depth);
        const scan = scanJson(text, limit);
        expect(scan.kind).toBe(depth > limit ? 'too-deep' : 'valid');
      }),
      { numRuns: 300 },
    );
  });
});
