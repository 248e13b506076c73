import { restError } from './errors';
import type { Filter, LogicTree, OrderTerm, ParsedQuery, SelectItem } from './query-types';
import { type Relationship, resolveRelationship } from './relationships';
import type { Relation, SchemaCache } from './schema-cache';

// Turns the parsed query into a tree of read nodes: every embed resolved to a relationship and every
// path-addressed filter/order/range attached to its node. Errors here are PostgREST's PGRST1xx/2xx.

export interface ReadNode {
  /** Relation whose rows this node reads; absent for function results without a table row type. */
  relation?: Relation;
  select: SelectItem[];
  embeds: EmbedNode[];
  filters: Filter[];
  logic: LogicTree[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
  /** `rel=is.null` / `rel=not.is.null` on an embed: filters this node's rows. */
  embedNullFilters: { embed: EmbedNode; isNull: boolean }[];
}

export interface EmbedNode extends ReadNode {
  relation: Relation;
  /** Output key (alias or relation name); also how paths address it. */
  key: string;
  name: string;
  join: 'inner' | 'left';
  spread: boolean;
  rel: Relationship;
}

export function buildReadTree(cache: SchemaCache, relation: Relation | undefined, q: ParsedQuery): ReadNode {
  const root = makeNode(cache, relation, q.select);
  for (const { path, filter } of q.filters) {
    const node = findNode(root, path);
    const embed = filter.field.json.length === 0 ? node.embeds.find((e) => e.key === filter.field.name) : undefined;
    if (embed) {
      if (filter.op !== 'is' || (filter.value !== 'null' && filter.value !== 'not_null')) {
        throw restError(
          400,
          'PGRST120',
          `Bad operator on the '${embed.key}' embedded resource`,
          null,
          'Only is null or not is null filters are allowed on embedded resources',
        );
      }
      const isNull = (filter.value === 'null') !== filter.negate;
      node.embedNullFilters.push({ embed, isNull });
      continue;
    }
    node.filters.push(filter);
  }
  for (const { path, tree } of q.logic) findNode(root, path).logic.push(tree);
  for (const { path, terms } of q.order) {
    const node = findNode(root, path);
    for (const t of terms) {
      if (t.relation === undefined) continue;
      const e = node.embeds.find((x) => x.key === t.relation);
      if (!e) throw notEmbedded(t.relation);
      if (!e.rel.toOne) throw restError(400, 'PGRST118', `A related order on '${e.key}' is not possible`, null, null);
    }
    node.order.push(...terms);
  }
  for (const r of q.ranges) {
    const node = findNode(root, r.path);
    if (r.limit !== undefined) node.limit = r.limit;
    if (r.offset !== undefined) node.offset = r.offset;
  }
  return root;
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

function makeNode(cache: SchemaCache, relation: Relation | undefined, select: SelectItem[]): ReadNode {
  const node: ReadNode = { relation, select, embeds: [], filters: [], logic: [], order: [], embedNullFilters: [] };
  for (const item of select) {
    if (item.type !== 'embed') continue;
    if (!relation) {
      throw restError(
        400,
        'PGRST200',
        `Could not find a relationship between the function result and '${item.name}' in the schema cache`,
        null,
        null,
      );
    }
    const rel = resolveRelationship(cache, relation, item.name, item.hint);
    const child = makeNode(cache, rel.target, item.select);
    node.embeds.push({
      ...child,
      relation: rel.target,
      key: item.alias ?? item.name,
      name: item.name,
      join: item.join ?? 'left',
      spread: item.spread,
      rel,
    });
  }
  return node;
}

function findNode(root: ReadNode, path: string[]): ReadNode {
  let node = root;
  for (const seg of path) {
    const next = node.embeds.find((e) => e.key === seg);
    if (!next) throw notEmbedded(seg);
    node = next;
  }
  return node;
}

/** Maps each embed select item back to its resolved node (same order as `node.embeds`). */
export function embedFor(node: ReadNode, item: SelectItem & { type: 'embed' }): EmbedNode {
  const idx = node.select.filter((s) => s.type === 'embed').indexOf(item);
  return node.embeds[idx];
}
