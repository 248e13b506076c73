import { restError } from './errors';
import type { Field, Filter, LogicTree } from './query-types';
import {
  type EmbedNode,
  embedByKey,
  type ReadNode,
  type ResolvedOrder,
  type SelectField,
  type SpreadField,
} from './read-tree';
import { castType, ident, Params, pgArrayLiteral, qualifiedIdent } from './sql';

// SQL for a read plan, shaped like PostgREST's (Query/QueryBuilder.hs) so that results, grouping and
// even Postgres' error messages match: every embed is a LATERAL join on a subquery named
// `<origin>_<name>_<depth>` whose table is aliased `<table>_<depth>`; to-one embeds select
// `row_to_json(…)::jsonb`, to-many embeds `json_agg`, spreads lift the subquery's columns (to-many
// spreads as one array per column); `!inner` makes the join INNER. Columns are `alias.col`, so
// Postgres' attribute notation also reaches computed fields (and `t.count` is `count(t)`, as there).
// Values are bound through Params.

export interface Scope {
  params: Params;
  /** Kept for callers that still mark aliases (build-write); aliases are depth-based now. */
  used: Set<string>;
  seq: { n: number };
}

export function newScope(params: Params): Scope {
  return { params, used: new Set(), seq: { n: 0 } };
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

/** Where a node's columns live: its SQL qualifier and, for computed fields, a whole-row reference. */
interface Source {
  qi: string;
  /** A whole-row reference usable as a function argument, when the qualifier is a plain alias. */
  row?: string;
}

interface BuildContext {
  params: Params;
  maxRows?: number;
}

/** A column, computed field or `*` of `node`, with its JSON path; keys and indexes are bound. */
function fieldSql(node: ReadNode, src: Source, f: Field, p: Params): string {
  if (f.name === '*') return `${src.qi}.*`;
  const rel = node.relation;
  const column = rel?.columnByName.get(f.name);
  const computed = !column && src.row ? rel?.computed.get(f.name) : undefined;
  // Functional notation for known computed fields: it also works on function results (RPC), whose
  // rows are records rather than the table's type, where attribute notation would not.
  const base = computed
    ? `${qualifiedIdent(computed.schema, computed.name)}(${src.row})`
    : `${src.qi}.${ident(f.name)}`;
  if (f.json.length === 0) return base;
  const type = column?.typname ?? (computed ? computed.returnType : undefined);
  const isJson = type === 'json' || type === 'jsonb';
  let e = isJson ? base : `to_jsonb(${base})`;
  for (const s of f.json) e += `${s.arrow}${s.isIndex ? p.add(s.key, 'int') : p.add(s.key, 'text')}`;
  return `(${e})`;
}

function applyCast(expr: string, cast: string | undefined): string {
  if (cast === undefined) return expr;
  const type = castType(cast);
  if (!type) throw restError(400, 'PGRST100', `"failed to parse select parameter" invalid cast type '${cast}'`);
  return `CAST(${expr} AS ${type})`;
}

function applyAggregate(expr: string, f: { aggregate?: string; aggregateCast?: string }): string {
  if (!f.aggregate) return expr;
  return applyCast(`${f.aggregate.toUpperCase()}(${expr})`, f.aggregateCast);
}

function selectItemSql(node: ReadNode, src: Source, s: SelectField, p: Params): string {
  const base = s.fullRow ? (src.row ?? src.qi) : fieldSql(node, src, s.field, p);
  const expr = applyAggregate(applyCast(base, s.cast), s);
  return s.alias !== undefined ? `${expr} AS ${ident(s.alias)}` : expr;
}

function spreadSelectSql(e: EmbedNode, f: SpreadField): string {
  const expr = applyAggregate(`${ident(e.aggAlias)}.${f.name === '*' ? '*' : ident(f.name)}`, f);
  return f.alias !== undefined ? `${expr} AS ${ident(f.alias)}` : expr;
}

// ---------------------------------------------------------------- filters

type Mode = 'read' | 'count';

function filterSql(f: Filter, node: ReadNode, src: Source, ctx: BuildContext, mode: Mode): string {
  const p = ctx.params;
  // `rel=is.null` / `rel=not.is.null` on an embed tests the embed, not a column (addNullEmbedFilters).
  const embed =
    f.field.json.length === 0 && f.op === 'is' && f.value === 'null' ? embedByKey(node, f.field.name) : undefined;
  if (embed) {
    if (mode === 'count') return `${f.negate ? '' : 'NOT '}EXISTS (${countQuery(embed, embedFrom(embed, src), ctx)})`;
    return `${ident(embed.aggAlias)} IS ${f.negate ? '' : 'NOT '}DISTINCT FROM NULL`;
  }
  const e = fieldSql(node, src, f.field, p);
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

function logicSql(t: LogicTree, node: ReadNode, src: Source, ctx: BuildContext, mode: Mode): string {
  if (t.type === 'filter') return filterSql(t.filter, node, src, ctx, mode);
  const parts = t.children.map((c) => logicSql(c, node, src, ctx, mode));
  const sql = `(${parts.join(t.op === 'and' ? ' AND ' : ' OR ')})`;
  return t.negate ? `NOT ${sql}` : sql;
}

function whereTerms(node: ReadNode, src: Source, ctx: BuildContext, mode: Mode): string[] {
  return [
    ...node.filters.map((f) => filterSql(f, node, src, ctx, mode)),
    ...node.logic.map((t) => logicSql(t, node, src, ctx, mode)),
  ];
}

/** Root filter conditions of a node whose source is `alias` (used for UPDATE/DELETE). */
export function conditions(node: ReadNode, alias: string, scope: Scope): string[] {
  return whereTerms(node, { qi: alias, row: alias }, { params: scope.params }, 'read');
}

// ---------------------------------------------------------------- order, range, group

function orderTermsSql(node: ReadNode, src: Source, p: Params): string[] {
  return (node.order as ResolvedOrder[]).map((t) => {
    const expr =
      t.relationAlias !== undefined
        ? fieldSql({ ...node, relation: undefined }, { qi: ident(t.relationAlias) }, t.field, p)
        : fieldSql(node, src, t.field, p);
    const dir = t.direction === 'desc' ? ' DESC' : t.direction === 'asc' ? ' ASC' : '';
    const nulls = t.nulls === 'first' ? ' NULLS FIRST' : t.nulls === 'last' ? ' NULLS LAST' : '';
    return `${expr}${dir}${nulls}`;
  });
}

export function orderSql(node: ReadNode, alias: string, scope: Scope): string {
  const terms = orderTermsSql(node, { qi: alias, row: alias }, scope.params);
  return terms.length ? ` ORDER BY ${terms.join(', ')}` : '';
}

function rangeSql(limit: number | undefined, offset: number | undefined, p: Params): string {
  let sql = '';
  if (limit !== undefined) sql += ` LIMIT ${p.add(String(limit), 'bigint')}`;
  if (offset !== undefined && offset > 0) sql += ` OFFSET ${p.add(String(offset), 'bigint')}`;
  return sql;
}

/** GROUP BY the non-aggregated output when anything in this level aggregates (SqlFragment.hs groupF). */
function groupSql(node: ReadNode, src: Source, p: Params): string {
  const spreadAggregates = node.embeds.some((e) => e.spread && e.spreadFields.some((f) => f.aggregate));
  if (!spreadAggregates && !node.select.some((s) => s.aggregate)) return '';
  const terms = node.select
    .filter((s) => !s.aggregate)
    .map((s) => (s.alias !== undefined ? ident(s.alias) : fieldSql(node, src, s.field, p)));
  for (const e of node.embeds) {
    if (e.empty) continue;
    if (!e.spread) terms.push(ident(e.key));
    else
      for (const f of e.spreadFields) if (!f.aggregate) terms.push(`${ident(e.aggAlias)}.${ident(f.alias ?? f.name)}`);
  }
  return terms.length ? ` GROUP BY ${terms.join(', ')}` : '';
}

// ---------------------------------------------------------------- embeds

/** FROM and join conditions of an embed, correlated to its parent's source. */
function embedFrom(e: EmbedNode, parent: Source): { src: Source; from: string; joinConds: string[] } {
  const r = e.rel;
  const target = qualifiedIdent(e.relation.schema, e.relation.name);
  if (r.kind === 'many-to-many') {
    // No alias for the target, as in PostgREST: the junction joins it implicitly.
    const j = qualifiedIdent(r.junction.schema, r.junction.name);
    const src: Source = { qi: target };
    const joinConds = [
      ...r.targetColumns.map(([tc, jc]) => `${j}.${ident(jc)} = ${target}.${ident(tc)}`),
      ...r.sourceColumns.map(([oc, jc]) => `${j}.${ident(jc)} = ${parent.qi}.${ident(oc)}`),
    ];
    return { src, from: `${target}, ${j}`, joinConds };
  }
  const alias = ident(e.fromAlias as string);
  const src: Source = { qi: alias, row: alias };
  if (r.kind === 'computed') {
    // The cast picks the overload taking this row type (e.g. a view's and its table's).
    const row = parent.row ?? ident(r.table.name);
    const arg = `${row}::${qualifiedIdent(r.table.schema, r.table.name)}`;
    return { src, from: `${qualifiedIdent(r.fn.schema, r.fn.name)}(${arg}) AS ${alias}`, joinConds: [] };
  }
  const joinConds = r.columns.map(([oc, tc]) => `${alias}.${ident(tc)} = ${parent.qi}.${ident(oc)}`);
  return { src, from: `${target} AS ${alias}`, joinConds };
}

/** One level: `SELECT … FROM … <lateral joins> WHERE … GROUP BY … ORDER BY … LIMIT …`. */
function levelQuery(
  node: ReadNode,
  src: Source,
  from: string,
  joinConds: string[],
  ctx: BuildContext,
  range: { limit?: number; offset?: number },
  expandStar = false,
): string {
  const p = ctx.params;
  const selects: string[] = [];
  if (node.select.length === 0 && node.embeds.length === 0) selects.push(`${src.qi}.*`);
  for (const s of node.select) {
    const columns = node.relation?.columns;
    if (expandStar && columns && s.field.name === '*' && !s.aggregate) {
      for (const c of columns) selects.push(`${src.qi}.${ident(c.name)}`);
    } else selects.push(selectItemSql(node, src, s, p));
  }
  const e = node as Partial<EmbedNode>;
  for (const x of e.spreadOrderSelects ?? []) {
    const qi = x.relationAlias !== undefined ? { qi: ident(x.relationAlias) } : src;
    selects.push(
      `${fieldSql(x.relationAlias !== undefined ? { ...node, relation: undefined } : node, qi, x.field, p)} AS ${ident(x.alias)}`,
    );
  }
  const joins: string[] = [];
  for (const child of node.embeds) {
    const a = ident(child.aggAlias);
    if (!child.empty) {
      if (child.spread) selects.push(...child.spreadFields.map((f) => spreadSelectSql(child, f)));
      else if (child.rel.toOne) selects.push(`row_to_json(${a}.*)::jsonb AS ${ident(child.key)}`);
      else selects.push(`COALESCE(${a}.${a}, '[]') AS ${ident(child.key)}`);
    }
    joins.push(joinSql(child, src, ctx));
  }
  const where = [...whereTerms(node, src, ctx, 'read'), ...joinConds];
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const order = orderTermsSql(node, src, p);
  const orderSqlText = order.length ? ` ORDER BY ${order.join(', ')}` : '';
  return `SELECT ${selects.join(', ')} FROM ${from}${joins.join('')}${whereSql}${groupSql(node, src, p)}${orderSqlText}${rangeSql(range.limit, range.offset, p)}`;
}

function embedRange(e: EmbedNode, ctx: BuildContext): { limit?: number; offset?: number } {
  const max = ctx.maxRows;
  const limit = max === undefined ? e.limit : Math.min(e.limit ?? max, max);
  return { limit, offset: e.offset };
}

function joinSql(e: EmbedNode, parent: Source, ctx: BuildContext): string {
  const { src, from, joinConds } = embedFrom(e, parent);
  const sub = levelQuery(e, src, from, joinConds, ctx, embedRange(e, ctx));
  const a = ident(e.aggAlias);
  const type = e.join === 'inner' ? 'INNER' : 'LEFT';
  if (e.rel.toOne) return ` ${type} JOIN LATERAL (${sub}) AS ${a} ON TRUE`;
  const cond = e.join === 'inner' ? `${a} IS NOT NULL` : 'TRUE';
  let aggs = `json_agg(${a})::jsonb AS ${a}`;
  if (e.spread === 'to-many') {
    const order = e.spreadOrder.map((o) => {
      const dir = o.direction === 'desc' ? ' DESC' : o.direction === 'asc' ? ' ASC' : '';
      const nulls = o.nulls === 'first' ? ' NULLS FIRST' : o.nulls === 'last' ? ' NULLS LAST' : '';
      return `${a}.${ident(o.alias)}${dir}${nulls}`;
    });
    const orderBy = order.length ? ` ORDER BY ${order.join(', ')}` : '';
    for (const f of e.spreadFields) {
      aggs += `, COALESCE(json_agg(${a}.${ident(f.name)}${orderBy}), '[]')::jsonb AS ${ident(f.alias ?? f.name)}`;
    }
  }
  return ` ${type} JOIN LATERAL (SELECT ${aggs} FROM (${sub}) AS ${a}) AS ${a} ON ${cond}`;
}

// ---------------------------------------------------------------- counting

/**
 * The rows a count sees: root filters, with `!inner` embeds and embed null filters as EXISTS instead
 * of joins, so no row is multiplied (QueryBuilder.hs readPlanToCountQuery).
 */
function countQuery(node: ReadNode, at: { src: Source; from: string; joinConds: string[] }, ctx: BuildContext): string {
  const where = [...whereTerms(node, at.src, ctx, 'count'), ...at.joinConds];
  for (const e of node.embeds)
    if (e.join === 'inner') where.push(`EXISTS (${countQuery(e, embedFrom(e, at.src), ctx)})`);
  return `SELECT 1 FROM ${at.from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
}

// ---------------------------------------------------------------- root

export interface RootRead {
  /** `SELECT … FROM … WHERE … ORDER … LIMIT …` producing one row per output object. */
  pageSql: string;
  /** `SELECT count(*) …` over the same rows without limit/offset, or null. */
  countSql: string | null;
}

/**
 * Root level of a read. `from` is the SQL source (a table, a CTE, a function call) already aliased
 * as `alias`.
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
    /** db-max-rows, which also caps every embedded resource. */
    maxRows?: number;
  },
): RootRead {
  const ctx: BuildContext = { params: scope.params, maxRows: opts.maxRows };
  const src: Source = { qi: alias, row: alias };
  const pageSql = levelQuery(node, src, from, [], ctx, { limit: opts.limit, offset: opts.offset }, opts.expandStar);
  let countSql: string | null = null;
  if (opts.count) {
    const rows = countQuery(node, { src, from, joinConds: [] }, ctx);
    // Estimated: exact up to the cap (db-max-rows); beyond it the handler uses the planner's estimate.
    const cap = opts.count === 'estimated' ? ` LIMIT ${Math.trunc(opts.estimateCap ?? 1000) + 1}` : '';
    countSql = `SELECT count(*) FROM (${rows}${cap}) pgrst_c`;
  }
  return { pageSql, countSql };
}

/** `EXPLAIN` of the counted rows with its own parameters, for `Prefer: count=planned|estimated`. */
export function buildPlanStatement(
  node: ReadNode,
  from: string,
  alias: string,
): { text: string; values: (string | null)[] } {
  const params = new Params();
  const rows = countQuery(node, { src: { qi: alias, row: alias }, from, joinConds: [] }, { params });
  return { text: `EXPLAIN (FORMAT JSON) ${rows}`, values: params.values };
}

/** The single-row statement every read returns: total (or NULL), page size and the JSON body. */
export function wrapPage(read: RootRead, body: 'array' | 'strip-nulls'): string {
  const total = read.countSql ? `(${read.countSql})` : 'NULL::bigint';
  const agg = "coalesce(json_agg(pgrst_r), '[]')";
  const bodyExpr = body === 'strip-nulls' ? `json_strip_nulls(${agg})` : agg;
  return `SELECT ${total} AS total, count(*) AS page_total, ${bodyExpr}::text AS body FROM (${read.pageSql}) pgrst_r`;
}
