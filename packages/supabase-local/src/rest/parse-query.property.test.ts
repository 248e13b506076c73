import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RestError } from './errors';
import { MAX_QUERY_NESTING } from './limits';
import { parseFilterValue, parseLogic, parseOrder, parseQuery, parseSelect } from './parse-query';
import type { SelectItem } from './query-types';

// Hostile input for the query-string parser: random and malformed select, filter, order and logic
// strings either parse or are refused with a RestError (PGRST100; PGRST190 for the cost cap of a whole
// query string), never another exception — above all no RangeError from recursion.

/** `ok`, or the PostgREST code it was refused with; anything else is thrown on, failing the property. */
function outcome(parse: () => unknown): string {
  try {
    parse();
    return 'ok';
  } catch (err) {
    if (err instanceof RestError && err.status === 400) return err.body.code;
    throw err;
  }
}

const GRAMMAR = 'abcxyz019_$ ()(),,..:::!!**""\\->>{}[]%+&=é\u0000'.split('');
const grammarText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...GRAMMAR), maxLength });
const name = fc.constantFrom('id', 'name', 'data', 'rl_families', 'a b', '"q,u(o)te"', 'inner', 'al:rel');

interface Written {
  text: string;
  /** Embed levels the text was generated with. */
  depth: number;
}

/** A random valid select, serialised as postgrest-js would send it, with the depth it nests. */
const selectTree = fc.letrec<{ list: Written; item: Written }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small' },
    fc
      .constantFrom('*', 'id', 'n:name', 'data->a->>b', 'id::text', 'count()', 'age.sum()')
      .map((text) => ({ text, depth: 0 })),
    fc
      .tuple(fc.constantFrom('', '...'), name, fc.constantFrom('', '!inner', '!hint', '!left'), tie('list'))
      .filter(([spread, n]) => !(spread && n.includes(':')))
      .map(([spread, n, h, l]) => ({ text: `${spread}${n}${h}(${l.text})`, depth: l.depth + 1 })),
  ),
  list: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((items) => ({
    text: items.map((i) => i.text).join(','),
    depth: Math.max(...items.map((i) => i.depth)),
  })),
})).list;
const selectList = selectTree.map((w) => w.text);

const condition = fc.constantFrom('id.eq.1', 'name.like.*a*', 'id.in.(1,"2,3")', 'data->a.is.null', 'n.not.eq."x)"');
const logicBody = fc.letrec<{ body: string; item: string }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small' },
    condition,
    fc.tuple(fc.constantFrom('and', 'or', 'not.and', 'not.or'), tie('body')).map(([op, b]) => `${op}${b}`),
  ),
  body: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((items) => `(${items.join(',')})`),
})).body;

/** Insertions and deletions of grammar characters in an otherwise valid string. */
function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...GRAMMAR), fc.boolean()), { maxLength: 4 }))
    .map(([text, edits]) => {
      let out = text;
      for (const [at, ch, insert] of edits) {
        const i = at % (out.length + 1);
        out = insert ? out.slice(0, i) + ch + out.slice(i) : out.slice(0, i) + out.slice(i + 1);
      }
      return out;
    });
}

function depthOf(items: SelectItem[]): number {
  let max = 0;
  const stack: [SelectItem, number][] = items.map((item) => [item, 0]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [item, d] = top;
    if (item.type !== 'embed') continue;
    max = Math.max(max, d + 1);
    for (const child of item.select) stack.push([child, d + 1]);
  }
  return max;
}

const field = { name: 'id', json: [] };
const nest = (open: string, depth: number, inner: string) => `${open.repeat(depth)}${inner}${')'.repeat(depth)}`;

describe('query-string parser under random input', () => {
  it('select: parses or refuses with PGRST100', () => {
    fc.assert(
      fc.property(fc.oneof(grammarText(60), mutated(selectList)), (s) => {
        expect(['ok', 'PGRST100']).toContain(outcome(() => parseSelect(s)));
      }),
      { numRuns: 1000 },
    );
  });

  it('logic trees: parse or refuse with PGRST100', () => {
    fc.assert(
      fc.property(fc.oneof(grammarText(60), mutated(logicBody)), fc.boolean(), (s, negate) => {
        expect(['ok', 'PGRST100']).toContain(outcome(() => parseLogic('or', negate, s)));
      }),
      { numRuns: 1000 },
    );
  });

  it('filters and order: parse or refuse with PGRST100', () => {
    const filter = fc.oneof(
      grammarText(40),
      mutated(fc.constantFrom('eq.1', 'not.in.(1,2)', 'cs.{a,b}', 'fts(english).x', 'is.null')),
    );
    const order = fc.oneof(
      grammarText(40),
      mutated(fc.constantFrom('id.desc.nullslast', 'rel(col).asc,data->a', '"a,b"')),
    );
    fc.assert(
      fc.property(filter, order, (f, o) => {
        expect(['ok', 'PGRST100']).toContain(outcome(() => parseFilterValue(field, f)));
        expect(['ok', 'PGRST100']).toContain(outcome(() => parseOrder(o)));
      }),
      { numRuns: 1000 },
    );
  });

  it('whole query strings: parse, or refuse with PGRST100 or the cost cap’s PGRST190', () => {
    const param = fc.oneof(
      fc.tuple(
        fc.constantFrom('select', 'order', 'or', 'and', 'not.or', 'limit', 'id', 'a.b.order', 'columns'),
        grammarText(30),
      ),
      fc.tuple(fc.constant('select'), selectList),
      fc.tuple(fc.constantFrom('or', 'x.and'), logicBody),
    );
    const raw = fc
      .array(param, { maxLength: 6 })
      .map((ps) => ps.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
    fc.assert(
      fc.property(fc.oneof(raw, grammarText(80)), (q) => {
        expect(['ok', 'PGRST100', 'PGRST190']).toContain(outcome(() => parseQuery(q)));
      }),
      { numRuns: 800 },
    );
  });
});

describe('nesting limits', () => {
  it('a valid select parses to the depth it was written with', () => {
    fc.assert(
      fc.property(selectTree, ({ text, depth }) => {
        expect(depthOf(parseSelect(text))).toBe(depth);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses embeds and and/or trees exactly past the nesting limit, never with a RangeError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('a(', 'x:a!inner(', '...a('), (depth, open) => {
        const result = outcome(() => parseSelect(nest(open, depth, 'id')));
        expect(result).toBe(depth > MAX_QUERY_NESTING ? 'PGRST100' : 'ok');
        if (result === 'ok') expect(depthOf(parseSelect(nest(open, depth, 'id')))).toBe(depth);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.constantFrom('or(', 'and(', 'not.or('), (depth, open) => {
        // The value itself opens one level: `(or(or(…)))`.
        const result = outcome(() => parseLogic('and', false, `(${nest(open, depth, 'id.eq.1')})`));
        expect(result).toBe(depth + 1 > MAX_QUERY_NESTING ? 'PGRST100' : 'ok');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses JSON paths past the nesting limit in selects, filters and orders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('->', '->>'), (steps, arrow) => {
        const path = `data${`${arrow}k`.repeat(steps)}`;
        const expected = steps > MAX_QUERY_NESTING ? 'PGRST100' : 'ok';
        expect(outcome(() => parseSelect(path))).toBe(expected);
        expect(outcome(() => parseOrder(path))).toBe(expected);
        expect(outcome(() => parseQuery(`${encodeURIComponent(path)}=eq.1`))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
