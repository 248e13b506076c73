import { parseError } from './errors';
import { DEFAULT_REST_LIMITS, MAX_QUERY_NESTING, type RestLimits } from './limits';
import { checkQueryCost } from './query-cost';
import {
  type AggregateFunction,
  type Field,
  type Filter,
  type JsonStep,
  type LogicTree,
  OPERATORS,
  type Operator,
  type OrderTerm,
  type ParsedQuery,
  QUANTIFIABLE,
  type SelectItem,
} from './query-types';

// Pure parser of PostgREST's URL grammar (src/PostgREST/ApiRequest/QueryParams.hs). Throws RestError
// (PGRST100 and friends) on bad input; never touches SQL. The grammar's recursion (embeds, and/or
// trees) counts its depth and refuses input nested past MAX_QUERY_NESTING, so no query string can
// exhaust the stack here or in the builders that walk the parsed tree.

const RESERVED_LAST = new Set(['order', 'limit', 'offset', 'and', 'or']);

/** Splits a raw query string; `+` means space, as PostgREST (parseQueryReplacePlus True). */
export function splitQuery(rawQuery: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    // Params without `=` are ignored by PostgREST.
    if (eq < 0) continue;
    out.push([decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return out;
}

function decode(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw parseError(`invalid percent-encoding in query string: ${spaced}`);
  }
}

/** A tiny cursor over one parameter value. */
class Cursor {
  pos = 0;
  /** Open parentheses of the recursive productions (embeds, and/or) around `pos`. */
  depth = 0;
  constructor(
    readonly src: string,
    readonly what: string,
  ) {}
  get done(): boolean {
    return this.pos >= this.src.length;
  }
  peek(n = 1): string {
    return this.src.slice(this.pos, this.pos + n);
  }
  eat(token: string): boolean {
    if (this.src.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }
  expect(token: string): void {
    if (!this.eat(token)) this.fail(`expecting "${token}"`);
  }
  /** Enters one level of a recursive production; `what` names it in the error past the limit. */
  enter(what: string): void {
    if (++this.depth > MAX_QUERY_NESTING) this.tooDeep(`more than ${MAX_QUERY_NESTING} levels of nested ${what}`);
  }
  leave(): void {
    this.depth--;
  }
  tooDeep(details: string): never {
    throw parseError(`"failed to parse ${this.what} (${this.src})" (line 1, column ${this.pos + 1})`, details);
  }
  fail(expectation: string): never {
    const at = this.done ? 'end of input' : `"${this.src[this.pos]}"`;
    throw parseError(
      `"failed to parse ${this.what} (${this.src})" (line 1, column ${this.pos + 1})`,
      `unexpected ${at} ${expectation}`,
    );
  }
}

const IDENT_CHAR = /[\p{L}\p{N}_$ ]/u;

/** Identifier: letters, digits, `_`, `$`, spaces, and `-` when not starting `->`; or a "quoted" name. */
function readIdentifier(c: Cursor): string {
  if (c.peek() === '"') return readQuoted(c);
  const start = c.pos;
  while (!c.done) {
    const ch = c.peek();
    if (IDENT_CHAR.test(ch) || (ch === '-' && c.src[c.pos + 1] !== '>')) c.pos++;
    else break;
  }
  const name = c.src.slice(start, c.pos).trim();
  if (!name) c.fail('expecting field name (* or [a..z0..9_$])');
  return name;
}

function readQuoted(c: Cursor): string {
  c.expect('"');
  let out = '';
  while (!c.done && c.peek() !== '"') {
    if (c.peek() === '\\' && c.pos + 1 < c.src.length) c.pos++;
    out += c.src[c.pos++];
  }
  c.expect('"');
  return out;
}

function readField(c: Cursor): Field {
  const name = readIdentifier(c);
  const json: JsonStep[] = [];
  for (;;) {
    let arrow: JsonStep['arrow'];
    if (c.eat('->>')) arrow = '->>';
    else if (c.eat('->')) arrow = '->';
    else break;
    if (json.length === MAX_QUERY_NESTING) c.tooDeep(`more than ${MAX_QUERY_NESTING} steps in a JSON path`);
    const m = /^-?\d+(?![\p{L}_$])/u.exec(c.src.slice(c.pos));
    if (m) {
      c.pos += m[0].length;
      json.push({ arrow, key: m[0], isIndex: true });
    } else {
      json.push({ arrow, key: readIdentifier(c), isIndex: false });
    }
  }
  return { name, json };
}

// ---------------------------------------------------------------- select

export function parseSelect(src: string): SelectItem[] {
  const c = new Cursor(src, 'select parameter');
  const items = readSelectList(c);
  if (!c.done) c.fail('expecting "," or end of input');
  return items;
}

function readSelectList(c: Cursor): SelectItem[] {
  const items: SelectItem[] = [];
  if (c.done || c.peek() === ')') return items;
  do {
    items.push(readSelectItem(c));
  } while (c.eat(','));
  return items;
}

function readSelectItem(c: Cursor): SelectItem {
  if (c.eat('*')) {
    if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('expecting ")", "," or end of input');
    return { type: 'star' };
  }
  if (c.eat('...')) {
    const embed = readEmbedHead(c, readIdentifier(c));
    if (c.peek() !== '(') c.fail('expecting "(" after a spread relation');
    return readEmbedBody(c, { ...embed, spread: true });
  }
  let alias: string | undefined;
  const save = c.pos;
  const first = readIdentifier(c);
  if (c.peek() === ':' && c.peek(2) !== '::') {
    c.pos++;
    alias = first;
  } else {
    c.pos = save;
  }
  if (c.eat('...')) c.fail('spread cannot be aliased');
  // `count()` alone counts rows; `count` is never a relation name (QueryParams.hs pRelationSelect).
  if (c.eat('count()')) {
    const aggregateCast = readCast(c);
    expectItemEnd(c);
    return { type: 'column', field: { name: '*', json: [] }, alias, aggregate: 'count', aggregateCast };
  }
  const nameStart = c.pos;
  const name = readIdentifier(c);
  if ((c.peek() === '!' || c.peek() === '(') && name !== 'count') {
    const embed = readEmbedHead(c, name);
    return readEmbedBody(c, { ...embed, alias, spread: false });
  }
  c.pos = nameStart;
  const field = readField(c);
  const cast = readCast(c);
  let aggregate: AggregateFunction | undefined;
  const agg = /^\.(sum|avg|count|max|min)\(\)/.exec(c.src.slice(c.pos));
  if (agg) {
    c.pos += agg[0].length;
    aggregate = agg[1] as AggregateFunction;
  }
  const aggregateCast = aggregate ? readCast(c) : undefined;
  expectItemEnd(c);
  return { type: 'column', field, alias, cast, aggregate, aggregateCast };
}

/** `::type` (PostgREST's pIdentifier: letters, digits, `_`, `$`, spaces), or nothing. */
function readCast(c: Cursor): string | undefined {
  if (!c.eat('::')) return undefined;
  const m = /^[\p{L}\p{N}_ $]+(\[\])?/u.exec(c.src.slice(c.pos));
  if (!m) c.fail('expecting letter or digit');
  c.pos += m[0].length;
  return m[0].trim();
}

function expectItemEnd(c: Cursor): void {
  while (c.peek() === ' ' || c.peek() === '\t') c.pos++;
  if (!c.done && c.peek() !== ',' && c.peek() !== ')') c.fail('expecting "::", ".", "," or ")"');
}

function readEmbedHead(c: Cursor, name: string): { name: string; hint?: string; join?: 'inner' | 'left' } {
  let hint: string | undefined;
  let join: 'inner' | 'left' | undefined;
  while (c.eat('!')) {
    const word = readIdentifier(c);
    if (word === 'inner' || word === 'left') join = word;
    else if (hint === undefined) hint = word;
    else c.fail('expecting "inner" or "left"');
  }
  return { name, hint, join };
}

function readEmbedBody(
  c: Cursor,
  head: { name: string; hint?: string; join?: 'inner' | 'left'; alias?: string; spread: boolean },
): SelectItem {
  c.enter('embeds');
  c.expect('(');
  const select = readSelectList(c);
  c.leave();
  c.expect(')');
  return { type: 'embed', ...head, select };
}

// ---------------------------------------------------------------- filters

/** Parses `[not.]op[(q)].value` against a field (`pOpExpr`). Returns null when no operator matches. */
export function parseOpExpr(field: Field, expr: string, inLogic = false): Filter | null {
  let rest = expr;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const m = /^([a-z]+)(?:\(([^)]*)\))?\./.exec(rest);
  if (!m || !(OPERATORS as readonly string[]).includes(m[1])) return null;
  const op = m[1] as Operator;
  const modifier = m[2];
  let value = rest.slice(m[0].length);
  if (inLogic) value = unquoteLogicValue(value);

  if (op === 'in') {
    if (modifier !== undefined) return null;
    return { field, negate, op, values: parseInList(value, expr) };
  }
  if (op === 'is') {
    const v = value.toLowerCase();
    if (modifier !== undefined || !['null', 'not_null', 'true', 'false', 'unknown'].includes(v)) {
      throw parseError(
        `"failed to parse filter (${expr})" (line 1, column ${expr.length - value.length + 1})`,
        'unexpected value expecting null or trilean value (unknown, true, false)',
      );
    }
    return { field, negate, op, value: v as 'null' };
  }
  if (op === 'fts' || op === 'plfts' || op === 'phfts' || op === 'wfts') {
    return { field, negate, op, config: modifier || undefined, value };
  }
  let quantifier: 'any' | 'all' | undefined;
  if (modifier !== undefined) {
    if ((modifier !== 'any' && modifier !== 'all') || !QUANTIFIABLE.has(op)) return null;
    quantifier = modifier;
  }
  // PostgREST accepts `*` as an alias of `%` in (i)like patterns.
  if (op === 'like' || op === 'ilike') value = value.replace(/\*/g, '%');
  return { field, negate, op, quantifier, value } as Filter;
}

function unquoteLogicValue(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    return v.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return v;
}

/** `(a,b,"c,d")` with `\"`/`\\` escapes inside quotes. */
function parseInList(value: string, expr: string): string[] {
  if (!value.startsWith('(') || !value.endsWith(')')) {
    throw parseError(`"failed to parse filter (${expr})" (line 1, column 1)`, 'unexpected end of input expecting "("');
  }
  const body = value.slice(1, -1);
  const out: string[] = [];
  if (body === '') return out;
  let i = 0;
  while (i <= body.length) {
    let item = '';
    if (body[i] === '"') {
      i++;
      while (i < body.length && body[i] !== '"') {
        if (body[i] === '\\' && i + 1 < body.length) i++;
        item += body[i++];
      }
      i++; // closing quote
      while (i < body.length && body[i] !== ',') i++;
    } else {
      while (i < body.length && body[i] !== ',') item += body[i++];
      item = item.trim();
    }
    out.push(item);
    i++; // comma
  }
  return out;
}

export function parseFilterValue(field: Field, value: string): Filter {
  const f = parseOpExpr(field, value);
  if (!f) {
    throw parseError(
      `"failed to parse filter (${value})" (line 1, column 1)`,
      `unexpected "${value.slice(0, 1)}" expecting "not" or operator (eq, gt, ...)`,
    );
  }
  return f;
}

/** `(a.eq.1,or(b.gt.2,not.and(c.lt.3,d.is.null)))` — the value of an `or=`/`and=` param. */
export function parseLogic(op: 'and' | 'or', negate: boolean, value: string): LogicTree {
  const c = new Cursor(value, 'logic tree');
  const tree = readLogicBody(c, op, negate);
  if (!c.done) c.fail('expecting end of input');
  return tree;
}

function readLogicBody(c: Cursor, op: 'and' | 'or', negate: boolean): LogicTree {
  c.enter('and/or');
  c.expect('(');
  const children: LogicTree[] = [];
  do {
    children.push(readLogicItem(c));
  } while (c.eat(','));
  c.leave();
  c.expect(')');
  return { type: 'logic', op, negate, children };
}

function readLogicItem(c: Cursor): LogicTree {
  const save = c.pos;
  const neg = c.eat('not.');
  for (const op of ['and', 'or'] as const) {
    if (c.src.startsWith(`${op}(`, c.pos)) {
      c.pos += op.length;
      return readLogicBody(c, op, neg);
    }
  }
  c.pos = save;
  const field = readField(c);
  c.expect('.');
  // The operator expression runs until a top-level `,` or `)`; quotes, `{}` and `()` nest.
  const start = c.pos;
  let depth = 0;
  let inQuote = false;
  while (!c.done) {
    const ch = c.peek();
    if (inQuote) {
      if (ch === '\\') c.pos++;
      else if (ch === '"') inQuote = false;
    } else if (ch === '"') inQuote = true;
    else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) break;
    c.pos++;
  }
  const expr = c.src.slice(start, c.pos);
  const filter = parseOpExpr(field, expr, true);
  if (!filter) {
    c.pos = start;
    c.fail('expecting "not" or operator (eq, gt, ...)');
  }
  return { type: 'filter', filter };
}

