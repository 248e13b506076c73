import { restError } from './errors';
import type { Field, Filter, LogicTree, OrderTerm, SelectItem } from './query-types';
import { type EmbedNode, embedFor, type ReadNode } from './read-tree';
import type { Relation } from './schema-cache';
import { castType, ident, Params, pgArrayLiteral, qualifiedIdent } from './sql';

// SQL for reading a node tree. JSON is built by Postgres: the page is `json_agg` over a subquery whose
// columns are the output keys; to-many embeds are correlated `json_agg` subqueries, to-one embeds
// `row_to_json`, spreads LEFT JOIN LATERAL. Values are bound through Params.

export interface Scope {
  params: Params;
  /** Aliases of the enclosing levels (an embed of the same table must not shadow its parent). */
  used: Set<string>;
  seq: { n: number };
}

const BINARY_OPS: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'LIKE',
  ilike: 'ILIKE',
  match: '~',
  imatch: '~*',
  isdistinct: 'IS DISTINCT FROM',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxr: '&<',
  nxl: '&>',
  adj: '-|-',
};
const IS_VALUES = { null: 'NULL', not_null: 'NOT NULL', true: 'TRUE', false: 'FALSE', unknown: 'UNKNOWN' } as const;
const FTS_FUNCS = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
};

export function newScope(params: Params): Scope {
  return { params, used: new Set(), seq: { n: 0 } };
}

export function aliasFor(scope: Scope, name: string): string {
  const alias = scope.used.has(name) ? `${name}_${++scope.seq.n}` : name;
  return ident(alias);
}

/** A column (or computed field of `rel`) with its JSON path; keys and indexes are bound parameters. */
export function fieldExpr(alias: string, f: Field, p: Params, rel?: Relation): string {
  const computed = rel && !rel.columnByName.has(f.name) ? rel.computed.get(f.name) : undefined;
  let e = computed ? `${qualifiedIdent(computed.schema, computed.name)}(${alias})` : `${alias}.${ident(f.name)}`;
  if (f.json.length === 0) return e;
  for (const s of f.json) e += `${s.arrow}${s.isIndex ? p.add(s.key, 'int') : p.add(s.key, 'text')}`;
  return `(${e})`;
}

function outputKey(item: { field: Field; alias?: string }): string {
  if (item.alias) return item.alias;
  const last = item.field.json.at(-1);
  return last ? last.key : item.field.name;
}

export function filterSql(f: Filter, alias: string, node: ReadNode, p: Params): string {
  const e = fieldExpr(alias, f.field, p, node.relation);
  let sql: string;
  if (f.op === 'in') {
    sql = `${e} = ANY(${p.add(pgArrayLiteral(f.values))})`;
  } else if (f.op === 'is') {
    sql = `${e} IS ${IS_VALUES[f.value]}`;
  } else if (f.op === 'fts' || f.op === 'plfts' || f.op === 'phfts' || f.op === 'wfts') {
    const cfg = f.config !== undefined ? `${p.add(f.config, 'regconfig')}, ` : '';
    const col = node.relation?.columnByName.get(f.field.name);
    const isVector = f.field.json.length === 0 && (col ? col.typname === 'tsvector' : true);
    const doc = isVector ? e : `to_tsvector(${cfg}${e})`;
    sql = `${doc} @@ ${FTS_FUNCS[f.op]}(${cfg}${p.add(f.value)})`;
  } else if ('quantifier' in f && f.quantifier) {
    sql = `${e} ${BINARY_OPS[f.op]} ${f.quantifier.toUpperCase()}(${p.add(f.value)})`;
  } else {
    sql = `${e} ${BINARY_OPS[f.op]} ${p.add(f.value)}`;
  }
  return f.negate ? `NOT (${sql})` : sql;
}

export function logicSql(t: LogicTree, alias: string, node: ReadNode, p: Params): string {
  if (t.type === 'filter') return filterSql(t.filter, alias, node, p);
  const parts = t.children.map((c) => logicSql(c, alias, node, p));
  const sql = `(${parts.join(t.op === 'and' ? ' AND ' : ' OR ')})`;
  return t.negate ? `NOT ${sql}` : sql;
}

/** FROM source and join condition of an embed, correlated to its parent alias. */
function embedSource(e: EmbedNode, parentAlias: string, scope: Scope): { from: string; alias: string; join: string } {
  const alias = aliasFor(scope, e.relation.name);
  const r = e.rel;
  if (r.kind === 'computed') {
    // The function receives the parent row; its result set is the embedded rows.
    return { from: `${qualifiedIdent(r.fn.schema, r.fn.name)}(${parentAlias}) AS ${alias}`, alias, join: 'true' };
  }
  const from = `${qualifiedIdent(e.relation.schema, e.relation.name)} AS ${alias}`;
  if (r.kind === 'many-to-many') {
    const j = ident(`pgrst_j${++scope.seq.n}`);
    const onParent = r.fkParent.columns.map(
      (c, i) => `${j}.${ident(c)} = ${parentAlias}.${ident(r.fkParent.refColumns[i])}`,
    );
    const onTarget = r.fkTarget.columns.map((c, i) => `${j}.${ident(c)} = ${alias}.${ident(r.fkTarget.refColumns[i])}`);
    const junction = qualifiedIdent(r.junction.schema, r.junction.name);
    return {
      from,
      alias,
      join: `EXISTS (SELECT 1 FROM ${junction} AS ${j} WHERE ${[...onParent, ...onTarget].join(' AND ')})`,
    };
  }
  const join = r.pairs.map(([pc, tc]) => `${alias}.${ident(tc)} = ${parentAlias}.${ident(pc)}`).join(' AND ');
  return { from, alias, join };
}

