import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { buildPlanStatement, buildRootRead, newScope, wrapPage } from './build-read';
import { type BuiltRpc, buildRpc, functionArgNames, resolveFunction } from './build-rpc';
import { buildDelete, buildInsert, buildUpdate, type WriteOptions } from './build-write';
import { errorResponse, parseError, pgErrorResponse, RestError, restError } from './errors';
import { execute, executeAll, isPgError, type Row, type TxEnv } from './execute';
import { Lru } from './lru';
import { parseQuery } from './parse-query';
import type { Statement } from './pipeline';
import type { ParsedQuery } from './query-types';
import { buildReadTree } from './read-tree';
import {
  ANON_ROLE,
  type Auth,
  authenticate,
  chooseSchema,
  type Negotiated,
  negotiateAccept,
  type Preferences,
  parsePrefer,
} from './request-context';
import { toCsv } from './respond';
import { qualified, type Relation, type SchemaCache, SchemaCacheHolder } from './schema-cache';
import { ident, Params, qualifiedIdent } from './sql';

// Routing and HTTP semantics of PostgREST: which statement to build for a request, and how its
// one-row result (total, page_total, body) becomes status, headers and body.

const JSON_CT = 'application/json; charset=utf-8';
const OBJECT_CT = 'application/vnd.pgrst.object+json; charset=utf-8';
const CSV_CT = 'text/csv; charset=utf-8';

/** A GET's statements, ready to run: what `readPlan` caches. */
interface ReadPlan {
  text: string;
  values: (string | null)[];
  /** EXPLAIN for planned/estimated counts, run before `text` in the same transaction. */
  before: Statement[];
  offset: number;
}

// Repeated GETs (same table, same query string) are common: polling, page loads, `.select()` after
// navigation. Caching their built SQL skips parsing and building; 500 shapes per schema cache.
const readPlans = new WeakMap<SchemaCache, Lru<string, ReadPlan>>();
const READ_PLANS_MAX = 500;

interface Request {
  req: ApiRequest;
  method: string;
  auth: Auth;
  schema: string;
  accept: Negotiated;
  prefs: Preferences;
}

export class RestService {
  readonly cache: SchemaCacheHolder;

  constructor(private readonly ctx: StackContext) {
    this.cache = new SchemaCacheHolder(ctx.adminPool, ctx.config.schemas);
  }

  handle = async (req: ApiRequest): Promise<ApiResponse> => {
    let isAnon = true;
    try {
      const method = req.method.toUpperCase();
      if (!['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'].includes(method)) {
        throw restError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
      }
      const auth = await authenticate(req.headers);
      isAnon = auth.role === ANON_ROLE;
      const schema = chooseSchema(req.headers, method, this.ctx.config.schemas);
      const accept = negotiateAccept(req.headers.accept);
      const prefs = parsePrefer(req.headers.prefer);
      if (prefs.handling === 'strict' && prefs.invalid.length) {
        throw restError(
          400,
          'PGRST122',
          'Invalid preferences given with handling=strict',
          `Invalid preferences: ${prefs.invalid.join(', ')}`,
        );
      }
      const r: Request = { req, method, auth, schema, accept, prefs };
      const segments = req.path.split('/').filter(Boolean).map(decodeSegment);
      let res: ApiResponse;
      if (segments.length === 0) res = await this.root(r);
      else if (segments.length === 2 && segments[0] === 'rpc') res = await this.rpc(r, segments[1]);
      else if (segments.length === 1) res = await this.table(r, segments[0]);
      else throw restError(404, 'PGRST125', 'Invalid path specified in request URL');
      if (method === 'HEAD') res.body = undefined;
      return res;
    } catch (err) {
      if (err instanceof RestError) return errorResponse(err.status, err.body, err.headers);
      if (isPgError(err)) return pgErrorResponse(err, isAnon);
      throw err;
    }
  };

