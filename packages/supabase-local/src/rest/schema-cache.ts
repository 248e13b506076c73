import type { ClientBase, Pool, PoolClient } from 'pg';
import { type DbConfig, DEFAULT_DB_CONFIG, loadDbConfig } from './db-config';
import { buildRelationships, type RelationshipMap } from './relationship-graph';
import { type DbCompositeType, type DbEnum, loadSchemaTypes } from './schema-types';

// What PostgREST's schema cache holds (SchemaCache.hs), for the exposed schemas only: relations with
// columns and unique keys, foreign keys (for embedding), and functions (for /rpc). Loaded once and
// reloaded on `NOTIFY pgrst, 'reload schema'`, so requests never introspect.

export interface Column {
  name: string;
  /** format_type() output, safe to splice into SQL (it comes from the catalog). */
  type: string;
  typname: string;
  nullable: boolean;
  /** SQL expression for the column default (identity columns included), or null. */
  defaultExpr: string | null;
  generated: boolean;
  /** `generated always as identity`: Postgres refuses explicit values on insert and update. */
  identityAlways: boolean;
  /** pg_column_is_updatable: a view column that writes through to its base table (tables: true). */
  updatable: boolean;
}

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  /** Tables always; views when auto-updatable (or with rules/triggers) for UPDATE and DELETE, as postgres-meta. */
  updatable: boolean;
  columns: Column[];
  columnByName: Map<string, Column>;
  pk: string[];
  /** Primary key and unique, non-partial indexes on plain columns. */
  uniqueKeys: string[][];
  /** Computed fields: functions `f(row this_relation) returns <scalar>` usable like columns. */
  computed: Map<string, DbFunction>;
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  /** The FK columns are exactly a primary key or unique constraint of their table (one-to-one); copies through views keep it. */
  oneToOne: boolean;
}

export interface FunctionArg {
  name: string;
  type: string;
  /** pg_type.typname (`_int4` for int[]), as `supabase gen types` maps types. */
  typname: string;
  /** The type an argument is cast to: `bit`/`character` widened so values keep their full length. */
  castType: string;
  hasDefault: boolean;
  variadic: boolean;
}

export interface DbFunction {
  schema: string;
  name: string;
  args: FunctionArg[];
  /**
   * Reachable through /rpc, as PostgREST's routine cache decides: not a trigger function, and at most
   * one unnamed parameter, which must then be the only one and of type json, jsonb, text, xml or bytea
   * (it receives the whole request body).
   */
  callable: boolean;
  returnsSet: boolean;
  /** `ROWS 1`: a set-returning function declared to return one row (a to-one computed relationship). */
  singleRow: boolean;
  returnKind: 'void' | 'scalar' | 'composite';
  returnType: string;
  /** pg_type.typname of the return type (`trigger`, `record`, `int4`…). */
  returnTypname: string;
  /** OUT, INOUT and TABLE parameters, in order: the columns of the result rows. */
  outputs: { name: string; typname: string }[];
  /** Belongs to an extension (not the project's own API). */
  fromExtension: boolean;
  /** Table or view whose row type the function returns (enables embedding on its results). */
  returnRelation?: { schema: string; name: string };
  /** For one-argument functions taking a table's row: that table (computed fields). */
  rowArg?: { schema: string; name: string };
  volatility: 'i' | 's' | 'v';
}

export interface SchemaCache {
  relations: Map<string, Relation>;
  /** Foreign keys by their table and by the table they reference (`schema.name`); `db:types` renders them. */
  fksFrom: Map<string, ForeignKey[]>;
  fksTo: Map<string, ForeignKey[]>;
  /** Embeddable relationships by origin relation (`schema.name`), in PostgREST's order. */
  relationships: RelationshipMap;
  functions: Map<string, DbFunction[]>;
  /**
   * `ALTER ROLE … SET` values (e.g. anon's statement_timeout). Postgres applies them only at login, so
   * like PostgREST we apply the impersonated role's settings per request.
   */
  roleSettings: Map<string, [string, string][]>;
  enums: DbEnum[];
  compositeTypes: DbCompositeType[];
  /** PostgREST's in-database configuration (`pgrst.*` on the authenticator role), reloaded on its own. */
  dbConfig: DbConfig;
  loadedAt: number;
}

