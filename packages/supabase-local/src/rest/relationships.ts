import { restError } from './errors';
import { type DbFunction, type ForeignKey, qualified, type Relation, type SchemaCache } from './schema-cache';

// Relationship detection for resource embedding, following PostgREST's rules (Relationship.hs):
// many-to-one and one-to-many through FKs, one-to-one when the FK columns are unique, many-to-many
// through a join table whose two FKs lie inside one of its unique keys (usually the composite PK).

export type Relationship =
  | {
      kind: 'many-to-one' | 'one-to-many' | 'one-to-one';
      fk: ForeignKey;
      target: Relation;
      /** [parent column, target column] pairs of the join condition. */
      pairs: [string, string][];
      toOne: boolean;
    }
  | {
      kind: 'many-to-many';
      junction: Relation;
      fkParent: ForeignKey;
      fkTarget: ForeignKey;
      target: Relation;
      toOne: false;
    }
  | {
      /** Computed relationship: `fn(parent_row) returns [setof] target` (PostgREST ≥ 10). */
      kind: 'computed';
      fn: DbFunction;
      target: Relation;
      toOne: boolean;
    };

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const subset = (a: string[], b: string[]) => a.every((x) => b.includes(x));

function isUnique(rel: Relation, cols: string[]): boolean {
  return rel.uniqueKeys.some((k) => sameSet(k, cols));
}

function m2o(parent: Relation, fk: ForeignKey, target: Relation): Relationship {
  const pairs = fk.columns.map((c, i): [string, string] => [c, fk.refColumns[i]]);
  return { kind: isUnique(parent, fk.columns) ? 'one-to-one' : 'many-to-one', fk, target, pairs, toOne: true };
}

function o2m(fk: ForeignKey, target: Relation): Relationship {
  const pairs = fk.refColumns.map((c, i): [string, string] => [c, fk.columns[i]]);
  const unique = isUnique(target, fk.columns);
  return { kind: unique ? 'one-to-one' : 'one-to-many', fk, target, pairs, toOne: unique };
}

function candidates(cache: SchemaCache, parent: Relation, name: string): Relationship[] {
  // A function named like the embed that takes the parent's row overrides FK detection, as in PostgREST.
  const computed = parent.computedRels.get(name);
  if (computed) {
    const target =
      computed.returnRelation &&
      cache.relations.get(qualified(computed.returnRelation.schema, computed.returnRelation.name));
    if (target) return [{ kind: 'computed', fn: computed, target, toOne: !computed.returnsSet || computed.singleRow }];
  }
  const out: Relationship[] = [];
  const parentKey = qualified(parent.schema, parent.name);
  const fromParent = cache.fksFrom.get(parentKey) ?? [];
  const toParent = cache.fksTo.get(parentKey) ?? [];
  const target = cache.relations.get(qualified(parent.schema, name));
  if (target) {
    const targetKey = qualified(target.schema, target.name);
    for (const fk of fromParent)
      if (qualified(fk.refSchema, fk.refTable) === targetKey) out.push(m2o(parent, fk, target));
    for (const fk of toParent) if (qualified(fk.schema, fk.table) === targetKey) out.push(o2m(fk, target));
    // Many-to-many: any relation with an FK to the parent and another FK to the target.
    for (const fkParent of toParent) {
      const junction = cache.relations.get(qualified(fkParent.schema, fkParent.table));
      if (!junction || qualified(junction.schema, junction.name) === targetKey || junction === parent) continue;
      for (const fkTarget of cache.fksFrom.get(qualified(junction.schema, junction.name)) ?? []) {
        if (fkTarget === fkParent || qualified(fkTarget.refSchema, fkTarget.refTable) !== targetKey) continue;
        const cols = [...fkParent.columns, ...fkTarget.columns];
        if (junction.uniqueKeys.some((k) => subset(cols, k))) {
          out.push({ kind: 'many-to-many', junction, fkParent, fkTarget, target, toOne: false });
        }
      }
    }
    return out;
  }
  // Not a relation name: PostgREST also accepts an FK column (`author_id(*)`) or an FK constraint name.
  for (const fk of fromParent) {
    if ((fk.columns.length === 1 && fk.columns[0] === name) || fk.name === name) {
      const t = cache.relations.get(qualified(fk.refSchema, fk.refTable));
      if (t) out.push(m2o(parent, fk, t));
    }
  }
  for (const fk of toParent) {
    if (fk.name === name) {
      const t = cache.relations.get(qualified(fk.schema, fk.table));
      if (t) out.push(o2m(fk, t));
    }
  }
  return out;
}

function matchesHint(r: Relationship, hint: string): boolean {
  if (r.kind === 'computed') return r.fn.name === hint;
  if (r.kind === 'many-to-many') {
    return r.junction.name === hint || r.fkParent.name === hint || r.fkTarget.name === hint;
  }
  return r.fk.name === hint || r.fk.columns.includes(hint);
}

function describe(parent: Relation, r: Relationship): { cardinality: string; embedding: string; relationship: string } {
  const embedding = `${parent.name} with ${r.target.name}`;
  if (r.kind === 'computed')
    return { cardinality: r.toOne ? 'one-to-one' : 'one-to-many', embedding, relationship: r.fn.name };
  if (r.kind === 'many-to-many') {
    const j = r.junction.name;
    return {
      cardinality: r.kind,
      embedding,
      relationship: `${j} using ${r.fkParent.name}(${r.fkParent.columns.join(', ')}) and ${r.fkTarget.name}(${r.fkTarget.columns.join(', ')})`,
    };
  }
  const fk = r.fk;
  return {
    cardinality: r.kind,
    embedding,
    relationship: `${fk.name} using ${fk.table}(${fk.columns.join(', ')}) and ${fk.refTable}(${fk.refColumns.join(', ')})`,
  };
}

export function resolveRelationship(cache: SchemaCache, parent: Relation, name: string, hint?: string): Relationship {
  let found = candidates(cache, parent, name);
  if (hint !== undefined) found = found.filter((r) => matchesHint(r, hint));
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    const using = hint !== undefined ? ` using the hint '${hint}'` : '';
    throw restError(
      400,
      'PGRST200',
      `Could not find a relationship between '${parent.name}' and '${name}' in the schema cache`,
      `Searched for a foreign key relationship between '${parent.name}' and '${name}'${using} in the schema '${parent.schema}', but no matches were found.`,
      null,
    );
  }
  const options = found.map(
    (r) => `'${name}!${r.kind === 'many-to-many' ? r.junction.name : r.kind === 'computed' ? r.fn.name : r.fk.name}'`,
  );
  throw restError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${parent.name}' and '${name}'`,
    found.map((r) => describe(parent, r)),
    `Try changing '${name}' to one of the following: ${options.join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}