  private env(r: Request, cache: SchemaCache, readOnly: boolean): TxEnv {
    return {
      auth: r.auth,
      schema: r.schema,
      extraSearchPath: this.ctx.config.extraSearchPath,
      req: r.req,
      readOnly,
      roleSettings: cache.roleSettings.get(r.auth.role) ?? [],
    };
  }

  /** A name missing from the cache triggers one reload, so a just-migrated table is found. */
  private async lookup<T>(find: (c: SchemaCache) => T | undefined): Promise<{ cache: SchemaCache; found?: T }> {
    let cache = await this.cache.get();
    let found = find(cache);
    if (found === undefined && Date.now() - cache.loadedAt > 250) {
      cache = await this.cache.refresh();
      found = find(cache);
    }
    return { cache, found };
  }

  private async table(r: Request, name: string): Promise<ApiResponse> {
    const { cache, found: rel } = await this.lookup((c) => c.relations.get(qualified(r.schema, name)));
    if (!rel) throw tableNotFound(cache, r.schema, name);
    if (r.method === 'GET' || r.method === 'HEAD') return this.read(r, cache, rel);
    const q = parseQuery(r.req.rawQuery);
    if (r.method === 'DELETE') {
      const built = buildDelete(cache, rel, q, this.writeOptions(r, q));
      return this.write(r, cache, 'delete', built);
    }
    const body = parseBody(r.req.body);
    if (r.method === 'POST') {
      const rows = Array.isArray(body) ? body : [body];
      if (!rows.every(isObject)) throw invalidBody();
      if (!q.columns && rows.length > 1) {
        const keys = Object.keys(rows[0]).sort().join(',');
        if (!rows.every((x) => Object.keys(x).sort().join(',') === keys)) {
          throw restError(400, 'PGRST102', 'All object keys must match');
        }
      }
      const built = buildInsert(cache, rel, q, rows, this.writeOptions(r, q));
      return this.write(r, cache, 'insert', built);
    }
    if (!isObject(body)) throw invalidBody();
    const built = buildUpdate(cache, rel, q, body, this.writeOptions(r, q));
    if (!built) return this.writeResponse(r, 'update', { total: '0', page_total: '0', body: '[]' });
    return this.write(r, cache, 'update', built);
  }

  private writeOptions(r: Request, _q: ParsedQuery): WriteOptions {
    return {
      representation: r.prefs.return === 'representation',
      count: r.prefs.count !== undefined,
      missingDefault: r.prefs.missing === 'default',
      resolution: r.prefs.resolution,
      stripNulls: r.accept.stripNulls,
      headersOnly: r.prefs.return === 'headers-only',
    };
  }

  private async read(r: Request, cache: SchemaCache, rel: Relation): Promise<ApiResponse> {
    const mode = r.prefs.count;
    const plan = this.readPlan(r, cache, rel);
    const { row, before } = await executeAll(
      this.ctx.apiPool,
      this.env(r, cache, true),
      { text: plan.text, values: plan.values },
      undefined,
      plan.before,
    );
    if (plan.before.length) {
      // planned: the planner's row estimate; estimated: exact up to db-max-rows, the estimate beyond.
      const planned = planRows(before[0]);
      if (mode === 'planned' || Number(row.total) > this.ctx.config.maxRows) row.total = String(planned);
    }
    return this.pageResponse(r, row, plan.offset, `/${rel.name}`);
  }

