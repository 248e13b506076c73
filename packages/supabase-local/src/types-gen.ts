import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { type DbFunction, loadSchemaCache, qualified, type Relation, type SchemaCache } from './rest/schema-cache';
import { HELPERS } from './types-gen-helpers';

// Writes lib/database.types.ts in the shape `supabase gen types typescript` produces. It renders the
// REST layer's schema cache, so the generated types see exactly the tables, views, functions and
// relationships /rest/v1 serves, and a change to how the cache understands them lands in both.

const SCALARS: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  oid: 'number',
  json: 'Json',
  jsonb: 'Json',
  void: 'undefined',
  record: 'Json',
};

// Unnamed parameters PostgREST can still call: the whole body as one json/jsonb/text argument.
const UNNAMED_ARG_TYPES = new Set(['json', 'jsonb', 'text']);

type Col = Relation['columns'][number];

/** Plain code-point order, as the catalog's C collation sorts (locale rules would move `_`). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A property name: bare when it is an identifier, quoted otherwise (`""` for an unnamed argument). */
const key = (name: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));

class SchemaRenderer {
  private readonly enums: Set<string>;
  private readonly composites: Set<string>;
  private readonly relations: Relation[];

  constructor(
    private readonly cache: SchemaCache,
    private readonly schema: string,
  ) {
    this.enums = new Set(cache.enums.filter((e) => e.schema === schema).map((e) => e.name));
    this.composites = new Set(cache.compositeTypes.filter((c) => c.schema === schema).map((c) => c.name));
    this.relations = [...cache.relations.values()]
      .filter((r) => r.schema === schema)
      .sort((a, b) => byCodePoint(a.name, b.name));
  }

  private ref(section: string, name: string, row = false): string {
    return `Database["${this.schema}"]["${section}"]["${name}"]${row ? '["Row"]' : ''}`;
  }

  /** pg_type.typname → TypeScript, as the CLI maps it (row types of tables and views included). */
  tsType(typname: string): string {
    if (typname.startsWith('_')) return `${this.tsType(typname.slice(1))}[]`;
    if (SCALARS[typname]) return SCALARS[typname];
    if (this.enums.has(typname)) return this.ref('Enums', typname);
    if (this.composites.has(typname)) return this.ref('CompositeTypes', typname);
    const relation = this.cache.relations.get(qualified(this.schema, typname));
    if (relation) return this.ref(relation.kind === 'table' ? 'Tables' : 'Views', typname, true);
    return 'string';
  }

  private relationBlock(rel: Relation): string {
    const t = (c: Col) => `${this.tsType(c.typname)}${c.nullable ? ' | null' : ''}`;
    const lines = (render: (c: Col) => string) => rel.columns.map((c) => `          ${render(c)}`).join('\n');
    const row = lines((c) => `${key(c.name)}: ${t(c)}`);
    let writes = '';
    if (rel.kind === 'table') {
      // Postgres refuses values for generated and `generated always` identity columns.
      const fixed = (c: Col) => c.generated || c.identityAlways;
      const insert = lines((c) =>
        fixed(c)
          ? `${key(c.name)}?: never`
          : `${key(c.name)}${c.nullable || c.defaultExpr !== null ? '?' : ''}: ${t(c)}`,
      );
      const update = lines((c) => (fixed(c) ? `${key(c.name)}?: never` : `${key(c.name)}?: ${t(c)}`));
      writes = `\n        Insert: {\n${insert}\n        }\n        Update: {\n${update}\n        }`;
    } else if (rel.updatable) {
      // As the CLI types views: every column optional and nullable, `never` where it does not write through.
      const write = lines((c) =>
        c.updatable ? `${key(c.name)}?: ${this.tsType(c.typname)} | null` : `${key(c.name)}?: never`,
      );
      writes = `\n        Insert: {\n${write}\n        }\n        Update: {\n${write}\n        }`;
    }
    return `      ${key(rel.name)}: {
        Row: {
${row}
        }${writes}
        Relationships: [${this.relationships(rel)}]
      }`;
  }

  /** FKs from this relation to relations of the same schema, views' inherited ones included. */
  private relationships(rel: Relation): string {
    const fks = (this.cache.fksFrom.get(qualified(rel.schema, rel.name)) ?? [])
      .filter((fk) => fk.refSchema === this.schema)
      .sort(
        (a, b) =>
          byCodePoint(a.name, b.name) ||
          byCodePoint(a.refTable, b.refTable) ||
          byCodePoint(JSON.stringify(a.refColumns), JSON.stringify(b.refColumns)),
      );
    if (fks.length === 0) return '';
    const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ');
    const items = fks.map(
      (fk) => `          {
            foreignKeyName: "${fk.name}"
            columns: [${list(fk.columns)}]
            isOneToOne: ${fk.oneToOne}
            referencedRelation: "${fk.refTable}"
            referencedColumns: [${list(fk.refColumns)}]
          },`,
    );
    return `\n${items.join('\n')}\n        `;
  }

  tables(): string[] {
    return this.relations.filter((r) => r.kind === 'table').map((r) => this.relationBlock(r));
  }

  views(): string[] {
    return this.relations.filter((r) => r.kind === 'view').map((r) => this.relationBlock(r));
  }

