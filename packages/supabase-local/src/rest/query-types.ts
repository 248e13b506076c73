// The parsed form of PostgREST's URL grammar (QueryParams.hs). Pure data: no SQL, no schema knowledge.

export interface JsonStep {
  arrow: '->' | '->>';
  /** Object key, or an integer index (kept as text, e.g. `0`, `-1`). */
  key: string;
  isIndex: boolean;
}

/** A column reference, possibly followed by a JSON/array path (`data->a->>b`). */
export interface Field {
  name: string;
  json: JsonStep[];
}

export type AggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

export type SelectItem =
  | { type: 'star' }
  | {
      type: 'column';
      /** `count()` alone is a column `*` with the `count` aggregate. */
      field: Field;
      alias?: string;
      /** `col::type`, applied before an aggregate. */
      cast?: string;
      aggregate?: AggregateFunction;
      /** `col.sum()::type`, applied to the aggregate's result. */
      aggregateCast?: string;
    }
  | {
      type: 'embed';
      name: string;
      alias?: string;
      hint?: string;
      join?: 'inner' | 'left';
      spread: boolean;
      select: SelectItem[];
    };

export const OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
  'in',
  'is',
  'isdistinct',
  'cs',
  'cd',
  'ov',
  'sl',
  'sr',
  'nxr',
  'nxl',
  'adj',
  'fts',
  'plfts',
  'phfts',
  'wfts',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators that accept the `(any)` / `(all)` quantifier. */
export const QUANTIFIABLE: ReadonlySet<Operator> = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
]);

export type Filter =
  | { field: Field; negate: boolean; op: 'in'; values: string[] }
  | { field: Field; negate: boolean; op: 'is'; value: 'null' | 'not_null' | 'true' | 'false' | 'unknown' }
  | { field: Field; negate: boolean; op: 'fts' | 'plfts' | 'phfts' | 'wfts'; config?: string; value: string }
  | {
      field: Field;
      negate: boolean;
      op: Exclude<Operator, 'in' | 'is' | 'fts' | 'plfts' | 'phfts' | 'wfts'>;
      quantifier?: 'any' | 'all';
      value: string;
    };

export type LogicTree =
  | { type: 'logic'; op: 'and' | 'or'; negate: boolean; children: LogicTree[] }
  | { type: 'filter'; filter: Filter };

export interface OrderTerm {
  field: Field;
  /** `order=rel(col)`: order the parent by a to-one embed's column. */
  relation?: string;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Everything but `select` is addressed by an embed path (`[]` = the root resource). */
export interface PathFilter {
  path: string[];
  filter: Filter;
}
export interface PathLogic {
  path: string[];
  tree: LogicTree;
}
export interface PathOrder {
  path: string[];
  terms: OrderTerm[];
}
export interface PathRange {
  path: string[];
  limit?: number;
  offset?: number;
}

export interface ParsedQuery {
  select: SelectItem[];
  /** Whether `select=` was present at all (it changes RETURNING on writes). */
  hasSelect: boolean;
  filters: PathFilter[];
  logic: PathLogic[];
  order: PathOrder[];
  ranges: PathRange[];
  columns?: string[];
  onConflict?: string[];
  /** Non-reserved params kept raw, for RPC GET arguments (`key` → value). */
  raw: [string, string][];
}
