import { buildRootRead, conditions, newScope, orderSql, type Scope } from './build-read';
import { csvBody, sourceColumns } from './csv-body';
import { restError } from './errors';
import type { ParsedQuery } from './query-types';
import { buildReadTree } from './read-tree';
import type { Relation, SchemaCache } from './schema-cache';
import { ident, Params, qualifiedIdent } from './sql';

// INSERT / UPSERT / UPDATE / DELETE as one statement: `WITH pgrst_source AS (<dml> RETURNING …)` and a
// final SELECT that reports the affected count and, for return=representation, the JSON body.
// RETURNING 1 without `select=` keeps SELECT privileges/policies out of plain writes, like PostgREST.

export interface WriteOptions {
  representation: boolean;
  count: boolean;
  missingDefault: boolean;
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  stripNulls: boolean;
  /** `Accept: text/csv`: the representation as PostgREST's CSV (csv-body.ts). */
  csv?: boolean;
  /** `return=headers-only`: return the first row's primary key for the Location header. */
  headersOnly: boolean;
}

export interface BuiltStatement {
  text: string;
  values: (string | null)[];
}

function unknownColumn(rel: Relation, col: string) {
  return restError(
    400,
    'PGRST204',
    `Could not find the '${col}' column of '${rel.name}' in the schema cache`,
    null,
    null,
  );
}

function checkColumns(rel: Relation, cols: string[]): void {
  for (const c of cols) if (!rel.columnByName.has(c)) throw unknownColumn(rel, c);
}

/** Final SELECT over pgrst_source: total, page size, body (and inserted count for upserts). */
function finish(
  cache: SchemaCache,
  rel: Relation,
  q: ParsedQuery,
  dml: string,
  scope: Scope,
  opts: WriteOptions,
  extraCols = '',
): BuiltStatement {
  let body = 'NULL::text';
  let from: string;
  if (opts.representation) {
    const tree = buildReadTree(cache, rel, { ...q, filters: [], logic: [], order: [], ranges: [] });
    const alias = ident(rel.name);
    const read = buildRootRead(tree, `pgrst_source AS ${alias}`, alias, scope, { count: false, expandStar: true });
    from = `(${read.pageSql}) pgrst_r`;
    const agg = "coalesce(json_agg(pgrst_r), '[]')";
    if (opts.csv) body = csvBody('pgrst_source', sourceColumns(tree, rel.pk), scope.params);
    else body = `${opts.stripNulls ? `json_strip_nulls(${agg})` : agg}::text`;
  } else {
    from = 'pgrst_source pgrst_r';
  }
  if (opts.headersOnly && !opts.representation && rel.pk.length) {
    const pk = rel.pk.map(ident).join(', ');
    extraCols += `, (SELECT row_to_json(pgrst_l)::text FROM (SELECT ${pk} FROM pgrst_source LIMIT 1) pgrst_l) AS location`;
  }
  const text = `WITH pgrst_source AS (${dml}) SELECT count(*) AS total, count(*) AS page_total, ${body} AS body${extraCols} FROM ${from}`;
  return { text, values: scope.params.values };
}

/** What the DML returns: all columns for a representation, the key for Location, else just `1`. */
function returningList(opts: WriteOptions, rel: Relation): string {
  const alias = ident(rel.name);
  if (opts.representation) return `${alias}.*`;
  if (opts.headersOnly && rel.pk.length) return rel.pk.map((c) => `${alias}.${ident(c)}`).join(', ');
  return '1';
}

function returning(opts: WriteOptions, rel: Relation): string {
  return ` RETURNING ${returningList(opts, rel)}`;
}

/**
 * Prefer: missing=default, as PostgREST's fromJsonBodyF: every row is merged over an object of the
 * defaults of the sent columns that have one, so each default (a sequence's nextval included) is
 * evaluated once per row, even for rows that give the value themselves.
 */
function rowDefaults(rel: Relation, cols: string[], params: Params): string {
  const pairs = cols.flatMap((c) => {
    const def = rel.columnByName.get(c)?.defaultExpr;
    return def ? [`${params.add(c, 'text')}, ${def}`] : [];
  });
  return `jsonb_build_object(${pairs.join(', ')})`;
}

/**
 * Rows arrive as a JSON array (objects are wrapped by the caller). Columns: `?columns=` if given,
 * otherwise the keys of the first object (PostgREST) — postgrest-js always sends `columns` for arrays.
 */
