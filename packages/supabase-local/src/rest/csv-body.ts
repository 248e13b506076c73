import type { Filter, LogicTree } from './query-types';
import type { ReadNode } from './read-tree';
import type { Params } from './sql';

// `Accept: text/csv` exactly as PostgREST builds it in SQL (SqlFragment.asCsvF): a header line of the
// keys of the first row of the statement's *source* (`pgrst_source`: the read itself, the rows a
// write returned, the rows a function returned), joined by commas without quoting; then one line per
// response row, which is Postgres's own record text of that row without its parentheses — so NULL is
// empty, values holding a comma, quote, backslash, parenthesis or white space are double-quoted with
// `"` and `\` doubled, booleans are t/f, arrays {a,b}, timestamps in the session's DateStyle. Lines are
// joined by "\n" with none at the end; no rows at all give "\n" (an empty header and an empty body).

/**
 * The CSV body aggregate over rows aliased `pgrst_r`, whose source is the CTE `source`.
 * `header`: the source's column names when they are known statically, or null to read them from the
 * source's first row (`SELECT *`-like sources).
 */
export function csvBody(source: string, header: string[] | null, p: Params): string {
  const head =
    header === null
      ? `coalesce((SELECT string_agg(pgrst_k, ',') FROM json_object_keys((SELECT row_to_json(pgrst_h) FROM ${source} pgrst_h LIMIT 1)) AS pgrst_k), '')`
      : `CASE WHEN EXISTS (SELECT 1 FROM ${source}) THEN ${p.add(header.join(','), 'text')} ELSE '' END`;
  const line = 'substring(pgrst_r::text, 2, length(pgrst_r::text) - 2)';
  return `(${head} || E'\\n' || coalesce(string_agg(${line}, E'\\n'), ''))`;
}

function logicFields(t: LogicTree, out: string[]): void {
  if (t.type === 'filter') out.push(t.filter.field.name);
  else for (const c of t.children) logicFields(c, out);
}

/** Names of the fields the root filters and logic trees of a read touch. */
export function rootFilterFields(node: ReadNode): string[] {
  const out = node.filters.map((f: Filter) => f.field.name);
  for (const t of node.logic) logicFields(t, out);
  return out;
}

/**
 * The columns PostgREST's source returns for a write or a function call (Plan.inferColsEmbedNeeds):
 * null (all of them) when `*` is selected or a computed relationship is embedded; otherwise the
 * selected column names, the parent columns of every embed's join, `extra` (the primary key for
 * writes, the filtered columns for calls), as a sorted set. Null too when nothing would be listed.
 */
export function sourceColumns(node: ReadNode, extra: string[]): string[] | null {
  const names = new Set<string>();
  for (const item of node.select) {
    if (item.field.name === '*') return null;
    names.add(item.field.name);
  }
  if (names.size === 0 && node.embeds.length === 0) return null;
  for (const e of node.embeds) {
    const rel = e.rel;
    if (rel.kind === 'computed') return null;
    if (rel.kind === 'many-to-many') for (const [parent] of rel.sourceColumns) names.add(parent);
    else for (const [parent] of rel.columns) names.add(parent);
  }
  if (names.size === 0) return null;
  for (const c of extra) names.add(c);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