// ---------------------------------------------------------------- order

export function parseOrder(value: string): OrderTerm[] {
  const c = new Cursor(value, 'order');
  const terms: OrderTerm[] = [];
  do {
    let relation: string | undefined;
    let field = readField(c);
    if (c.eat('(')) {
      if (field.json.length) c.fail('expecting "."');
      relation = field.name;
      field = readField(c);
      c.expect(')');
    }
    const term: OrderTerm = { field, relation };
    while (c.eat('.')) {
      if (c.eat('asc')) term.direction = 'asc';
      else if (c.eat('desc')) term.direction = 'desc';
      else if (c.eat('nullsfirst')) term.nulls = 'first';
      else if (c.eat('nullslast')) term.nulls = 'last';
      else c.fail('expecting "asc", "desc", "nullsfirst" or "nullslast"');
    }
    terms.push(term);
  } while (c.eat(','));
  if (!c.done) c.fail('expecting "," or end of input');
  return terms;
}

function parseNonNegativeInt(value: string, what: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw parseError(
      `"failed to parse ${what} parameter (${value})" (line 1, column 1)`,
      'unexpected input expecting digit',
    );
  }
  return Number(value.trim());
}

/** `"a","b"` or `a,b` (postgrest-js double-quotes every name). */
function parseColumnList(value: string, what: string): string[] {
  const c = new Cursor(value, what);
  const out: string[] = [];
  do {
    out.push(readIdentifier(c));
  } while (c.eat(','));
  if (!c.done) c.fail('expecting "," or end of input');
  return out;
}

