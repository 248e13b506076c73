import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { buildPlanStatement, buildRootRead, newScope, wrapPage } from './build-read';
import { buildDelete, buildInsert, buildUpdate, type WriteOptions } from './build-write';
import { csvBody } from './csv-body';
import type { DbConfig } from './db-config';
import { errorResponse, parseError, pgErrorResponse, RestError, restError } from './errors';
import { executeAll, isPgError, type Row, type TxEnv } from './execute';
import { Lru } from './lru';
import {
  bodyMode,
  type MediaType,
  mediaTypeError,
  type Negotiated,
  negotiate,
  parseAccept,
  requestMediaType,
} from './media-type';
import { parseQuery } from './parse-query';
import { isObject, tablePayload } from './payload';
import type { Statement } from './pipeline';
import { type Preferences, parsePrefer, preferenceApplied } from './preferences';
import type { ParsedQuery } from './query-types';
import { buildReadTree } from './read-tree';
import { ANON_ROLE, type Auth, authenticate, chooseSchema } from './request-context';
import { bodyResponse, maxAffectedViolation, notSingular, pageResponse, planResponse } from './respond';
import { callFunction } from './rpc-handler';
import { qualified, type Relation, type SchemaCache, SchemaCacheHolder } from './schema-cache';
import { ident, Params, qualifiedIdent } from './sql';

// Routing and HTTP semantics of PostgREST: which statement to build for a request, in PostgREST's
// order of checks (path, schema, method, query string, body, schema cache, media type, preferences),
// how the transaction ends (db-tx-end and Prefer: tx) and how its result becomes the response.

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

const JSON_MEDIA: Negotiated = Object.freeze({ media: 'json', stripNulls: false, type: { kind: 'json' } as const });

export interface Request {
  req: ApiRequest;
  method: string;
  auth: Auth;
  schema: string;
  prefs: Preferences;
  accepts: MediaType[];
  config: DbConfig;
}

export class RestService {
  readonly cache: SchemaCacheHolder;

  constructor(readonly ctx: StackContext) {
    this.cache = new SchemaCacheHolder(ctx.adminPool, ctx.config.schemas);
  }

  handle = async (req: ApiRequest): Promise<ApiResponse> => {
    let isAnon = true;
    try {
      const method = req.method.toUpperCase();
      const auth = await authenticate(req.headers);
      isAnon = auth.role === ANON_ROLE;
      const segments = req.path.split('/').filter(Boolean).map(decodeSegment);
      const isRpc = segments.length === 2 && segments[0] === 'rpc';
      if (segments.length > 1 && !isRpc) throw restError(404, 'PGRST125', 'Invalid path specified in request URL');
      const schema = chooseSchema(req.headers, method, this.ctx.config.schemas);
      if (isRpc && !['GET', 'HEAD', 'POST'].includes(method))
        throw restError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
      if (
        !['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'].includes(method) ||
        (segments.length === 0 && method !== 'GET' && method !== 'HEAD')
      )
        throw restError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
      const config = await this.cache.config();
      const prefs = parsePrefer(req.headers.prefer, config.txAllowOverride);
      const r: Request = { req, method, auth, schema, prefs, accepts: parseAccept(req.headers.accept), config };
      let res: ApiResponse;
      if (segments.length === 0) res = await this.root(r);
      else if (isRpc) res = await callFunction(this, r, segments[1]);
      else res = await this.table(r, segments[0]);
      if (method === 'HEAD') res.body = undefined;
      return res;
    } catch (err) {
      if (err instanceof RestError) return errorResponse(err.status, err.body, err.headers);
      if (isPgError(err)) return pgErrorResponse(err, isAnon);
      throw err;
    }
  };

