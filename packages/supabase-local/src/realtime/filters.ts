/**
 * The postgres_changes filter grammar Realtime accepts (realtime-js RealtimePostgresFilterBuilder emits it):
 * `column=[not.]op.value`, several conditions comma-separated and ANDed, PostgREST quoting for values and
 * `in.(a,"b,c")` lists. Evaluated here against the decoded row, typed by the column's pg_type name.
 */

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'like'
  | 'ilike'
  | 'is'
  | 'match'
  | 'imatch'
  | 'isdistinct';

const OPS = new Set<string>([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'like',
  'ilike',
  'is',
  'match',
  'imatch',
  'isdistinct',
]);

export interface Condition {
  column: string;
  op: FilterOp;
  negate: boolean;
  /** Scalar value, or the list for `in`; `null` stands for SQL NULL (`is.null`, `eq.null`). */
  value: string | null | (string | null)[];
}

export class FilterSyntaxError extends Error {}

/** Splits on `sep` outside double quotes and parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < text.length) current += text[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted || depth !== 0) throw new FilterSyntaxError('unbalanced quotes or parentheses');
  parts.push(current);
  return parts;
}

function unquote(raw: string): string | null {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return raw === 'null' ? null : raw;
}

export function parseFilter(filter: string | undefined | null): Condition[] {
  if (!filter) return [];
  return splitTopLevel(filter, ',').map((part) => {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new FilterSyntaxError(`invalid filter condition: ${part}`);
    const column = part.slice(0, eq).trim();
    let rest = part.slice(eq + 1);
    let negate = false;
    if (rest.startsWith('not.')) {
      negate = true;
      rest = rest.slice(4);
    }
    const dot = rest.indexOf('.');
    const op = dot > 0 ? rest.slice(0, dot) : '';
    if (!OPS.has(op)) throw new FilterSyntaxError(`invalid filter operator in: ${part}`);
    const raw = rest.slice(dot + 1);
    if (op === 'in') {
      if (!raw.startsWith('(') || !raw.endsWith(')')) throw new FilterSyntaxError(`invalid in list: ${raw}`);
      return { column, op, negate, value: splitTopLevel(raw.slice(1, -1), ',').map(unquote) };
    }
    if (op === 'is' && !['null', 'true', 'false', 'unknown'].includes(raw)) {
      throw new FilterSyntaxError(`invalid is value: ${raw}`);
    }
    return { column, op: op as FilterOp, negate, value: op === 'is' ? raw : unquote(raw) };
  });
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);

function normaliseBool(value: string): string {
  const v = value.toLowerCase();
  if (['t', 'true', 'yes', 'on', '1'].includes(v)) return 'true';
  if (['f', 'false', 'no', 'off', '0'].includes(v)) return 'false';
  return v;
}

/** -1/0/1 comparing a column value (text output form) with a filter value, by the column type. */
function compare(type: string, left: string, right: string): number {
  if (NUMERIC.has(type)) {
    const a = Number(left);
    const b = Number(right);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b ? 0 : a < b ? -1 : 1;
  }
  if (type === 'bool') return normaliseBool(left) === normaliseBool(right) ? 0 : left < right ? -1 : 1;
  if (type === 'timestamptz' || type === 'timestamp' || type === 'date') {
    const a = Date.parse(type === 'timestamptz' ? left : `${left.replace(' ', 'T')}Z`);
    const b = Date.parse(type === 'timestamptz' ? right : `${right.replace(' ', 'T')}Z`);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b ? 0 : a < b ? -1 : 1;
  }
  return left === right ? 0 : left < right ? -1 : 1;
}

function likeToRegExp(pattern: string, flags: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%') source += '[\\s\\S]*';
    else if (ch === '_') source += '[\\s\\S]';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, flags);
}

/** SQL three-valued result: null when the comparison involves NULL. */
function test(cond: Condition, type: string, value: string | null): boolean | null {
  const v = cond.value;
  switch (cond.op) {
    case 'is':
      if (v === 'null' || v === 'unknown') return value === null;
      return value !== null && normaliseBool(value) === v;
    case 'isdistinct':
      if (value === null || v === null) return value !== v;
      return compare(type, value, v as string) !== 0;
    case 'in': {
      if (value === null) return null;
      const list = v as (string | null)[];
      if (list.some((item) => item !== null && compare(type, value, item) === 0)) return true;
      return list.includes(null) ? null : false;
    }
    default: {
      if (value === null || v === null) return null;
      const right = v as string;
      switch (cond.op) {
        case 'eq':
          return compare(type, value, right) === 0;
        case 'neq':
          return compare(type, value, right) !== 0;
        case 'lt':
          return compare(type, value, right) < 0;
        case 'lte':
          return compare(type, value, right) <= 0;
        case 'gt':
          return compare(type, value, right) > 0;
        case 'gte':
          return compare(type, value, right) >= 0;
        case 'like':
          return likeToRegExp(right, '').test(value);
        case 'ilike':
          return likeToRegExp(right, 'i').test(value);
        case 'match':
          return new RegExp(right).test(value);
        case 'imatch':
          return new RegExp(right, 'i').test(value);
      }
      return null;
    }
  }
}

/**
 * True when every condition holds. A column missing from the row (e.g. a DELETE without REPLICA IDENTITY
 * FULL only carries the key) fails the filter, as upstream cannot see it either.
 */
export function matches(conditions: Condition[], row: Map<string, string | null>, types: Map<string, string>): boolean {
  for (const cond of conditions) {
    if (!row.has(cond.column)) return false;
    let result: boolean | null;
    try {
      result = test(cond, types.get(cond.column) ?? 'text', row.get(cond.column) ?? null);
    } catch {
      return false;
    }
    if (cond.negate) result = result === null ? null : !result;
    if (result !== true) return false;
  }
  return true;
}
