import type { ClientBase, Pool } from 'pg';

// User-defined types of the exposed schemas, for the schema cache: enums (labels in sort order) and
// standalone composite types (`create type … as (…)`, attributes in order). PostgREST itself only
// needs them to cast; `db:types` renders them as Enums and CompositeTypes.

export interface DbEnum {
  schema: string;
  name: string;
  labels: string[];
}

export interface DbCompositeType {
  schema: string;
  name: string;
  attributes: { name: string; typname: string }[];
}

const ENUMS_SQL = `
select n.nspname as schema, t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
from pg_type t
join pg_enum e on e.enumtypid = t.oid
join pg_namespace n on n.oid = t.typnamespace
where n.nspname = any($1)
group by n.nspname, t.typname`;

// Row types of tables and views are composite too (typrelid's relkind r/v/m/p); only relkind 'c' is a
// type of its own.
const COMPOSITES_SQL = `
select n.nspname as schema, t.typname as name,
  coalesce((select json_agg(json_build_object('name', a.attname, 'typname', at.typname) order by a.attnum)
    from pg_attribute a join pg_type at on at.oid = a.atttypid
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as attributes
from pg_type t
join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
join pg_namespace n on n.oid = t.typnamespace
where n.nspname = any($1)`;

export async function loadSchemaTypes(
  client: Pool | ClientBase,
  schemas: string[],
): Promise<{ enums: DbEnum[]; compositeTypes: DbCompositeType[] }> {
  const [enums, composites] = await Promise.all([
    client.query<DbEnum>(ENUMS_SQL, [schemas]),
    client.query<DbCompositeType>(COMPOSITES_SQL, [schemas]),
  ]);
  return { enums: enums.rows, compositeTypes: composites.rows };
}