  /**
   * The statements for a read, built from the query string or taken from `readPlans`. Building
   * depends only on the schema cache, the relation, the raw query string, the count mode, the
   * null-stripping choice and db-max-rows (never on the role or claims: Postgres applies grants and
   * RLS), so those form the key; the cache hangs off the SchemaCache object, so a schema reload
   * starts empty. Parse and build errors are thrown before anything is cached.
   */
  private readPlan(r: Request, cache: SchemaCache, rel: Relation): ReadPlan {
    let plans = readPlans.get(cache);
    if (!plans) {
      plans = new Lru(READ_PLANS_MAX);
      readPlans.set(cache, plans);
    }
    const mode = r.prefs.count;
    const maxRows = this.ctx.config.maxRows;
    const key = `${rel.schema}\0${rel.name}\0${mode ?? ''}\0${r.accept.stripNulls}\0${maxRows}\0${r.req.rawQuery}`;
    const hit = plans.get(key);
    if (hit) return hit;
    const q = parseQuery(r.req.rawQuery);
    const tree = buildReadTree(cache, rel, q);
    const { limit, offset } = this.rootRange(q);
    const scope = newScope(new Params());
    const alias = ident(rel.name);
    const from = `${qualifiedIdent(rel.schema, rel.name)} AS ${alias}`;
    const read = buildRootRead(tree, from, alias, scope, {
      count: mode === 'planned' ? false : mode === 'estimated' ? 'estimated' : mode === 'exact',
      estimateCap: maxRows,
      maxRows,
      limit,
      offset,
    });
    const plan: ReadPlan = Object.freeze({
      text: wrapPage(read, r.accept.stripNulls ? 'strip-nulls' : 'array'),
      values: Object.freeze(scope.params.values) as (string | null)[],
      before: mode === 'planned' || mode === 'estimated' ? [buildPlanStatement(tree, from, alias)] : [],
      offset,
    });
    plans.set(key, plan);
    return plan;
  }

  private rootRange(q: ParsedQuery): { limit: number; offset: number } {
    const root = q.ranges.find((x) => x.path.length === 0);
    const max = this.ctx.config.maxRows;
    return { limit: Math.min(root?.limit ?? max, max), offset: root?.offset ?? 0 };
  }

  /** Status, Content-Range and body for anything that returns a page of rows. */
  private pageResponse(r: Request, row: Row, offset: number, location: string): ApiResponse {
    const page = Number(row.page_total ?? 0);
    const total =
      row.total === null || row.total === undefined || r.prefs.count === undefined ? null : Number(row.total);
    if (r.accept.media === 'object' && page !== 1) throw notSingular(page);
    const range = page > 0 ? `${offset}-${offset + page - 1}/${total ?? '*'}` : `*/${total ?? '*'}`;
    let status = 200;
    if (total !== null && offset > total) {
      throw restError(
        416,
        'PGRST103',
        'Requested range not satisfiable',
        `An offset of ${offset} was requested, but there are only ${total} rows.`,
      );
    }
    if (total !== null && page < total) status = 206;
    const headers: Record<string, string> = {
      'content-range': range,
      'content-location': `${location}${r.req.rawQuery ? `?${r.req.rawQuery}` : ''}`,
    };
    if (r.prefs.count) headers['preference-applied'] = `count=${r.prefs.count}`;
    return this.bodyResponse(r, status, row.body ?? '[]', headers);
  }

  private bodyResponse(r: Request, status: number, arrayBody: string, headers: Record<string, string>): ApiResponse {
    if (r.accept.media === 'object') {
      return { status, headers: { 'content-type': OBJECT_CT, ...headers }, body: singleElement(arrayBody) };
    }
    if (r.accept.media === 'csv')
      return { status, headers: { 'content-type': CSV_CT, ...headers }, body: toCsv(arrayBody) };
    return { status, headers: { 'content-type': JSON_CT, ...headers }, body: arrayBody };
  }

  private async write(
    r: Request,
    cache: SchemaCache,
    kind: 'insert' | 'update' | 'delete',
    built: { text: string; values: (string | null)[] },
  ): Promise<ApiResponse> {
    const single = r.accept.media === 'object';
    const max = r.prefs.handling === 'strict' ? r.prefs.maxAffected : undefined;
    const check =
      single || max !== undefined
        ? (row: Row) => {
            const n = Number(row.page_total ?? 0);
            if (single && n !== 1) return notSingular(n);
            if (max !== undefined && n > max) {
              return restError(
                400,
                'PGRST124',
                'Query result exceeds max-affected preference constraint',
                `The query affects ${n} rows`,
              );
            }
            return null;
          }
        : undefined;
    const row = await execute(this.ctx.apiPool, this.env(r, cache, false), built, check);
    const res = this.writeResponse(r, kind, row);
    if (row.location && res.headers) res.headers.location = locationOf(r.req.path, row.location);
    return res;
  }

