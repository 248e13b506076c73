// Small SQL helpers shared by the statement builders. Identifiers are always double-quoted (quote_ident
// equivalent); every value arriving from the request goes through Params and is bound, never spliced.

/** quote_ident that always quotes: `a"b` → `"a""b"`. NUL bytes cannot appear in identifiers. */
export function ident(name: string): string {
  if (name.includes('\0')) throw new Error('identifier contains NUL');
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedIdent(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** Collects bound parameters; `add` returns the `$n` placeholder (optionally cast). */
export class Params {
  readonly values: (string | null)[] = [];
  add(value: string | null, cast?: string): string {
    this.values.push(value);
    const ref = `$${this.values.length}`;
    return cast ? `${ref}::${cast}` : ref;
  }
}

/** Postgres array literal from text items (every element quoted, so commas/braces/"null" stay text). */
export function pgArrayLiteral(items: string[]): string {
  return `{${items.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

// Keyword type names Postgres only accepts unquoted; anything else in a cast is a quoted identifier.
const KEYWORD_TYPES = new Set([
  'int',
  'integer',
  'smallint',
  'bigint',
  'real',
  'float',
  'double precision',
  'numeric',
  'decimal',
  'boolean',
  'bool',
  'char',
  'character',
  'varchar',
  'character varying',
  'text',
  'time',
  'timestamp',
  'timestamp with time zone',
  'timestamp without time zone',
  'time with time zone',
  'time without time zone',
  'interval',
  'date',
  'bit',
  'bit varying',
  'json',
  'jsonb',
  'uuid',
]);

/**
 * Renders a user-supplied cast target. PostgREST lets `[A-Za-z0-9_ $]` through; spaces would allow
 * `::int union select …`, so multi-word names must be known type keywords and single words are quoted.
 */
export function castType(raw: string): string | null {
  const isArray = raw.endsWith('[]');
  const base = (isArray ? raw.slice(0, -2) : raw).trim().toLowerCase().replace(/\s+/g, ' ');
  let sql: string;
  if (KEYWORD_TYPES.has(base)) sql = base;
  else if (/^[a-z_][a-z0-9_$]*$/.test(base)) sql = ident(base);
  else return null;
  return isArray ? `${sql}[]` : sql;
}
