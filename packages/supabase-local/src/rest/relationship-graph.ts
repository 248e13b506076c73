import { type DbFunction, type ForeignKey, qualified, type Relation } from './schema-cache';

// Every relationship PostgREST derives from the catalog (SchemaCache.hs), built once per schema cache:
// many-to-one and one-to-one from each foreign key (one-to-one when the FK columns are exactly a primary
// key or unique constraint), their inverses (one-to-many, one-to-one parent side), many-to-many through a
// junction whose two FKs lie inside its primary key, and computed relationships (`f(row t) returns
// [setof] u`), which replace FK relationships to a table of the same name. Lists are kept in
// PostgREST's order, because ambiguity errors list them in that order.

export type Cardinality = 'one-to-many' | 'many-to-one' | 'one-to-one';

export type Relationship =
  | {
      kind: 'fk';
      cardinality: Cardinality;
      /** The origin (where the embed is written) and the embedded relation. */
      table: Relation;
      target: Relation;
      constraint: string;
      /** [origin column, target column] pairs of the join condition. */
      columns: [string, string][];
      isSelf: boolean;
      toOne: boolean;
    }
  | {
      kind: 'many-to-many';
      table: Relation;
      target: Relation;
      junction: Relation;
      /** Junction FK to the origin and junction FK to the target. */
      constraint1: string;
      constraint2: string;
      /** [origin column, junction column] and [target column, junction column] pairs. */
      sourceColumns: [string, string][];
      targetColumns: [string, string][];
      isSelf: boolean;
      toOne: false;
    }
  | {
      kind: 'computed';
      fn: DbFunction;
      table: Relation;
      target: Relation;
      isSelf: boolean;
      toOne: boolean;
    };

/** Relationships by origin relation (`schema.name`). */
export type RelationshipMap = Map<string, Relationship[]>;

const CARDINALITY_ORDER: Record<Cardinality | 'many-to-many', number> = {
  'one-to-many': 0,
  'many-to-one': 1,
  'one-to-one': 2,
  'many-to-many': 3,
};

function fkRelationship(
  table: Relation,
  target: Relation,
  fk: ForeignKey,
  cardinality: Cardinality,
  columns: [string, string][],
): Relationship {
  return {
    kind: 'fk',
    cardinality,
    table,
    target,
    constraint: fk.name,
    columns,
    isSelf: table === target,
    toOne: cardinality !== 'one-to-many',
  };
}

export function buildRelationships(
  relations: Map<string, Relation>,
  fks: ForeignKey[],
  functions: Iterable<DbFunction>,
): RelationshipMap {
  const all: Relationship[] = [];
  const manyToOneByTable = new Map<Relation, { fk: ForeignKey; target: Relation }[]>();
  for (const fk of fks) {
    const table = relations.get(qualified(fk.schema, fk.table));
    const target = relations.get(qualified(fk.refSchema, fk.refTable));
    if (!table || !target) continue;
    const pairs = fk.columns.map((c, i): [string, string] => [c, fk.refColumns[i]]);
    const inverse = pairs.map(([a, b]): [string, string] => [b, a]);
    if (fk.oneToOne) {
      all.push(fkRelationship(table, target, fk, 'one-to-one', pairs));
      all.push(fkRelationship(target, table, fk, 'one-to-one', inverse));
    } else {
      all.push(fkRelationship(table, target, fk, 'many-to-one', pairs));
      all.push(fkRelationship(target, table, fk, 'one-to-many', inverse));
      const list = manyToOneByTable.get(table) ?? [];
      list.push({ fk, target });
      manyToOneByTable.set(table, list);
    }
  }
  // Many-to-many: two distinct many-to-one FKs of a junction whose columns are all in its primary key.
  for (const [junction, list] of manyToOneByTable) {
    for (const a of list) {
      for (const b of list) {
        if (a.fk.name === b.fk.name) continue;
        const cols = [...a.fk.columns, ...b.fk.columns];
        if (!cols.every((c) => junction.pk.includes(c))) continue;
        all.push({
          kind: 'many-to-many',
          table: a.target,
          target: b.target,
          junction,
          constraint1: a.fk.name,
          constraint2: b.fk.name,
          sourceColumns: a.fk.refColumns.map((c, i): [string, string] => [c, a.fk.columns[i]]),
          targetColumns: b.fk.refColumns.map((c, i): [string, string] => [c, b.fk.columns[i]]),
          isSelf: a.target === b.target,
          toOne: false,
        });
      }
    }
  }
  const computed: Relationship[] = [];
  for (const fn of functions) {
    if (!fn.rowArg || !fn.returnRelation || fn.returnKind !== 'composite') continue;
    const table = relations.get(qualified(fn.rowArg.schema, fn.rowArg.name));
    const target = relations.get(qualified(fn.returnRelation.schema, fn.returnRelation.name));
    if (!table || !target) continue;
    computed.push({
      kind: 'computed',
      fn,
      table,
      target,
      isSelf: table === target,
      toOne: !fn.returnsSet || fn.singleRow,
    });
  }
  const map: RelationshipMap = new Map();
  // A function named like a related table replaces the FK relationships with it (HM.union in PostgREST).
  const overridden = new Set(computed.map((r) => `${key(r.table)}\0${r.kind === 'computed' ? r.fn.name : ''}`));
  for (const r of [...all, ...computed]) {
    if (r.kind !== 'computed' && overridden.has(`${key(r.table)}\0${r.target.name}`)) continue;
    const k = key(r.table);
    const list = map.get(k) ?? [];
    list.push(r);
    map.set(k, list);
  }
  for (const list of map.values()) list.sort(compareRelationships);
  return map;
}

const key = (r: Relation) => qualified(r.schema, r.name);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** PostgREST's derived `Ord Relationship`: FK relationships before computed ones, then field by field. */
function compareRelationships(a: Relationship, b: Relationship): number {
  if ((a.kind === 'computed') !== (b.kind === 'computed')) return a.kind === 'computed' ? 1 : -1;
  if (a.kind === 'computed' && b.kind === 'computed') {
    return (
      compareText(a.fn.schema, b.fn.schema) ||
      compareText(a.fn.name, b.fn.name) ||
      compareText(a.table.schema, b.table.schema) ||
      compareText(a.table.name, b.table.name)
    );
  }
  const byTables =
    compareText(a.table.schema, b.table.schema) ||
    compareText(a.table.name, b.table.name) ||
    compareText(a.target.schema, b.target.schema) ||
    compareText(a.target.name, b.target.name) ||
    Number(a.isSelf) - Number(b.isSelf);
  if (byTables) return byTables;
  const ca = a.kind === 'fk' ? a.cardinality : 'many-to-many';
  const cb = b.kind === 'fk' ? b.cardinality : 'many-to-many';
  if (ca !== cb) return CARDINALITY_ORDER[ca] - CARDINALITY_ORDER[cb];
  if (a.kind === 'fk' && b.kind === 'fk') {
    return compareText(a.constraint, b.constraint) || compareText(a.columns.join(), b.columns.join());
  }
  if (a.kind === 'many-to-many' && b.kind === 'many-to-many') {
    return (
      compareText(a.junction.schema, b.junction.schema) ||
      compareText(a.junction.name, b.junction.name) ||
      compareText(a.constraint1, b.constraint1) ||
      compareText(a.constraint2, b.constraint2)
    );
  }
  return 0;
}