  private returns(fn: DbFunction, indent: string): string {
    let base: string;
    if (fn.outputs.length > 0) {
      const cols = fn.outputs.map((c) => `${indent}    ${key(c.name)}: ${this.tsType(c.typname)}`).join('\n');
      base = `{\n${cols}\n${indent}  }`;
    } else if (fn.returnRelation?.schema === this.schema) {
      base = this.tsType(fn.returnRelation.name);
    } else {
      base = this.tsType(fn.returnTypname);
    }
    return fn.returnsSet ? `${base}[]` : base;
  }

  private signature(fn: DbFunction, indent: string): string {
    const args = fn.args.length
      ? `{\n${fn.args.map((a) => `${indent}  ${key(a.name)}${a.hasDefault ? '?' : ''}: ${this.tsType(a.typname)}`).join('\n')}\n${indent}}`
      : 'never';
    return `${indent}Args: ${args}\n${indent}Returns: ${this.returns(fn, indent)}`;
  }

  /** Functions PostgREST can call; overloads become a union, as the CLI renders them. */
  functions(): string[] {
    const byName = new Map<string, DbFunction[]>();
    for (const fns of this.cache.functions.values()) {
      const callable = fns.filter((fn) => fn.schema === this.schema && !fn.fromExtension && isCallable(fn));
      if (callable.length) byName.set(callable[0].name, callable);
    }
    return [...byName.keys()].sort(byCodePoint).map((name) => {
      const fns = byName.get(name) ?? [];
      if (fns.length === 1) return `      ${key(name)}: {\n${this.signature(fns[0], '        ')}\n      }`;
      const variants = fns
        .map((fn) => ({ fn, sortKey: fn.args.map((a) => `${a.name} ${a.type}`).join(', ') }))
        .sort((a, b) => byCodePoint(a.sortKey, b.sortKey))
        .map(({ fn }) => `        | {\n${this.signature(fn, '            ')}\n          }`);
      return `      ${key(name)}:\n${variants.join('\n')}`;
    });
  }

  private enumList() {
    return this.cache.enums.filter((e) => e.schema === this.schema).sort((a, b) => byCodePoint(a.name, b.name));
  }

  enumTypes(): string[] {
    return this.enumList().map((e) => `      ${key(e.name)}: ${e.labels.map((l) => JSON.stringify(l)).join(' | ')}`);
  }

  enumConstants(): string {
    const list = this.enumList();
    const items = list.map((e) => `\n      ${key(e.name)}: [${e.labels.map((l) => JSON.stringify(l)).join(', ')}],`);
    return `  ${key(this.schema)}: {\n    Enums: {${items.join('')}${list.length ? '\n    ' : ''}},\n  },`;
  }

  compositeTypes(): string[] {
    return this.cache.compositeTypes
      .filter((c) => c.schema === this.schema)
      .sort((a, b) => byCodePoint(a.name, b.name))
      .map((c) => {
        // Attributes of a composite value are always nullable.
        const attrs = c.attributes.map((a) => `        ${key(a.name)}: ${this.tsType(a.typname)} | null`);
        return `      ${key(c.name)}: {\n${attrs.join('\n')}\n      }`;
      });
  }

  render(): string {
    const section = (items: string[]) =>
      items.length ? `{\n${items.join('\n')}\n    }` : '{\n      [_ in never]: never\n    }';
    return `  ${key(this.schema)}: {
    Tables: ${section(this.tables())}
    Views: ${section(this.views())}
    Functions: ${section(this.functions())}
    Enums: ${section(this.enumTypes())}
    CompositeTypes: ${section(this.compositeTypes())}
  }`;
  }
}

/**
 * What the CLI lists: no trigger functions, and only signatures PostgREST can call by name — every input
 * named, unnamed ones only when defaulted json/jsonb/text, or one unnamed json/jsonb/text or row argument.
 */
function isCallable(fn: DbFunction): boolean {
  if (fn.returnTypname === 'trigger' || fn.returnTypname === 'event_trigger') return false;
  const unnamed = fn.args.filter((a) => a.name === '');
  if (unnamed.length === 0) return true;
  if (unnamed.every((a) => a.hasDefault && UNNAMED_ARG_TYPES.has(a.typname))) return true;
  return fn.args.length === 1 && (UNNAMED_ARG_TYPES.has(fn.args[0].typname) || fn.rowArg !== undefined);
}

/** Loads the schema cache for the given schemas and renders the Database type file. */
export async function generateDatabaseTypes(postgresUrl: string, schemas = ['public']): Promise<string> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  let cache: SchemaCache;
  try {
    cache = await loadSchemaCache(client, schemas);
  } finally {
    await client.end();
  }
  const renderers = schemas.map((schema) => new SchemaRenderer(cache, schema));
  return `export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "14.1"
  }
${renderers.map((r) => r.render()).join('\n')}
}

${HELPERS}
export const Constants = {
${renderers.map((r) => r.enumConstants()).join('\n')}
} as const
`;
}

export async function writeDatabaseTypes(postgresUrl: string, file: string): Promise<string> {
  await writeFile(file, await generateDatabaseTypes(postgresUrl));
  return file;
}