function withAlias<T>(scope: Scope, alias: string, fn: () => T): T {
  const name = alias.slice(1, -1).replace(/""/g, '"');
  const had = scope.used.has(name);
  scope.used.add(name);
  try {
    return fn();
  } finally {
    if (!had) scope.used.delete(name);
  }
}

/** WHERE conditions of a node: filters, logic trees, `!inner` embeds and `rel=is.null` filters. */
export function conditions(node: ReadNode, alias: string, scope: Scope): string[] {
  const p = scope.params;
  const out = node.filters.map((f) => filterSql(f, alias, node, p));
  for (const t of node.logic) out.push(logicSql(t, alias, node, p));
  for (const e of node.embeds) {
    const nullFilter = node.embedNullFilters.find((x) => x.embed === e);
    if (e.join !== 'inner' && !nullFilter) continue;
    const src = embedSource(e, alias, scope);
    const inner = withAlias(scope, src.alias, () => [src.join, ...conditions(e, src.alias, scope)]);
    const exists = `EXISTS (SELECT 1 FROM ${src.from} WHERE ${inner.join(' AND ')})`;
    if (e.join === 'inner') out.push(exists);
    if (nullFilter) out.push(nullFilter.isNull ? `NOT ${exists}` : exists);
  }
  return out;
}

export function orderSql(node: ReadNode, alias: string, scope: Scope): string {
  if (node.order.length === 0) return '';
  const terms = node.order.map((t: OrderTerm) => {
    let expr: string;
    if (t.relation !== undefined) {
      const e = node.embeds.find((x) => x.key === t.relation) as EmbedNode;
      const src = embedSource(e, alias, scope);
      expr = `(SELECT ${fieldExpr(src.alias, t.field, scope.params, e.relation)} FROM ${src.from} WHERE ${src.join} LIMIT 1)`;
    } else {
      expr = fieldExpr(alias, t.field, scope.params, node.relation);
    }
    const dir = t.direction === 'desc' ? ' DESC' : t.direction === 'asc' ? ' ASC' : '';
    const nulls = t.nulls === 'first' ? ' NULLS FIRST' : t.nulls === 'last' ? ' NULLS LAST' : '';
    return `${expr}${dir}${nulls}`;
  });
  return ` ORDER BY ${terms.join(', ')}`;
}

function rangeSql(limit: number | undefined, offset: number | undefined, p: Params): string {
  let sql = '';
  if (limit !== undefined) sql += ` LIMIT ${p.add(String(limit), 'bigint')}`;
  if (offset !== undefined && offset > 0) sql += ` OFFSET ${p.add(String(offset), 'bigint')}`;
  return sql;
}

export interface Projection {
  cols: string[];
  joins: string[];
  /** Output keys, when knowable (needed to aggregate to-many spreads column by column). */
  keys: string[];
}

export interface ProjectOptions {
  /** Expand `*` to the cached column list instead of `alias.*`. */
  expandStar?: boolean;
}

export function project(node: ReadNode, alias: string, scope: Scope, opts: ProjectOptions = {}): Projection {
  const out: Projection = { cols: [], joins: [], keys: [] };
  const p = scope.params;
  for (const item of node.select) {
    if (item.type === 'star') {
      const columns = node.relation?.columns;
      if (opts.expandStar && columns) {
        for (const c of columns) {
          out.cols.push(`${alias}.${ident(c.name)}`);
          out.keys.push(c.name);
        }
      } else {
        out.cols.push(`${alias}.*`);
        if (columns) out.keys.push(...columns.map((c) => c.name));
      }
      continue;
    }
    if (item.type === 'column') {
      let expr = fieldExpr(alias, item.field, p, node.relation);
      if (item.cast !== undefined) {
        const type = castType(item.cast);
        if (!type)
          throw restError(400, 'PGRST100', `"failed to parse select parameter" invalid cast type '${item.cast}'`);
        expr = `CAST(${expr} AS ${type})`;
      }
      const key = outputKey(item);
      out.cols.push(`${expr} AS ${ident(key)}`);
      out.keys.push(key);
      continue;
    }
    const e = embedFor(node, item);
    if (e.select.length === 0) continue; // `rel()` only filters; PostgREST leaves it out of the output
    if (e.spread) projectSpread(e, alias, scope, out);
    else {
      out.cols.push(`${embedSubquery(e, alias, scope)} AS ${ident(e.key)}`);
      out.keys.push(e.key);
    }
  }
  return out;
}