export const qualified = (schema: string, name: string) => `${schema}.${name}`;

const RELATIONS_SQL = `
select n.nspname as schema, c.relname as name, c.relkind::text as kind,
  c.relkind in ('r', 'p', 'f') or (pg_relation_is_updatable(c.oid, false) & 20) = 20 as updatable,
  coalesce((select json_agg(json_build_object(
      'name', a.attname,
      'type', format_type(a.atttypid, a.atttypmod),
      'typname', t.typname,
      'nullable', not a.attnotnull,
      'generated', a.attgenerated <> '',
      'identityAlways', a.attidentity = 'a',
      'updatable', pg_column_is_updatable(c.oid, a.attnum, false),
      'defaultExpr', case
        when a.attidentity <> '' then format('nextval(%L::regclass)', pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname))
        when a.attgenerated <> '' then null
        else pg_get_expr(d.adbin, d.adrelid) end
    ) order by a.attnum)
    from pg_attribute a
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]') as columns,
  coalesce((select json_agg(json_build_object('primary', i.indisprimary, 'columns',
      (select json_agg(a.attname order by k.ord) from unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum)))
    from pg_index i
    where i.indrelid = c.oid and i.indisunique and i.indpred is null and i.indexprs is null and 0 <> all(i.indkey::int2[])),
    '[]') as keys
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'f', 'p')`;

const FKS_SQL = `
select con.conname as name, n1.nspname as schema, c1.relname as table, n2.nspname as ref_schema, c2.relname as ref_table,
  (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
  (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns,
  (select array_agg(k order by k) from unnest(con.conkey) k) in (
    select array_agg(k order by k) from pg_constraint u, unnest(u.conkey) k
    where u.conrelid = con.conrelid and u.contype in ('p', 'u') group by u.oid) as one_to_one
from pg_constraint con
join pg_class c1 on c1.oid = con.conrelid join pg_namespace n1 on n1.oid = c1.relnamespace
join pg_class c2 on c2.oid = con.confrelid join pg_namespace n2 on n2.oid = c2.relnamespace
where con.contype = 'f' and con.conparentid = 0 and n1.nspname = any($1) and n2.nspname = any($1)
order by con.conrelid, con.conname`;

const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.pronargs as nargs, p.pronargdefaults as ndefaults,
  p.proretset as retset, p.prorows = 1 as single_row, p.prorettype = 'trigger'::regtype as returns_trigger,
  p.proargnames is null as no_names,
  exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') as from_extension, p.provolatile::text as volatility, rt.typname as rettypname, rt.typtype::text as rettyptype,
  format_type(p.prorettype, null) as rettype,
  rn.nspname as ret_rel_schema, rc.relname as ret_rel_name,
  case when p.pronargs = 1 then (select json_build_object('schema', an.nspname, 'name', ac.relname)
    from pg_type at join pg_class ac on ac.oid = at.typrelid join pg_namespace an on an.oid = ac.relnamespace
    where at.oid = p.proargtypes[0] and at.typtype = 'c') end as row_arg,
  coalesce((select json_agg(json_build_object('name', coalesce(p.proargnames[a.i], ''), 'type', format_type(a.t, null),
      'typname', (select typname from pg_type where oid = a.t), 'mode', coalesce(p.proargmodes[a.i]::text, 'i')) order by a.i)
    from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(t, i)), '[]') as args
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_type rt on rt.oid = p.prorettype
left join pg_class rc on rc.oid = rt.typrelid and rt.typtype = 'c'
left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1) and p.prokind = 'f'`;

// Only settings a plain user may change (or custom dotted GUCs); search_path stays ours.
const ROLE_SETTINGS_SQL = `
select r.rolname as role, split_part(c.setting, '=', 1) as key, substr(c.setting, strpos(c.setting, '=') + 1) as value
from pg_db_role_setting s
join pg_roles r on r.oid = s.setrole
cross join lateral unnest(s.setconfig) as c(setting)
where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
  and split_part(c.setting, '=', 1) <> 'search_path'
  and (split_part(c.setting, '=', 1) like '%.%'
    or exists (select 1 from pg_settings p where p.name = split_part(c.setting, '=', 1) and p.context = 'user'))