// ---------------------------------------------------------------- whole query string

/** Splits a key like `users.posts.order` into its embed path (`not` segments removed) and last segment. */
function splitKey(key: string): { path: string[]; last: string; negated: boolean } {
  const parts = key.split('.');
  const last = parts.pop() ?? '';
  const negated = parts.includes('not');
  return { path: parts.filter((p) => p !== 'not'), last, negated };
}

export interface ParseOptions {
  /**
   * GET /rpc/fn: a parameter whose value is no `op.value` is a function argument (PostgREST's
   * NoOpExpr), unless the value started an operator (`not.`, `in.`, `is.`, `isdistinct.`), which
   * PostgREST's parser has then consumed and reports as malformed.
   */
  rpcRead?: boolean;
  /** The query cost cap checked once the whole query string is parsed (PGRST190). */
  limits?: RestLimits;
}

const CONSUMING_PREFIXES = ['not.', 'in.', 'is.', 'isdistinct.'];

export function parseQuery(rawQuery: string, opts: ParseOptions = {}): ParsedQuery {
  const q: ParsedQuery = {
    select: [{ type: 'star' }],
    hasSelect: false,
    filters: [],
    logic: [],
    order: [],
    ranges: [],
    raw: [],
  };
  const rangeAt = (path: string[]) => {
    let r = q.ranges.find((x) => x.path.join('.') === path.join('.'));
    if (!r) {
      r = { path };
      q.ranges.push(r);
    }
    return r;
  };
  for (const [key, value] of splitQuery(rawQuery)) {
    if (key === 'select') {
      q.select = parseSelect(value);
      q.hasSelect = true;
      continue;
    }
    if (key === 'columns') {
      q.columns = parseColumnList(value, 'columns parameter');
      continue;
    }
    if (key === 'on_conflict') {
      q.onConflict = parseColumnList(value, 'on_conflict parameter');
      continue;
    }
    const { path, last, negated } = splitKey(key);
    if (RESERVED_LAST.has(last)) {
      if (last === 'order') q.order.push({ path, terms: parseOrder(value) });
      else if (last === 'limit') rangeAt(path).limit = parseNonNegativeInt(value, 'limit');
      else if (last === 'offset') rangeAt(path).offset = parseNonNegativeInt(value, 'offset');
      else q.logic.push({ path, tree: parseLogic(last as 'and' | 'or', negated, value) });
      continue;
    }
    const fc = new Cursor(last, 'filter');
    const field = readField(fc);
    if (!fc.done) fc.fail('expecting end of input');
    if (opts.rpcRead) {
      try {
        q.filters.push({ path, filter: parseFilterValue(field, value) });
      } catch (err) {
        if (CONSUMING_PREFIXES.some((p) => value.startsWith(p))) throw err;
        q.raw.push([field.name, value]);
      }
      continue;
    }
    q.filters.push({ path, filter: parseFilterValue(field, value) });
  }
  checkQueryCost(q, opts.limits ?? DEFAULT_REST_LIMITS);
  return q;
}
