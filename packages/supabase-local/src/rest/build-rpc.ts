import { buildRootRead, newScope, wrapPage } from './build-read';
import { csvBody, rootFilterFields, sourceColumns } from './csv-body';
import type { ParsedQuery } from './query-types';
import { buildReadTree } from './read-tree';
import { type DbFunction, qualified, type SchemaCache } from './schema-cache';
import { ident, Params, pgArrayLiteral, qualifiedIdent } from './sql';

// The statement for /rpc/fn once the overload is chosen (rpc-resolve.ts), shaped like PostgREST's
// callPlanToQuery: named arguments (`"a" := $1::int`), a JSON body spread by json_to_record(set)
// (first element of an array body), or the whole body as the single unnamed parameter. Set-returning
// and composite results go through the normal read builder, so select/filters/order/limit apply.

/** How the arguments arrive (PostgREST's CallArgs). */
export type CallArgs =
  /** GET query parameters or a form-urlencoded body: text values, repeated keys for VARIADIC. */
  | { kind: 'direct'; values: [string, string][] }
  /** A JSON text: an object, or an array whose first element is used. */
  | { kind: 'json'; body: string }
  /** The request body itself, for the single unnamed parameter (text, xml, json or bytea). */
  | { kind: 'raw'; body: string | Buffer };

export interface RpcCall {
  fn: DbFunction;
  args: CallArgs;
  /** The argument names the call was resolved with; only these parameters are passed. */
  keys: string[];
}

export interface RpcOptions {
  count: boolean;
  limit?: number;
  offset?: number;
  body: 'array' | 'strip-nulls' | 'csv';
}

export interface BuiltRpc {
  text: string;
  values: (string | null)[];
  /** How the handler shapes the body: 204, a scalar, one object, or an array. */
  shape: 'void' | 'scalar' | 'object' | 'array';
}

/** `target(args)` plus the FROM items its argument references need. */
function callExpr(call: RpcCall, p: Params): { expr: string; from: string } {
  const { fn, args } = call;
  const target = qualifiedIdent(fn.schema, fn.name);
  if (fn.args.length === 1 && fn.args[0].name === '') {
    const [arg] = fn.args;
    let value: string;
    if (args.kind === 'raw') value = Buffer.isBuffer(args.body) ? `\\x${args.body.toString('hex')}` : args.body;
    else if (args.kind === 'json') value = args.body;
    else value = JSON.stringify(Object.fromEntries(args.values));
    return { expr: `${target}(${p.add(value, arg.type)})`, from: '' };
  }
  const params = fn.args.filter((a) => call.keys.includes(a.name));
  if (params.length === 0) return { expr: `${target}()`, from: '' };
  const variadic = (a: (typeof params)[number]) => (a.variadic ? 'VARIADIC ' : '');
  if (args.kind === 'json') {
    const decl = params.map((a) => `${ident(a.name)} ${a.castType}`).join(', ');
    const toRecord = /^[ \t\n\r]*\{/.test(args.body) ? 'json_to_record' : 'json_to_recordset';
    const from = `(SELECT * FROM ${toRecord}(${p.add(args.body, 'json')}) AS pgrst_a(${decl}) LIMIT 1) pgrst_args`;
    const list = params.map((a) => `${variadic(a)}${ident(a.name)} := pgrst_args.${ident(a.name)}`);
    return { expr: `${target}(${list.join(', ')})`, from };
  }
  const values = args.kind === 'direct' ? args.values : [];
  const list = params.map((a) => {
    const given = values.filter(([k]) => k === a.name).map(([, v]) => v);
    // Repeated keys fill a VARIADIC parameter in order; otherwise the last one counts.
    const value = a.variadic ? p.add(pgArrayLiteral(given), 'text[]') : p.add(given.at(-1) ?? null);
    return `${variadic(a)}${ident(a.name)} := ${value}::${a.castType}`;
  });
  return { expr: `${target}(${list.join(', ')})`, from: '' };
}

export function buildRpc(cache: SchemaCache, call: RpcCall, q: ParsedQuery, opts: RpcOptions): BuiltRpc {
  const params = new Params();
  const { fn } = call;
  const { expr, from } = callExpr(call, params);
  const fromSql = from ? ` FROM ${from}` : '';
  if (fn.returnKind === 'void') {
    return {
      text: `SELECT NULL::bigint AS total, 1 AS page_total, NULL::text AS body, ${expr}${fromSql}`,
      values: params.values,
      shape: 'void',
    };
  }
  if (fn.returnKind === 'scalar' && !fn.returnsSet) {
    // PostgREST's source column for a scalar is `pgrst_scalar`, which is what its CSV header names.
    const text =
      opts.body === 'csv'
        ? `WITH pgrst_call AS MATERIALIZED (SELECT ${expr} AS pgrst_scalar${fromSql}) SELECT NULL::bigint AS total, 1 AS page_total, ${csvBody('pgrst_call', ['pgrst_scalar'], params)} AS body FROM pgrst_call pgrst_r`
        : `SELECT NULL::bigint AS total, 1 AS page_total, to_json(${expr})::text AS body${fromSql}`;
    return { text, values: params.values, shape: 'scalar' };
  }
  const alias = ident(fn.name);
  const source = from
    ? `SELECT ${alias}.* FROM ${from}, LATERAL ${expr} AS ${alias}`
    : `SELECT ${alias}.* FROM ${expr} AS ${alias}`;
  const relation = fn.returnRelation
    ? cache.relations.get(qualified(fn.returnRelation.schema, fn.returnRelation.name))
    : undefined;
  const scope = newScope(params);
  const scalarSet = fn.returnKind === 'scalar';
  const tree = buildReadTree(cache, relation, scalarSet ? { ...q, select: [{ type: 'star' }] } : q);
  const read = buildRootRead(tree, `pgrst_call AS ${alias}`, alias, scope, {
    count: opts.count,
    limit: opts.limit,
    offset: opts.offset,
  });
  let page: string;
  if (opts.body === 'csv') {
    const header = scalarSet ? ['pgrst_scalar'] : sourceColumns(tree, rootFilterFields(tree));
    const total = read.countSql ? `(${read.countSql})` : 'NULL::bigint';
    page = `SELECT ${total} AS total, count(*) AS page_total, ${csvBody('pgrst_call', header, params)} AS body FROM (${read.pageSql}) pgrst_r`;
  } else {
    page = wrapPage(read, opts.body);
    // A set of scalars is returned as a JSON array of values, not of one-key objects.
    if (scalarSet)
      page = page.replace("coalesce(json_agg(pgrst_r), '[]')", `coalesce(json_agg(pgrst_r.${alias}), '[]')`);
  }
  const text = `WITH pgrst_call AS MATERIALIZED (${source}) ${page}`;
  return { text, values: params.values, shape: fn.returnsSet ? 'array' : 'object' };
}