order by s.setdatabase`;

// Which base-table columns each view's rewrite rule reads (pg_depend). Used to let views inherit FKs
// and keys when they expose those columns under the same names — the common `select a, b from t` view.
const VIEW_COLUMNS_SQL = `
select distinct vn.nspname as view_schema, v.relname as view_name, tn.nspname as table_schema, t.relname as table_name,
  a.attname as column
from pg_rewrite r
join pg_class v on v.oid = r.ev_class and v.relkind in ('v', 'm')
join pg_namespace vn on vn.oid = v.relnamespace
join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
  and d.refclassid = 'pg_class'::regclass and d.refobjsubid > 0
join pg_class t on t.oid = d.refobjid and t.oid <> v.oid
join pg_namespace tn on tn.oid = t.relnamespace
join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
where vn.nspname = any($1)`;

interface ViewColumnRow {
  view_schema: string;
  view_name: string;
  table_schema: string;
  table_name: string;
  column: string;
}

interface RelationRow {
  schema: string;
  name: string;
  kind: string;
  updatable: boolean;
  columns: Column[];
  keys: { primary: boolean; columns: string[] }[];
}
interface FkRow {
  name: string;
  schema: string;
  table: string;
  ref_schema: string;
  ref_table: string;
  columns: string[];
  ref_columns: string[];
  one_to_one: boolean;
}
interface FunctionRow {
  schema: string;
  name: string;
  nargs: number;
  ndefaults: number;
  retset: boolean;
  single_row: boolean;
  from_extension: boolean;
  returns_trigger: boolean;
  no_names: boolean;
  volatility: 'i' | 's' | 'v';
  rettypname: string;
  rettyptype: string;
  rettype: string;
  ret_rel_schema: string | null;
  ret_rel_name: string | null;
  row_arg: { schema: string; name: string } | null;
  args: { name: string; type: string; typname: string; mode: string }[];
}

export async function loadSchemaCache(client: Pool | ClientBase, schemas: string[]): Promise<SchemaCache> {
  const [rels, fks, fns, settings, viewCols, types] = await Promise.all([
    client.query<RelationRow>(RELATIONS_SQL, [schemas]),
    client.query<FkRow>(FKS_SQL, [schemas]),
    client.query<FunctionRow>(FUNCTIONS_SQL, [schemas]),
    client.query<{ role: string; key: string; value: string }>(ROLE_SETTINGS_SQL),
    client.query<ViewColumnRow>(VIEW_COLUMNS_SQL, [schemas]),
    loadSchemaTypes(client, schemas),
  ]);
  const roleSettings = new Map<string, [string, string][]>();
  for (const r of settings.rows) {
    // Database-specific rows come last and override the global ones.
    const list = (roleSettings.get(r.role) ?? []).filter(([k]) => k !== r.key);
    list.push([r.key, r.value]);
    roleSettings.set(r.role, list);
  }
  const relations = new Map<string, Relation>();
  for (const r of rels.rows) {
    const pk = r.keys.find((k) => k.primary)?.columns ?? [];
    relations.set(qualified(r.schema, r.name), {
      schema: r.schema,
      name: r.name,
      kind: r.kind === 'r' || r.kind === 'p' || r.kind === 'f' ? 'table' : 'view',
      updatable: r.updatable,
      columns: r.columns,
      columnByName: new Map(r.columns.map((c) => [c.name, c])),
      pk,
      uniqueKeys: r.keys.map((k) => k.columns),
      computed: new Map(),
    });
  }
  const fksFrom = new Map<string, ForeignKey[]>();
  const fksTo = new Map<string, ForeignKey[]>();
  for (const f of fks.rows) {
    const fk: ForeignKey = {
      name: f.name,
      schema: f.schema,
      table: f.table,
      columns: f.columns,
      refSchema: f.ref_schema,
      refTable: f.ref_table,
      refColumns: f.ref_columns,
      oneToOne: f.one_to_one,
    };
    push(fksFrom, qualified(fk.schema, fk.table), fk);
    push(fksTo, qualified(fk.refSchema, fk.refTable), fk);
  }
  inheritThroughViews(relations, fksFrom, fksTo, viewCols.rows);
  const functions = new Map<string, DbFunction[]>();
  for (const f of fns.rows) {
    const fn = toFunction(f);
    push(functions, qualified(f.schema, f.name), fn);
    const owner = fn.rowArg && relations.get(qualified(fn.rowArg.schema, fn.rowArg.name));
    if (!owner || owner.columnByName.has(fn.name)) continue;
    // Functions returning a table's rows are computed relationships (relationship-graph.ts), not fields.
    const isRelationship = fn.returnKind === 'composite' && fn.returnRelation;
    if (!fn.returnsSet && fn.returnKind !== 'void' && !isRelationship) owner.computed.set(fn.name, fn);
  }
  for (const list of functions.values()) list.sort(compareOverloads);
  const allFks = [...fksFrom.values()].flat();
  const relationships = buildRelationships(relations, allFks, [...functions.values()].flat());
  return {
    relations,
    fksFrom,
    fksTo,
    relationships,
    functions,
    roleSettings,
    ...types,
    dbConfig: DEFAULT_DB_CONFIG,
    loadedAt: Date.now(),
  };
}

/**
 * Views inherit their base tables' FKs (both directions) and, for single-table views, unique keys,
 * when every column involved is exposed by the view under its own name and comes from one table only.
 */
function inheritThroughViews(
  relations: Map<string, Relation>,
  fksFrom: Map<string, ForeignKey[]>,
  fksTo: Map<string, ForeignKey[]>,
  rows: ViewColumnRow[],
): void {
  // view key → base table key → columns it reads
  const sources = new Map<string, Map<string, Set<string>>>();
  for (const r of rows) {
    const vk = qualified(r.view_schema, r.view_name);
    const tk = qualified(r.table_schema, r.table_name);
    const byTable = sources.get(vk) ?? new Map<string, Set<string>>();
    sources.set(vk, byTable);
    const cols = byTable.get(tk) ?? new Set<string>();
    byTable.set(tk, cols);
    cols.add(r.column);
  }
  const exposes = (vk: string, tk: string, cols: string[]): boolean => {
    const view = relations.get(vk);
    const byTable = sources.get(vk);
    if (!view || !byTable) return false;
    return cols.every(
      (c) =>
        view.columnByName.has(c) &&
        byTable.get(tk)?.has(c) &&
        [...byTable].filter(([, set]) => set.has(c)).length === 1,
    );
  };
  const derived: ForeignKey[] = [];
  for (const [vk, byTable] of sources) {
    const view = relations.get(vk);
    if (!view) continue;
    for (const tk of byTable.keys()) {
      for (const fk of fksFrom.get(tk) ?? []) {
        if (exposes(vk, tk, fk.columns)) derived.push({ ...fk, schema: view.schema, table: view.name });
      }
      const base = relations.get(tk);
      if (base && byTable.size === 1) {
        for (const key of base.uniqueKeys) if (exposes(vk, tk, key)) view.uniqueKeys.push(key);
        if (exposes(vk, tk, base.pk) && base.pk.length) view.pk = base.pk;
      }
    }
  }
  for (const fk of derived) {
    push(fksFrom, qualified(fk.schema, fk.table), fk);
    push(fksTo, qualified(fk.refSchema, fk.refTable), fk);
  }
  // FKs pointing at a base table also point at views exposing the referenced columns.
  for (const [vk, byTable] of sources) {
    const view = relations.get(vk);
    if (!view) continue;
    for (const tk of byTable.keys()) {
      for (const fk of [...(fksTo.get(tk) ?? [])]) {
        if (!exposes(vk, tk, fk.refColumns)) continue;
        const viaView: ForeignKey = { ...fk, refSchema: view.schema, refTable: view.name };
        push(fksFrom, qualified(fk.schema, fk.table), viaView);
        push(fksTo, vk, viaView);
      }
    }
  }
}

// Types whose casts truncate (`'abc'::character` is `a`); PostgREST casts arguments to the varying form.
const WIDENED: Record<string, string> = {
  bit: 'bit varying',
  'bit[]': 'bit varying[]',
  character: 'character varying',
  'character[]': 'character varying[]',
};

const BODY_TYPES = new Set(['bytea', 'json', 'jsonb', 'text', 'xml']);

function toFunction(f: FunctionRow): DbFunction {
  const inputs = f.args.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
  const firstDefault = inputs.length - f.ndefaults;
  const args = inputs.map((a, i) => ({
    name: a.name,
    type: a.type,
    typname: a.typname,
    castType: WIDENED[a.type] ?? a.type,
    hasDefault: i >= firstDefault,
    variadic: a.mode === 'v',
  }));
  // PostgREST counts parameters without a name only when none is named (proargnames is NULL); with
  // some named, the others are named '' and the function stays callable (those never match).
  const unnamed = f.no_names ? args.length : 0;
  const callable = !f.returns_trigger && (unnamed === 0 || (unnamed === 1 && BODY_TYPES.has(args[0].type)));
  let returnKind: DbFunction['returnKind'] = 'scalar';
  if (f.rettypname === 'void') returnKind = 'void';
  // OUT/INOUT/TABLE parameters make the result a row even when there is only one of them (Postgres
  // then reports that column's type, not record); PostgREST answers with objects either way.
  else if (f.rettyptype === 'c' || f.args.some((a) => a.mode === 'o' || a.mode === 't' || a.mode === 'b'))
    returnKind = 'composite';
  return {
    schema: f.schema,
    name: f.name,
    args,
    callable,
    returnsSet: f.retset,
    singleRow: f.single_row,
    returnKind,
    returnType: f.rettype,
    returnTypname: f.rettypname,
    outputs: f.args
      .filter((a) => a.mode === 'o' || a.mode === 't' || a.mode === 'b')
      .map((a) => ({ name: a.name, typname: a.typname })),
    fromExtension: f.from_extension,
    returnRelation: f.ret_rel_schema && f.ret_rel_name ? { schema: f.ret_rel_schema, name: f.ret_rel_name } : undefined,
    rowArg: f.row_arg ?? undefined,
    volatility: f.volatility,
  };
}

const cmp = (a: string | boolean, b: string | boolean) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * PostgREST's order of overloads (Routine's Ord): fewer parameters first, then parameter by parameter
 * (name, type, cast type, required, variadic). It decides the order candidates are listed in PGRST203.
 */
function compareOverloads(a: DbFunction, b: DbFunction): number {
  if (a.args.length !== b.args.length) return a.args.length - b.args.length;
  for (let i = 0; i < a.args.length; i++) {
    const x = a.args[i];
    const y = b.args[i];
    const c =
      cmp(x.name, y.name) ||
      cmp(x.type, y.type) ||
      cmp(x.castType, y.castType) ||
      cmp(!x.hasDefault, !y.hasDefault) ||
      cmp(x.variadic, y.variadic);
    if (c) return c;
  }
  return cmp(a.returnType, b.returnType);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Keeps the cache fresh: LISTEN pgrst on a dedicated admin connection, reload on 'reload schema'
 * (or an empty payload), exactly the channel and payloads PostgREST honours; 'reload config' is
 * answered by reloadConfig() (the in-database configuration, db-config.ts).
 */
export class SchemaCacheHolder {
  private current: Promise<SchemaCache>;
  private listener: PoolClient | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private detach: () => void = () => {};
  private inFlight: Promise<SchemaCache> | null = null;
  private dbConfig: Promise<DbConfig>;

  constructor(
    private readonly pool: Pool,
    private readonly schemas: string[],
  ) {
    this.dbConfig = loadDbConfig(pool).catch(() => DEFAULT_DB_CONFIG);
    this.current = this.load();
    // Unhandled rejections would crash the process; a failed load is retried on the next get().
    this.current.catch(() => {});
    void this.listen();
  }

  get(): Promise<SchemaCache> {
    return this.current.catch(() => this.reload());
  }

  /** The in-database configuration now (the same object the current cache carries once it has loaded). */
  config(): Promise<DbConfig> {
    return this.dbConfig;
  }

  /** Always starts a fresh load (DDL may have happened after an in-flight one began). */
  reload(): Promise<SchemaCache> {
    const next = this.load();
    this.inFlight = next;
    // Keep serving the previous cache until the new one is ready.
    next.then(
      () => {
        this.current = next;
      },
      () => {},
    );
    next
      .finally(() => {
        if (this.inFlight === next) this.inFlight = null;
      })
      .catch(() => {});
    return next;
  }

  /** The schema cache with the in-database config current when it finished loading. */
  private load(): Promise<SchemaCache> {
    return loadSchemaCache(this.pool, this.schemas).then(async (c) => ({ ...c, dbConfig: await this.dbConfig }));
  }

  /**
   * `NOTIFY pgrst, 'reload config'`: re-read the `pgrst.*` role settings and serve them with the same
   * schema cache (a new object, so plans built under the old config are not reused).
   */
  async reloadConfig(): Promise<DbConfig> {
    const previous = this.dbConfig;
    const next = loadDbConfig(this.pool).catch(() => previous);
    this.dbConfig = next;
    const config = await next;
    const cache = await this.current.catch(() => null);
    if (cache && cache.dbConfig !== config) this.current = Promise.resolve({ ...cache, dbConfig: config });
    return config;
  }

  /** Reload for a cache miss, joining one already in flight so bursts of misses cost one load. */
  refresh(): Promise<SchemaCache> {
    return this.inFlight ?? this.reload();
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    try {
      const client = await this.pool.connect();
      if (this.closed) {
        client.release();
        return;
      }
      this.listener = client;
      const onNotification = (msg: { channel: string; payload?: string }) => {
        if (msg.channel !== 'pgrst') return;
        if (!msg.payload || msg.payload === 'reload schema') void this.reload().catch(() => {});
        else if (msg.payload === 'reload config') void this.reloadConfig();
      };
      const onError = (err: Error) => {
        // Only the current listener is ours to release; close() may already have handed it back.
        if (this.listener !== client) return;
        this.listener = null;
        this.detach();
        client.release(err);
        this.scheduleRetry();
      };
      client.on('notification', onNotification);
      client.on('error', onError);
      this.detach = () => {
        client.off('notification', onNotification);
        client.off('error', onError);
      };
      await client.query('listen pgrst');
    } catch {
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.listen();
    }, 1000);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.listener;
    this.listener = null;
    if (client) {
      try {
        await client.query('unlisten pgrst');
      } catch {
        // The connection may already be gone; releasing below is what matters.
      }
      this.detach();
      client.release();
    }
  }
}