  env(r: Request, cache: SchemaCache, readOnly: boolean): TxEnv {
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
  async lookup<T>(find: (c: SchemaCache) => T | undefined): Promise<{ cache: SchemaCache; found?: T }> {
    let cache = await this.cache.get();
    let found = find(cache);
    if (found === undefined && Date.now() - cache.loadedAt > 250) {
      cache = await this.cache.refresh();
      found = find(cache);
    }
    return { cache, found };
  }

  private async table(r: Request, name: string): Promise<ApiResponse> {
    const isRead = r.method === 'GET' || r.method === 'HEAD';
    // PostgREST reads the query string and the body before it looks the table up.
    const q = isRead ? undefined : parseQuery(r.req.rawQuery, { limits: this.ctx.config.restLimits });
    const body =
      r.method === 'POST' || r.method === 'PATCH'
        ? tablePayload(r.req.body, requestMediaType(r.req.headers['content-type'])).value
        : undefined;
    const { cache, found: rel } = await this.lookup((c) => c.relations.get(qualified(r.schema, name)));
    if (!rel) {
      if (isRead) parseQuery(r.req.rawQuery, { limits: this.ctx.config.restLimits });
      throw tableNotFound(cache, r.schema, name);
    }
    if (isRead || !q) return this.read(r, cache, rel);
    if (r.method === 'DELETE') {
      const neg = this.negotiateWrite(r);
      const built = buildDelete(cache, rel, q, this.writeOptions(r, neg.value));
      return this.write(r, cache, 'delete', built, neg);
    }
    if (r.method === 'POST') {
      const rows = Array.isArray(body) ? body : [body];
      if (!rows.every(isObject)) throw restError(400, 'PGRST102', 'Empty or invalid json');
      if (!q.columns && rows.length > 1) {
        const keys = Object.keys(rows[0]).sort().join(',');
        if (!rows.every((x) => Object.keys(x).sort().join(',') === keys)) {
          throw restError(400, 'PGRST102', 'All object keys must match');
        }
      }
      const neg = this.negotiateWrite(r);
      const built = buildInsert(cache, rel, q, rows, this.writeOptions(r, neg.value));
      const hasKey = rel.pk.length > 0 || q.onConflict !== undefined;
      return this.write(r, cache, 'insert', built, neg, hasKey);
    }
    if (!isObject(body)) throw restError(400, 'PGRST102', 'Empty or invalid json');
    const neg = this.negotiateWrite(r);
    const built = buildUpdate(cache, rel, q, body, this.writeOptions(r, neg.value));
    if (!built) {
      this.checkPreferences(r);
      neg.check();
      return this.writeResponse(r, 'update', { total: '0', page_total: '0', body: '[]' }, neg.value);
    }
    return this.write(r, cache, 'update', built, neg);
  }

  /**
   * The media type, or the error to answer with, decided now but raised only after the statement is
   * built: PostgREST reports planning errors (unknown columns, relationships…) before PGRST107.
   */
  negotiateWrite(r: Request): { value: Negotiated; check: () => void } {
    try {
      const value = negotiate(r.accepts, r.config.planEnabled);
      return { value, check: () => {} };
    } catch (err) {
      return {
        value: JSON_MEDIA,
        check: () => {
          throw err;
        },
      };
    }
  }

  /** PGRST122: with handling=strict, preferences we do not know are an error. */
  checkPreferences(r: Request): void {
    if (r.prefs.handling === 'strict' && r.prefs.invalid.length) {
      throw restError(
        400,
        'PGRST122',
        'Invalid preferences given with handling=strict',
        `Invalid preferences: ${r.prefs.invalid.join(', ')}`,
      );
    }
  }

  /** db-tx-end and Prefer: tx (honoured only with `*-allow-override`, see parsePrefer). */
  rollback(r: Request): boolean {
    return r.prefs.tx === 'rollback' || (r.config.txRollbackAll && r.prefs.tx !== 'commit');
  }

  private writeOptions(r: Request, neg: Negotiated): WriteOptions {
    return {
      representation: r.prefs.return === 'representation',
      count: r.prefs.count !== undefined,
      missingDefault: r.prefs.missing === 'default',
      resolution: r.prefs.resolution,
      stripNulls: neg.stripNulls,
      csv: neg.media === 'csv',
      headersOnly: r.prefs.return === 'headers-only',
    };
  }

  private async read(r: Request, cache: SchemaCache, rel: Relation): Promise<ApiResponse> {
    const neg = this.negotiateWrite(r);
    const plan = this.readPlan(r, cache, rel, neg.value);
    neg.check();
    this.checkPreferences(r);
    if (neg.value.plan) return this.explain(r, cache, neg.value, plan, true);
    const mode = r.prefs.count;
    const { row, before } = await executeAll(
      this.ctx.apiPool,
      this.env(r, cache, true),
      { text: plan.text, values: plan.values },
      // A read-only transaction changes nothing, so even when it should end in ROLLBACK, ending it
      // with the pipeline's implicit COMMIT is the same and saves a round trip.
      { before: plan.before },
    );
    if (plan.before.length) {
      // planned: the planner's row estimate; estimated: exact up to db-max-rows, the estimate beyond.
      const planned = planRows(before[0]);
      if (mode === 'planned' || Number(row.total) > this.ctx.config.maxRows) row.total = String(planned);
    }
    return pageResponse(neg.value, row, {
      offset: plan.offset,
      location: `/${rel.name}`,
      rawQuery: r.req.rawQuery,
      counted: mode !== undefined,
      preferenceApplied: preferenceApplied(r.prefs, 'read'),
    });
  }

  /**
   * `Accept: application/vnd.pgrst.plan`: EXPLAIN of the statement the request would run, in the same
   * transaction settings. As in PostgREST, ANALYZE really runs a write, which is committed unless the
   * transaction ends in ROLLBACK (`Prefer: tx=rollback` with db-tx-end `*-allow-override`).
   */
  async explain(
    r: Request,
    cache: SchemaCache,
    neg: Negotiated,
    main: { text: string; values: (string | null)[] },
    readOnly: boolean,
  ): Promise<ApiResponse> {
    const plan = neg.plan;
    if (!plan) throw new Error('explain without a plan media type');
    const options = [`FORMAT ${plan.format.toUpperCase()}`, ...plan.options.map((o) => o.toUpperCase())];
    const { rows } = await executeAll(
      this.ctx.apiPool,
      this.env(r, cache, readOnly),
      { text: `EXPLAIN (${options.join(', ')}) ${main.text}`, values: main.values },
      { rollback: this.rollback(r) },
    );
    return planResponse(neg, rows);
  }

  /**
   * The statements for a read, built from the query string or taken from `readPlans`. Building
   * depends only on the schema cache, the relation, the raw query string, the count mode, the body
   * mode and db-max-rows (never on the role or claims: Postgres applies grants and RLS), so those
   * form the key; the cache hangs off the SchemaCache object, so a schema reload starts empty. Parse
   * and build errors are thrown before anything is cached.
   */
  private readPlan(r: Request, cache: SchemaCache, rel: Relation, neg: Negotiated): ReadPlan {
    let plans = readPlans.get(cache);
    if (!plans) {
      plans = new Lru(READ_PLANS_MAX);
      readPlans.set(cache, plans);
    }
    const mode = r.prefs.count;
    const maxRows = this.ctx.config.maxRows;
    const body = bodyMode(neg);
    const key = `${rel.schema}\0${rel.name}\0${mode ?? ''}\0${body}\0${maxRows}\0${r.req.rawQuery}`;
    const hit = plans.get(key);
    if (hit) return hit;
    const q = parseQuery(r.req.rawQuery, { limits: this.ctx.config.restLimits });
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
    let text: string;
    if (body === 'csv') {
      const total = read.countSql ? `(${read.countSql})` : 'NULL::bigint';
      const csv = csvBody('pgrst_source', null, scope.params);
      text = `WITH pgrst_source AS (${read.pageSql}) SELECT ${total} AS total, count(*) AS page_total, ${csv} AS body FROM pgrst_source pgrst_r`;
    } else {
      text = wrapPage(read, body);
    }
    const plan: ReadPlan = Object.freeze({
      text,
      values: Object.freeze(scope.params.values) as (string | null)[],
      before: mode === 'planned' || mode === 'estimated' ? [buildPlanStatement(tree, from, alias)] : [],
      offset,
    });
    plans.set(key, plan);
    return plan;
  }

  rootRange(q: ParsedQuery): { limit: number; offset: number } {
    const root = q.ranges.find((x) => x.path.length === 0);
    const max = this.ctx.config.maxRows;
    return { limit: Math.min(root?.limit ?? max, max), offset: root?.offset ?? 0 };
  }

  private async write(
    r: Request,
    cache: SchemaCache,
    kind: 'insert' | 'update' | 'delete',
    built: { text: string; values: (string | null)[] },
    neg: { value: Negotiated; check: () => void } = this.negotiateWrite(r),
    insertHasKey = false,
  ): Promise<ApiResponse> {
    this.checkPreferences(r);
    neg.check();
    if (neg.value.plan) return this.explain(r, cache, neg.value, built, false);
    const single = neg.value.media === 'object';
    const max = r.prefs.handling === 'strict' && kind !== 'insert' ? r.prefs.maxAffected : undefined;
    const check =
      single || max !== undefined
        ? (row: Row) => {
            const n = Number(row.page_total ?? 0);
            if (single && n !== 1) return notSingular(n);
            if (max !== undefined && n > max) return maxAffectedViolation(n);
            return null;
          }
        : undefined;
    const { row } = await executeAll(this.ctx.apiPool, this.env(r, cache, false), built, {
      check,
      rollback: this.rollback(r),
    });
    const res = this.writeResponse(r, kind, row, neg.value, insertHasKey);
    if (row.location && res.headers) res.headers.location = locationOf(r.req.path, row.location);
    return res;
  }

  private writeResponse(
    r: Request,
    kind: 'insert' | 'update' | 'delete',
    row: Row,
    neg: Negotiated,
    insertHasKey = false,
  ): ApiResponse {
    const total = Number(row.total ?? 0);
    const shownTotal = r.prefs.count ? String(total) : '*';
    const range = kind === 'update' && total > 0 ? `0-${total - 1}/${shownTotal}` : `*/${shownTotal}`;
    const headers: Record<string, string> = { 'content-range': range };
    const applied = preferenceApplied(r.prefs, kind, insertHasKey);
    if (applied) headers['preference-applied'] = applied;
    let status = kind === 'insert' ? 201 : 204;
    if (kind === 'insert' && r.prefs.resolution === 'merge-duplicates' && row.inserted === '0' && total > 0)
      status = 200;
    if (r.prefs.return === 'representation' && row.body !== null && row.body !== undefined) {
      if (kind !== 'insert') status = 200;
      return bodyResponse(neg, status, row.body, headers);
    }
    return { status, headers };
  }

  /** `GET /`: a compact OpenAPI-style description of the exposed relations and functions. */
  private async root(r: Request): Promise<ApiResponse> {
    if (!r.accepts.some((m) => m.kind === 'openapi' || m.kind === 'json' || m.kind === 'any'))
      throw mediaTypeError(r.accepts);
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
      for (const f of fns) if (f.schema === r.schema && f.callable) paths[`/rpc/${f.name}`] = {};
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