function innerSelect(
  e: EmbedNode,
  parentAlias: string,
  scope: Scope,
  opts: ProjectOptions,
  toOne: boolean,
): { sql: string; keys: string[] } {
  const src = embedSource(e, parentAlias, scope);
  return withAlias(scope, src.alias, () => {
    const proj = project(e, src.alias, scope, opts);
    const where = [src.join, ...conditions(e, src.alias, scope)];
    const order = toOne ? '' : orderSql(e, src.alias, scope);
    const range = toOne ? ' LIMIT 1' : rangeSql(e.limit, e.offset, scope.params);
    const cols = proj.cols.length ? proj.cols.join(', ') : 'NULL';
    const sql = `SELECT ${cols} FROM ${src.from}${proj.joins.join('')} WHERE ${where.join(' AND ')}${order}${range}`;
    return { sql, keys: proj.keys };
  });
}

function embedSubquery(e: EmbedNode, parentAlias: string, scope: Scope): string {
  const row = ident(`pgrst_${++scope.seq.n}`);
  const { sql } = innerSelect(e, parentAlias, scope, {}, e.rel.toOne);
  if (e.rel.toOne) return `(SELECT row_to_json(${row}) FROM (${sql}) ${row})`;
  return `(SELECT coalesce(json_agg(${row}), '[]') FROM (${sql}) ${row})`;
}

/** `...rel(cols)`: to-one lifts the columns into the parent; to-many turns each column into an array. */
function projectSpread(e: EmbedNode, parentAlias: string, scope: Scope, out: Projection): void {
  const lat = ident(`pgrst_s${++scope.seq.n}`);
  const toOne = e.rel.toOne;
  const { sql, keys } = innerSelect(e, parentAlias, scope, { expandStar: !toOne }, toOne);
  if (toOne) {
    out.joins.push(` LEFT JOIN LATERAL (${sql}) AS ${lat} ON true`);
  } else {
    const row = ident(`pgrst_${++scope.seq.n}`);
    const aggs = keys.map((k) => `coalesce(json_agg(${row}.${ident(k)}), '[]') AS ${ident(k)}`);
    out.joins.push(` LEFT JOIN LATERAL (SELECT ${aggs.join(', ') || 'NULL'} FROM (${sql}) ${row}) AS ${lat} ON true`);
  }
  out.cols.push(`${lat}.*`);
  out.keys.push(...keys);
}

export interface RootRead {
  /** `SELECT … FROM … WHERE … ORDER … LIMIT …` producing one row per output object. */
  pageSql: string;
  /** `SELECT count(*) …` over the same rows without limit/offset, or null. */
  countSql: string | null;
}

/**
 * Root level of a read. `from` is the SQL source (a table, a CTE, a function call) already aliased
 * as `alias`; `where` adds conditions that are not part of the query string.
 */
export function buildRootRead(
  node: ReadNode,
  from: string,
  alias: string,
  scope: Scope,
  opts: {
    count: boolean | 'exact' | 'estimated';
    limit?: number;
    offset?: number;
    expandStar?: boolean;
    estimateCap?: number;
  },
): RootRead {
  return withAlias(scope, alias, () => {
    const proj = project(node, alias, scope, { expandStar: opts.expandStar });
    const where = conditions(node, alias, scope);
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const order = orderSql(node, alias, scope);
    const range = rangeSql(opts.limit, opts.offset, scope.params);
    const cols = proj.cols.length ? proj.cols.join(', ') : '';
    const pageSql = `SELECT ${cols} FROM ${from}${proj.joins.join('')}${whereSql}${order}${range}`;
    let countSql: string | null = null;
    if (opts.count === 'estimated') {
      // Exact up to the cap (db-max-rows); beyond it the handler uses the planner's estimate.
      const cap = Math.trunc(opts.estimateCap ?? 1000) + 1;
      countSql = `SELECT count(*) FROM (SELECT 1 FROM ${from}${whereSql} LIMIT ${cap}) pgrst_c`;
    } else if (opts.count) {
      countSql = `SELECT count(*) FROM ${from}${whereSql}`;
    }
    return { pageSql, countSql };
  });
}

/** `EXPLAIN` of the filtered rows with its own parameters, for `Prefer: count=planned|estimated`. */
export function buildPlanStatement(
  node: ReadNode,
  from: string,
  alias: string,
): { text: string; values: (string | null)[] } {
  const params = new Params();
  const scope = newScope(params);
  return withAlias(scope, alias, () => {
    const where = conditions(node, alias, scope);
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    return { text: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${from}${whereSql}`, values: params.values };
  });
}

/** The single-row statement every read returns: total (or NULL), page size and the JSON body. */
export function wrapPage(read: RootRead, body: 'array' | 'strip-nulls'): string {
  const total = read.countSql ? `(${read.countSql})` : 'NULL::bigint';
  const agg = "coalesce(json_agg(pgrst_r), '[]')";
  const bodyExpr = body === 'strip-nulls' ? `json_strip_nulls(${agg})` : agg;
  return `SELECT ${total} AS total, count(*) AS page_total, ${bodyExpr}::text AS body FROM (${read.pageSql}) pgrst_r`;
}

export type { SelectItem };