export function buildInsert(
  cache: SchemaCache,
  rel: Relation,
  q: ParsedQuery,
  rows: Record<string, unknown>[],
  opts: WriteOptions,
): BuiltStatement {
  const params = new Params();
  const scope = newScope(params);
  const cols = q.columns ?? Object.keys(rows[0] ?? {});
  checkColumns(rel, cols);
  const target = qualifiedIdent(rel.schema, rel.name);
  const alias = ident(rel.name);
  const bodyRef = params.add(JSON.stringify(rows), 'json');
  let dml: string;
  if (cols.length === 0) {
    // `{}` / `[{}]`: every column takes its default, once per row.
    dml = `INSERT INTO ${target} AS ${alias} SELECT FROM json_array_elements(${bodyRef})`;
  } else {
    const colList = cols.map(ident).join(', ');
    const values = cols.map((c) => `pgrst_body.${ident(c)}`);
    const source = opts.missingDefault
      ? `json_array_elements(${bodyRef}) AS pgrst_elem(j), LATERAL jsonb_populate_record(NULL::${target}, ${rowDefaults(rel, cols, params)} || pgrst_elem.j::jsonb) AS pgrst_body`
      : `json_populate_recordset(NULL::${target}, ${bodyRef}) AS pgrst_body`;
    dml = `INSERT INTO ${target} AS ${alias} (${colList}) SELECT ${values.join(', ')} FROM ${source}`;
  }
  let extra = '';
  if (opts.resolution) {
    const conflict = q.onConflict ?? rel.pk;
    if (conflict.length === 0) {
      throw restError(400, 'PGRST103', 'on_conflict requires a primary key or unique constraint', null, null);
    }
    checkColumns(rel, conflict);
    dml += ` ON CONFLICT (${conflict.map(ident).join(', ')})`;
    if (opts.resolution === 'ignore-duplicates' || cols.length === 0) dml += ' DO NOTHING';
    else dml += ` DO UPDATE SET ${cols.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}`;
    if (opts.resolution === 'merge-duplicates') {
      // xmax = 0 only for freshly inserted tuples: lets us answer 201 vs 200 like PostgREST.
      dml += ` RETURNING ${returningList(opts, rel)}, (${alias}.xmax = 0) AS pgrst_inserted`;
      extra = ', (SELECT count(*) FROM pgrst_source WHERE pgrst_inserted) AS inserted';
      return finish(cache, rel, q, dml, scope, opts, extra);
    }
  }
  dml += returning(opts, rel);
  return finish(cache, rel, q, dml, scope, opts);
}

export function buildUpdate(
  cache: SchemaCache,
  rel: Relation,
  q: ParsedQuery,
  patch: Record<string, unknown>,
  opts: WriteOptions,
): BuiltStatement | null {
  const params = new Params();
  const scope = newScope(params);
  const cols = q.columns ?? Object.keys(patch);
  checkColumns(rel, cols);
  const where = rootConditions(cache, rel, q, scope, 'UPDATE');
  if (cols.length === 0) return null;
  const target = qualifiedIdent(rel.schema, rel.name);
  const alias = ident(rel.name);
  const bodyRef = params.add(JSON.stringify(patch), 'json');
  const sets = cols.map((c) => `${ident(c)} = pgrst_body.${ident(c)}`).join(', ');
  const dml = `UPDATE ${target} AS ${alias} SET ${sets} FROM (SELECT * FROM json_populate_record(NULL::${target}, ${bodyRef})) AS pgrst_body WHERE ${where}${returning(opts, rel)}`;
  return finish(cache, rel, q, dml, scope, opts);
}

export function buildDelete(cache: SchemaCache, rel: Relation, q: ParsedQuery, opts: WriteOptions): BuiltStatement {
  const params = new Params();
  const scope = newScope(params);
  const where = rootConditions(cache, rel, q, scope, 'DELETE');
  const target = qualifiedIdent(rel.schema, rel.name);
  const dml = `DELETE FROM ${target} AS ${ident(rel.name)} WHERE ${where}${returning(opts, rel)}`;
  return finish(cache, rel, q, dml, scope, opts);
}

/**
 * Root filters of an UPDATE/DELETE. Supabase loads `safeupdate` for PostgREST, so a statement without
 * any WHERE clause fails with 21000 — we reproduce that before touching the database.
 */
function rootConditions(cache: SchemaCache, rel: Relation, q: ParsedQuery, scope: Scope, verb: string): string {
  const rootOnly: ParsedQuery = {
    ...q,
    select: [],
    filters: q.filters.filter((f) => f.path.length === 0),
    logic: q.logic.filter((l) => l.path.length === 0),
    order: q.order.filter((o) => o.path.length === 0),
    ranges: [],
  };
  const tree = buildReadTree(cache, rel, rootOnly);
  const alias = ident(rel.name);
  scope.used.add(rel.name);
  const conds = conditions(tree, alias, scope);
  if (conds.length === 0) {
    scope.used.delete(rel.name);
    throw restError(400, '21000', `${verb} requires a WHERE clause`, null, null);
  }
  const where = conds.join(' AND ');
  const range = q.ranges.find((r) => r.path.length === 0);
  let limited = '';
  if (range && (range.limit !== undefined || range.offset !== undefined)) {
    // `.order().limit()` on PATCH/DELETE touches only those rows, as PostgREST's limited update/delete.
    const order = orderSql(tree, alias, scope);
    const lim = range.limit !== undefined ? ` LIMIT ${scope.params.add(String(range.limit), 'bigint')}` : '';
    const off = range.offset ? ` OFFSET ${scope.params.add(String(range.offset), 'bigint')}` : '';
    const target = qualifiedIdent(rel.schema, rel.name);
    limited = ` AND ${alias}.ctid = ANY(ARRAY(SELECT ${alias}.ctid FROM ${target} AS ${alias} WHERE ${where}${order}${lim}${off}))`;
  }
  scope.used.delete(rel.name);
  return where + limited;
}
