import { restError } from './errors';
import type { AggregateFunction, Field, Filter, LogicTree, OrderTerm, ParsedQuery, SelectItem } from './query-types';
import { findRelationship, type Relationship } from './relationships';
import type { Relation, SchemaCache } from './schema-cache';

// The read plan (PostgREST's ReadPlan tree, Plan.hs readPlan): every embed resolved to a relationship
// and named as PostgREST names it (`<table>_<depth>` inside, `<origin>_<name>_<depth>` for the lateral
// join), path-addressed filters/orders/ranges attached, stars expanded where aggregates or to-many
// spreads need column names, aggregates checked against db-aggregates-enabled and hoisted out of
// to-one spreads. Errors here are PostgREST's PGRST1xx/2xx.

/** A select term; `*` is a field named `*` (with `count`, `count()`; as `fullRow`, a spread's row). */
export interface SelectField {
  field: Field;
  alias?: string;
  cast?: string;
  aggregate?: AggregateFunction;
  aggregateCast?: string;
  fullRow?: boolean;
}

/** A column a spread lifts into its parent: the name it has inside, and an aggregate hoisted onto it. */
export interface SpreadField {
  name: string;
  aggregate?: AggregateFunction;
  aggregateCast?: string;
  alias?: string;
}

export interface ReadNode {
  /** Relation whose rows this node reads; absent for function results without a table row type. */
  relation?: Relation;
  depth: number;
  select: SelectField[];
  embeds: EmbedNode[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
}

export interface EmbedNode extends ReadNode {
  relation: Relation;
  /** Output key (alias or relation name). */
  key: string;
  name: string;
  alias?: string;
  join: 'inner' | 'left';
  spread: 'to-one' | 'to-many' | null;
  hint?: string;
  rel: Relationship;
  /** Alias of the embedded relation inside its subquery (none for many-to-many, as in PostgREST). */
  fromAlias?: string;
  /** Alias of the lateral join in the parent. */
  aggAlias: string;
  /** `rel()` and embeds holding only such embeds: joined (for !inner) but not output. */
  empty: boolean;
  /** Columns a spread contributes to its parent's output. */
  spreadFields: SpreadField[];
  /** To-many spreads order inside json_agg: the order terms become these extra selected columns. */
  spreadOrder: { alias: string; direction?: 'asc' | 'desc'; nulls?: 'first' | 'last' }[];
  spreadOrderSelects: { field: Field; alias: string; relationAlias?: string }[];
}

/** An order term of a to-one embed (`order=rel(col)`) refers to the lateral join's output. */
export interface ResolvedOrder extends OrderTerm {
  relationAlias?: string;
}

export function buildReadTree(cache: SchemaCache, relation: Relation | undefined, q: ParsedQuery): ReadNode {
  const root = makeNode(relation, q.select, 0);
  // As in PostgREST, paths are checked (PGRST108) before relationships are resolved (PGRST200/201).
  for (const { path, filter } of q.filters) findNode(root, path).filters.push(filter);
  for (const { path, tree } of q.logic) findNode(root, path).logic.push(tree);
  // Of several `order` params for one path the first wins.
  for (const { path, terms } of [...q.order].reverse()) findNode(root, path).order = terms;
  for (const r of q.ranges) {
    const node = findNode(root, r.path);
    if (r.limit !== undefined) node.limit = r.limit;
    if (r.offset !== undefined) node.offset = r.offset;
  }
  addRelationships(cache, root);
  resolveRelatedOrders(root);
  expandStars(root, false);
  checkAggregates(root, cache.dbConfig.aggregatesEnabled);
  addSpreadFields(root);
  hoistSpreadAggregates(root);
  moveToManySpreadOrders(root);
  return root;
}

function makeNode(relation: Relation | undefined, items: SelectItem[], depth: number): ReadNode {
  const node: ReadNode = { relation, depth, select: [], embeds: [], filters: [], logic: [], order: [] };
  for (const item of items) {
    if (item.type === 'star') node.select.push({ field: { name: '*', json: [] } });
    else if (item.type === 'column') node.select.push(columnField(item));
    else node.embeds.push(makeEmbed(item, depth + 1));
  }
  return node;
}

function columnField(item: SelectItem & { type: 'column' }): SelectField {
  const f: SelectField = {
    field: item.field,
    alias: item.alias,
    cast: item.cast,
    aggregate: item.aggregate,
    aggregateCast: item.aggregateCast,
  };
  // A JSON path is named by its last key (the last object key before trailing indexes, else the column).
  if (f.alias === undefined && item.field.json.length) {
    const lastKey = [...item.field.json].reverse().find((s) => !s.isIndex);
    f.alias = lastKey?.key ?? item.field.name;
  }
  return f;
}

/** An embed before its relationship is known (filled by addRelationships). */
function makeEmbed(item: SelectItem & { type: 'embed' }, depth: number): EmbedNode {
  const child = makeNode(undefined, item.select, depth);
  return {
    ...child,
    relation: undefined as unknown as Relation,
    key: item.alias ?? item.name,
    name: item.name,
    alias: item.alias,
    join: item.join ?? 'left',
    spread: item.spread ? 'to-one' : null,
    hint: item.hint,
    rel: undefined as unknown as Relationship,
    aggAlias: '',
    empty: isEmpty(child),
    spreadFields: [],
    spreadOrder: [],
    spreadOrderSelects: [],
  };
}

function addRelationships(cache: SchemaCache, parent: ReadNode): void {
  for (const e of parent.embeds) {
    if (!parent.relation) {
      throw restError(
        400,
        'PGRST200',
        `Could not find a relationship between the function result and '${e.name}' in the schema cache`,
        null,
        null,
      );
    }
    const rel = findRelationship(cache, parent.relation.schema, parent.relation.name, e.name, e.hint);
    e.rel = rel;
    e.relation = rel.target;
    if (e.spread && !rel.toOne) e.spread = 'to-many';
    e.fromAlias = rel.kind === 'many-to-many' ? undefined : `${rel.target.name}_${e.depth}`;
    e.aggAlias = `${rel.table.name}_${e.key}_${e.depth}`;
    addRelationships(cache, e);
  }
}

function isEmpty(node: ReadNode): boolean {
  return node.select.length === 0 && node.embeds.every(isEmpty);
}

/** Paths address embeds by relation name or alias (Plan.hs updateNode). */
function findNode(root: ReadNode, path: string[]): ReadNode {
  let node = root;
  for (const seg of path) {
    const next = node.embeds.find((e) => e.name === seg || e.alias === seg);
    if (!next) throw notEmbedded(seg);
    node = next;
  }
  return node;
}

function notEmbedded(name: string) {
  return restError(
    400,
    'PGRST108',
    `'${name}' is not an embedded resource in this request`,
    null,
    `Verify that '${name}' is included in the 'select' query parameter.`,
  );
}

/** The embed a filter or related order names (alias, else relation name), as addNullEmbedFilters does. */
export function embedByKey(node: ReadNode, key: string): EmbedNode | undefined {
  return node.embeds.find((e) => e.key === key);
}

function resolveRelatedOrders(node: ReadNode): void {
  node.order = node.order.map((t): ResolvedOrder => {
    if (t.relation === undefined) return t;
    const e = embedByKey(node, t.relation);
    if (!e) throw notEmbedded(t.relation);
    if (!e.rel.toOne) {
      throw restError(
        400,
        'PGRST118',
        `A related order on '${e.key}' is not possible`,
        `'${node.relation?.name ?? ''}' and '${e.key}' do not form a many-to-one or one-to-one relationship`,
      );
    }
    return { ...t, relationAlias: e.aggAlias };
  });
  for (const e of node.embeds) resolveRelatedOrders(e);
}

/**
 * `*` becomes the relation's columns when this node or an ancestor aggregates (GROUP BY needs names)
 * or in a to-many spread (each column becomes an array); a spread's `count()` counts its whole row.
 */
function expandStars(node: ReadNode, parentHasAgg: boolean): void {
  const e = node as Partial<EmbedNode>;
  const hasAgg = parentHasAgg || node.select.some((s) => s.aggregate) || e.spread === 'to-many';
  const columns = node.relation?.columns;
  if (hasAgg && columns && node.select.some((s) => s.field.name === '*' && !s.field.json.length)) {
    node.select = node.select.flatMap((s): SelectField[] => {
      if (s.field.name !== '*' || s.field.json.length) return [s];
      if (!s.aggregate) return columns.map((c) => ({ ...s, field: { name: c.name, json: [] } }));
      return e.spread && s.aggregate === 'count' ? [{ ...s, fullRow: true }] : [s];
    });
  }
  // Spread aggregates are named by their function, so the parent can refer to them.
  if (e.spread) for (const s of node.select) if (s.aggregate && s.alias === undefined) s.alias = s.aggregate;
  for (const child of node.embeds) expandStars(child, hasAgg);
}

function checkAggregates(node: ReadNode, enabled: boolean): void {
  if (!enabled && node.select.some((s) => s.aggregate)) {
    throw restError(400, 'PGRST123', 'Use of aggregate functions is not allowed');
  }
  for (const e of node.embeds) checkAggregates(e, enabled);
}

/** What a spread lifts: its columns (by output name), its embeds' keys and its own spreads' columns. */
function addSpreadFields(node: ReadNode): void {
  for (const e of node.embeds) {
    addSpreadFields(e);
    if (!e.spread) continue;
    e.spreadFields = [
      ...e.select.map((s) => ({ name: s.alias ?? s.field.name })),
      // Copies: an aggregate hoisted onto the parent's view of a field must not apply inside.
      ...e.embeds.flatMap((c) => (c.spread ? c.spreadFields.map((f) => ({ ...f })) : c.empty ? [] : [{ name: c.key }])),
    ];
  }
}

interface Hoisted {
  from: string;
  name: string;
  aggregate: AggregateFunction;
  aggregateCast?: string;
  alias?: string;
}

/**
 * Aggregates inside a to-one spread are applied by the closest ancestor that is not a to-one spread:
 * `client_id,...invoices(total.sum())` sums per client (Plan.hs hoistSpreadAggFunctions).
 */
function hoistSpreadAggregates(node: ReadNode): Hoisted[] {
  const e = node as Partial<EmbedNode>;
  const childAggs = node.embeds.flatMap((c) => hoistSpreadAggregates(c));
  if (e.spread !== 'to-one') {
    for (const c of node.embeds) {
      for (const f of c.spreadFields) {
        const h = childAggs.find((x) => x.from === c.aggAlias && x.name === f.name);
        if (h) Object.assign(f, { aggregate: h.aggregate, aggregateCast: h.aggregateCast, alias: h.alias });
      }
    }
    return [];
  }
  const own: Hoisted[] = [];
  for (const s of node.select) {
    if (!s.aggregate) continue;
    own.push({
      from: e.aggAlias as string,
      name: s.alias ?? s.field.name,
      aggregate: s.aggregate,
      aggregateCast: s.aggregateCast,
      alias: s.alias,
    });
    s.aggregate = undefined;
    s.aggregateCast = undefined;
  }
  return [...own, ...childAggs.map((h) => ({ ...h, from: e.aggAlias as string }))];
}

/** To-many spreads cannot aggregate; their order moves into each column's json_agg. */
function moveToManySpreadOrders(node: ReadNode): void {
  for (const e of node.embeds) {
    if (e.spread === 'to-many') {
      const aggregated =
        e.select.some((s) => s.aggregate) || e.embeds.some((c) => c.spreadFields.some((f) => f.aggregate));
      if (aggregated) {
        throw restError(
          400,
          'PGRST127',
          'Feature not implemented',
          'Aggregates are not implemented for one-to-many or many-to-many spreads.',
        );
      }
      (e.order as ResolvedOrder[]).forEach((t, i) => {
        const alias = `${e.aggAlias}_${t.field.name}_${i + 1}`;
        e.spreadOrderSelects.push({ field: t.field, alias, relationAlias: t.relationAlias });
        e.spreadOrder.push({ alias, direction: t.direction, nulls: t.nulls });
      });
      e.order = [];
    }
    moveToManySpreadOrders(e);
  }
}
