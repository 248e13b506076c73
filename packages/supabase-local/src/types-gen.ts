import { writeFile } from 'node:fs/promises';
import pg from 'pg';

// Writes lib/database.types.ts in the shape `supabase gen types typescript` produces, from the
// live schema, so the app's clients are SupabaseClient<Database> and rows are derived, not retyped.

interface Column {
  table: string;
  name: string;
  type: string;
  elemType: string | null;
  typeKind: string;
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
  isView: boolean;
}

interface Relationship {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  oneToOne: boolean;
}

interface FunctionDef {
  name: string;
  args: { name: string; type: string; hasDefault: boolean }[];
  returns: string;
  returnsSet: boolean;
  returnsTable: { name: string; type: string }[] | null;
}

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

function tsType(type: string, enums: Set<string>, schema: string): string {
  if (type.startsWith('_')) return `${tsType(type.slice(1), enums, schema)}[]`;
  if (SCALARS[type]) return SCALARS[type];
  if (enums.has(type)) return `Database["${schema}"]["Enums"]["${type}"]`;
  return 'string';
}

async function introspect(client: pg.Client, schema: string) {
  const columns = (
    await client.query<Column>(
      `select c.relname as "table", a.attname as name, t.typname as type, null as "elemType", t.typtype as "typeKind",
              not a.attnotnull as nullable, (a.atthasdef or a.attidentity <> '') as "hasDefault",
              (a.attgenerated <> '') as generated, c.relkind in ('v', 'm') as "isView"
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
         join pg_type t on t.oid = a.atttypid
        where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
      [schema],
    )
  ).rows;
  const relationships = (
    await client.query<Relationship>(
      `select c.relname as "table", con.conname as name,
              array(select attname::text from pg_attribute where attrelid = con.conrelid and attnum = any(con.conkey) order by array_position(con.conkey, attnum)) as columns,
              rc.relname as "refTable",
              array(select attname::text from pg_attribute where attrelid = con.confrelid and attnum = any(con.confkey) order by array_position(con.confkey, attnum)) as "refColumns",
              exists (select 1 from pg_index i where i.indrelid = con.conrelid and i.indisunique
                        and (select array_agg(k order by k) from unnest(i.indkey::int2[]) k) = (select array_agg(k order by k) from unnest(con.conkey) k)) as "oneToOne"
         from pg_constraint con
         join pg_class c on c.oid = con.conrelid
         join pg_namespace n on n.oid = c.relnamespace
         join pg_class rc on rc.oid = con.confrelid
         join pg_namespace rn on rn.oid = rc.relnamespace
        where con.contype = 'f' and n.nspname = $1 and rn.nspname = $1
        order by c.relname, con.conname`,
      [schema],
    )
  ).rows;
  const enumRows = (
    await client.query<{ name: string; labels: string[] }>(
      `select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = $1 group by t.typname order by t.typname`,
      [schema],
    )
  ).rows;
  const functions = (
    await client.query<{
      name: string;
      argNames: string[] | null;
      argTypes: string[];
      argModes: string[] | null;
      nDefaults: number;
      returns: string;
      returnsSet: boolean;
    }>(
      `select p.proname as name, p.proargnames as "argNames",
              array(select format_type_name from (select t.typname::text as format_type_name, ord from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(oid, ord) join pg_type t on t.oid = u.oid) x order by ord) as "argTypes",
              p.proargmodes::text[] as "argModes", p.pronargdefaults as "nDefaults", rt.typname as returns, p.proretset as "returnsSet"
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type rt on rt.oid = p.prorettype
        where n.nspname = $1 and p.prokind = 'f' and rt.typname <> 'trigger'
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
        order by p.proname`,
      [schema],
    )
  ).rows;
  const fns: FunctionDef[] = functions.map((f) => {
    const modes = f.argModes ?? f.argTypes.map(() => 'i');
    const names = f.argNames ?? [];
    const inputs = f.argTypes
      .map((type, i) => ({ name: names[i] ?? `arg${i}`, type, mode: modes[i] }))
      .filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
    const outputs = f.argTypes
      .map((type, i) => ({ name: names[i] ?? `col${i}`, type, mode: modes[i] }))
      .filter((a) => a.mode === 't' || a.mode === 'o' || a.mode === 'b');
    return {
      name: f.name,
      args: inputs.map((a, i) => ({ name: a.name, type: a.type, hasDefault: i >= inputs.length - f.nDefaults })),
      returns: f.returns,
      returnsSet: f.returnsSet,
      returnsTable: outputs.length ? outputs : null,
    };
  });
  return { columns, relationships, enums: enumRows, functions: fns };
}

function render(schema: string, data: Awaited<ReturnType<typeof introspect>>): string {
  const enums = new Set(data.enums.map((e) => e.name));
  const t = (type: string) => tsType(type, enums, schema);
  const byTable = new Map<string, Column[]>();
  for (const c of data.columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  const tableTypes: string[] = [];
  const viewTypes: string[] = [];
  const tableNames = new Set<string>();
  for (const [table, cols] of byTable) {
    const isView = cols[0].isView;
    if (!isView) tableNames.add(table);
    const rels = data.relationships
      .filter((r) => r.table === table)
      .map(
        (r) => `          {
            foreignKeyName: "${r.name}"
            columns: [${r.columns.map((c) => `"${c}"`).join(', ')}]
            isOneToOne: ${r.oneToOne}
            referencedRelation: "${r.refTable}"
            referencedColumns: [${r.refColumns.map((c) => `"${c}"`).join(', ')}]
          },`,
      );
    const row = cols.map((c) => `          ${c.name}: ${t(c.type)}${c.nullable ? ' | null' : ''}`).join('\n');
    const insert = cols
      .map((c) =>
        c.generated
          ? `          ${c.name}?: never`
          : `          ${c.name}${c.nullable || c.hasDefault ? '?' : ''}: ${t(c.type)}${c.nullable ? ' | null' : ''}`,
      )
      .join('\n');
    const update = cols
      .map((c) =>
        c.generated
          ? `          ${c.name}?: never`
          : `          ${c.name}?: ${t(c.type)}${c.nullable ? ' | null' : ''}`,
      )
      .join('\n');
    const block = `      ${table}: {
        Row: {
${row}
        }
        Insert: {
${insert}
        }
        Update: {
${update}
        }
        Relationships: [${rels.length ? `\n${rels.join('\n')}\n        ` : ''}]
      }`;
    (isView ? viewTypes : tableTypes).push(block);
  }
  const returnsOf = (f: FunctionDef) => {
    const base = f.returnsTable
      ? `{\n${f.returnsTable.map((c) => `            ${c.name}: ${t(c.type)}`).join('\n')}\n          }`
      : tableNames.has(f.returns)
        ? `Database["${schema}"]["Tables"]["${f.returns}"]["Row"]`
        : t(f.returns);
    return f.returnsSet ? `${base}[]` : base;
  };
  const fnTypes = data.functions.map(
    (f) => `      ${f.name}: {
        Args: ${f.args.length ? `{\n${f.args.map((a) => `          ${a.name}${a.hasDefault ? '?' : ''}: ${t(a.type)}`).join('\n')}\n        }` : 'never'}
        Returns: ${returnsOf(f)}
      }`,
  );
  const enumTypes = data.enums.map((e) => `      ${e.name}: ${e.labels.map((l) => `"${l}"`).join(' | ')}`);
  const section = (items: string[]) =>
    items.length ? `{\n${items.join('\n')}\n    }` : '{\n      [_ in never]: never\n    }';
  return `  ${schema}: {
    Tables: ${section(tableTypes)}
    Views: ${section(viewTypes)}
    Functions: ${section(fnTypes)}
    Enums: ${section(enumTypes)}
    CompositeTypes: {
      [_ in never]: never
    }
  }`;
}

const HELPERS = `type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never
`;

/** Introspects the exposed schemas and writes the Database type file; returns its path. */
export async function generateDatabaseTypes(postgresUrl: string, schemas = ['public']): Promise<string> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const blocks: string[] = [];
    const constants: string[] = [];
    for (const schema of schemas) {
      const data = await introspect(client, schema);
      blocks.push(render(schema, data));
      constants.push(
        `  ${schema}: {\n    Enums: {${data.enums.map((e) => `\n      ${e.name}: [${e.labels.map((l) => `"${l}"`).join(', ')}],`).join('')}${data.enums.length ? '\n    ' : ''}},\n  },`,
      );
    }
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
${blocks.join('\n')}
}

${HELPERS}
export const Constants = {
${constants.join('\n')}
} as const
`;
  } finally {
    await client.end();
  }
}

export async function writeDatabaseTypes(postgresUrl: string, file: string): Promise<string> {
  await writeFile(file, await generateDatabaseTypes(postgresUrl));
  return file;
}