  private writeResponse(r: Request, kind: 'insert' | 'update' | 'delete', row: Row): ApiResponse {
    const total = Number(row.total ?? 0);
    const shownTotal = r.prefs.count ? String(total) : '*';
    const range = kind === 'update' && total > 0 ? `0-${total - 1}/${shownTotal}` : `*/${shownTotal}`;
    const headers: Record<string, string> = { 'content-range': range };
    const applied = [r.prefs.return && `return=${r.prefs.return}`, r.prefs.count && `count=${r.prefs.count}`];
    if (kind === 'insert')
      applied.push(
        r.prefs.resolution && `resolution=${r.prefs.resolution}`,
        r.prefs.missing && `missing=${r.prefs.missing}`,
      );
    const appliedText = applied.filter(Boolean).join(', ');
    if (appliedText) headers['preference-applied'] = appliedText;
    let status = kind === 'insert' ? 201 : 204;
    if (kind === 'insert' && r.prefs.resolution === 'merge-duplicates' && row.inserted === '0' && total > 0)
      status = 200;
    if (r.prefs.return === 'representation' && row.body !== null && row.body !== undefined) {
      if (kind !== 'insert') status = 200;
      return this.bodyResponse(r, status, row.body, headers);
    }
    return { status, headers };
  }

  private async rpc(r: Request, name: string): Promise<ApiResponse> {
    const { cache } = await this.lookup((c) => c.functions.get(qualified(r.schema, name)));
    const argNames = functionArgNames(cache, r.schema, name);
    const isGet = r.method === 'GET' || r.method === 'HEAD';
    if (!isGet && r.method !== 'POST')
      throw restError(405, 'PGRST101', 'Only GET, HEAD and POST are allowed for calling functions');
    const q = parseQuery(r.req.rawQuery, isGet ? { isArgument: (k) => argNames.has(k) } : {});
    let fnArgs: { json: unknown } | { text: [string, string][] };
    let given: string[];
    if (isGet) {
      fnArgs = { text: q.raw };
      given = q.raw.map(([k]) => k);
    } else {
      const body = r.req.body.length === 0 ? {} : parseBody(r.req.body);
      fnArgs = { json: body };
      given = isObject(body) ? Object.keys(body) : [];
    }
    const fn = resolveFunction(cache, r.schema, name, given, !isGet);
    const readOnly = isGet || fn.volatility !== 'v';
    const { limit, offset } = this.rootRange(q);
    const built = buildRpc(cache, { fn, args: fnArgs }, q, {
      count: r.prefs.count !== undefined,
      limit: fn.returnsSet ? limit : undefined,
      offset: fn.returnsSet ? offset : undefined,
      stripNulls: r.accept.stripNulls,
    });
    const single = r.accept.media === 'object';
    const check =
      single && !readOnly && built.shape === 'array'
        ? (row: Row) => (Number(row.page_total) !== 1 ? notSingular(Number(row.page_total)) : null)
        : undefined;
    const row = await execute(
      this.ctx.apiPool,
      this.env(r, cache, readOnly),
      { text: built.text, values: built.values },
      check,
    );
    const res = this.rpcResponse(r, name, built.shape, row, offset);
    // `rpc(fn, args, { head: true })` with object args arrives as POST + return=minimal: no body, same headers.
    if (r.prefs.return === 'minimal' && res.status === 200) res.body = undefined;
    return res;
  }

