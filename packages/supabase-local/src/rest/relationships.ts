import { restError } from './errors';
import { fuzzyBest, fuzzyMatches } from './fuzzy';
import type { Relationship } from './relationship-graph';
import { qualified, type SchemaCache } from './schema-cache';

// Choosing the relationship an embed means, by PostgREST's rules (Plan.hs findRel): the target may be
// a table or view name, an FK constraint name or an FK column of the origin (those two not towards
// views), or a computed relationship's function name; a hint narrows by constraint, origin or target
// column, or junction table. Self-relationships read `t(*)` as the children and `fk_col(*)` as the
// parent. PGRST200 when nothing matches, 300 PGRST201 when several do.

export type { Relationship } from './relationship-graph';

const singleColumn = (r: Relationship) => (r.kind === 'fk' && r.columns.length === 1 ? r.columns[0] : undefined);

function matches(r: Relationship, target: string, hint: string | undefined): boolean {
  if (r.kind === 'computed') return target === r.fn.name;
  const col = singleColumn(r);
  const isO2M = r.kind === 'fk' && r.cardinality === 'one-to-many';
  const isM2O = r.kind === 'fk' && r.cardinality === 'many-to-one';
  const targetIsTable = target === r.target.name;
  if (r.isSelf) {
    if (hint === undefined) return (targetIsTable && isO2M) || (col?.[0] === target && isM2O);
    return targetIsTable && isO2M && col?.[1] === hint;
  }
  if (hint === undefined) {
    if (targetIsTable) return true;
    if (r.kind !== 'fk' || r.target.kind === 'view') return false;
    return r.constraint === target || col?.[0] === target;
  }
  if (!targetIsTable) return false;
  if (r.kind === 'many-to-many') return r.junction.name === hint;
  return r.constraint === hint || col?.[0] === hint || col?.[1] === hint;
}

/** Relationships starting at `schema.origin` towards relations of the same schema. */
function relationshipsOf(cache: SchemaCache, schema: string, origin: string): Relationship[] | undefined {
  const list = cache.relationships.get(qualified(schema, origin))?.filter((r) => r.target.schema === schema);
  return list?.length ? list : undefined;
}

export function findRelationship(
  cache: SchemaCache,
  schema: string,
  origin: string,
  target: string,
  hint?: string,
): Relationship {
  const found = (relationshipsOf(cache, schema, origin) ?? []).filter((r) => matches(r, target, hint));
  if (found.length === 1) return found[0];
  if (found.length === 0) {
    const using = hint !== undefined ? `' using the hint '${hint}` : '';
    throw restError(
      400,
      'PGRST200',
      `Could not find a relationship between '${origin}' and '${target}' in the schema cache`,
      `Searched for a foreign key relationship between '${origin}' and '${target}${using}' in the schema '${schema}', but no matches were found.`,
      noRelationshipHint(cache, schema, origin, target),
    );
  }
  throw restError(
    300,
    'PGRST201',
    `Could not embed because more than one relationship was found for '${origin}' and '${target}'`,
    found.map(describe),
    `Try changing '${target}' to one of the following: ${found.map(hintFor).join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}

/** Error.hs noRelBetweenHint: a close child name if the origin has relationships, else a close origin. */
function noRelationshipHint(cache: SchemaCache, schema: string, origin: string, target: string): string | null {
  const own = relationshipsOf(cache, schema, origin);
  if (own) {
    const child = fuzzyMatches(
      own.map((r) => r.target.name),
      target,
    ).find(([score]) => score < 1)?.[1];
    return child === undefined ? null : `Perhaps you meant '${child}' instead of '${target}'.`;
  }
  const origins: string[] = [];
  for (const list of cache.relationships.values()) {
    if (list.some((r) => r.target.schema === schema)) origins.push(list[0].table.name);
  }
  const parent = fuzzyBest(origins, origin);
  return parent === undefined ? null : `Perhaps you meant '${parent}' instead of '${origin}'.`;
}

const columnsOf = (cols: string[]) => `(${cols.join(', ')})`;

/** Error.hs compressedRel. */
function describe(r: Relationship): Record<string, string> {
  const embedding = `${r.table.name} with ${r.target.name}`;
  if (r.kind === 'computed') return {};
  if (r.kind === 'many-to-many') {
    return {
      cardinality: 'many-to-many',
      embedding,
      relationship: `${r.junction.name} using ${r.constraint1}${columnsOf(r.sourceColumns.map((c) => c[1]))} and ${r.constraint2}${columnsOf(r.targetColumns.map((c) => c[1]))}`,
    };
  }
  return {
    cardinality: r.cardinality,
    embedding,
    relationship: `${r.constraint} using ${r.table.name}${columnsOf(r.columns.map((c) => c[0]))} and ${r.target.name}${columnsOf(r.columns.map((c) => c[1]))}`,
  };
}

function hintFor(r: Relationship): string {
  if (r.kind === 'computed') return '';
  return `'${r.target.name}!${r.kind === 'many-to-many' ? r.junction.name : r.constraint}'`;
}