  private rpcResponse(r: Request, name: string, shape: BuiltRpc['shape'], row: Row, offset: number): ApiResponse {
    if (shape === 'void') return { status: 204, headers: { 'content-range': '*/*' } };
    if (shape === 'array') return this.pageResponse(r, row, offset, `/rpc/${name}`);
    const headers = {
      'content-type': r.accept.media === 'object' ? OBJECT_CT : JSON_CT,
      'content-range': `0-0/${r.prefs.count ? '1' : '*'}`,
    };
    if (shape === 'object') {
      // A single composite is one object (json_agg gave `[obj]`); a NULL result is `null`.
      const obj = row.body && row.body !== '[]' ? singleElement(row.body) : 'null';
      return { status: 200, headers, body: obj };
    }
    return { status: 200, headers, body: row.body ?? 'null' };
  }

  /** `GET /`: a compact OpenAPI-style description of the exposed relations and functions. */
  private async root(r: Request): Promise<ApiResponse> {
    const cache = await this.cache.get();
    const paths: Record<string, unknown> = {};
    const definitions: Record<string, unknown> = {};
    for (const rel of cache.relations.values()) {
      if (rel.schema !== r.schema) continue;
      paths[`/${rel.name}`] = {};
      definitions[rel.name] = {
        type: 'object',
        required: rel.columns.filter((c) => !c.nullable && c.defaultExpr === null).map((c) => c.name),
        properties: Object.fromEntries(rel.columns.map((c) => [c.name, { format: c.type }])),
      };
    }
    for (const fns of cache.functions.values())
      for (const f of fns) if (f.schema === r.schema) paths[`/rpc/${f.name}`] = {};
    const body = {
      swagger: '2.0',
      info: { title: 'PostgREST API', version: '14.12' },
      basePath: '/',
      paths,
      definitions,
    };
    return {
      status: 200,
      headers: { 'content-type': 'application/openapi+json; charset=utf-8' },
      body: JSON.stringify(body),
    };
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw parseError(`invalid percent-encoding in path: ${s}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalidBody(): RestError {
  return restError(400, 'PGRST102', 'Empty or invalid json');
}

function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw invalidBody();
  }
}

/** `EXPLAIN (FORMAT JSON)` returns one row, one column: `[{"Plan": {"Plan Rows": n, …}}]`. */
function planRows(row: Row | undefined): number {
  const text = row ? Object.values(row)[0] : null;
  try {
    const plan = JSON.parse(text ?? '[]') as { Plan?: { 'Plan Rows'?: number } }[];
    return Math.round(plan[0]?.Plan?.['Plan Rows'] ?? 0);
  } catch {
    return 0;
  }
}

/** `Location: /t?id=eq.5` from the returned key columns (PostgREST's return=headers-only). */
function locationOf(path: string, keyJson: string): string {
  const key = JSON.parse(keyJson) as Record<string, unknown>;
  const query = Object.entries(key)
    .map(([k, v]) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(v === null ? 'null' : String(v))}`)
    .join('&');
  return `${path}?${query}`;
}

function notSingular(n: number): RestError {
  return restError(
    406,
    'PGRST116',
    'Cannot coerce the result to a single JSON object',
    `The result contains ${n} rows`,
  );
}

/** json_agg output is `[elem]` for one row: strip the brackets instead of re-parsing. */
function singleElement(arrayBody: string): string {
  const t = arrayBody.trim();
  return t.slice(1, -1).trim();
}

function tableNotFound(cache: SchemaCache, schema: string, name: string): RestError {
  let hint: string | null = null;
  const lower = name.toLowerCase();
  for (const rel of cache.relations.values()) {
    if (rel.schema !== schema) continue;
    const n = rel.name.toLowerCase();
    if (n === lower || n.startsWith(lower) || lower.startsWith(n) || n === `${lower}s` || `${n}s` === lower) {
      hint = `Perhaps you meant the table '${schema}.${rel.name}'`;
      break;
    }
  }
  return restError(404, 'PGRST205', `Could not find the table '${schema}.${name}' in the schema cache`, null, hint);
}
