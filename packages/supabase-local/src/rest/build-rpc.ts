import { buildRootRead, newScope, wrapPage } from './build-read';
import { restError } from './errors';
import type { ParsedQuery } from './query-types';
import { buildReadTree } from './read-tree';
import { type DbFunction, qualified, type SchemaCache } from './schema-cache';
import { ident, Params, qualifiedIdent } from './sql';

// /rpc/fn: overload resolution by argument names (PostgREST's rule), and the call statement. Set-returning
// and composite results go through the normal read builder, so select/filters/order/limit apply to them.

export function functionArgNames(cache: SchemaCache, schema: string, name: string): Set<string> {
  const names = new Set<string>();
  for (const f of cache.functions.get(qualified(schema, name)) ?? [])
    for (const a of f.args) if (a.name) names.add(a.name);
  return names;
}

function signature(f: DbFunction): string {
  return `${f.schema}.${f.name}(${f.args.map((a) => (a.name ? `${a.name} => ${a.type}` : a.type)).join(', ')})`;
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function resolveFunction(
  cache: SchemaCache,
  schema: string,
  name: string,
  argNames: string[],
  jsonBody: boolean,
): DbFunction {
  const overloads = cache.functions.get(qualified(schema, name)) ?? [];
  const named = overloads.filter(
    (f) =>
      !f.singleJsonArg &&
      argNames.every((n) => f.args.some((a) => a.name === n)) &&
      f.args.every((a) => a.hasDefault || argNames.includes(a.name)),
  );
  const matches = named.length > 0 ? named : jsonBody ? overloads.filter((f) => f.singleJsonArg) : [];
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw restError(
      300,
      'PGRST203',
      `Could not choose the best candidate function between: ${matches.map(signature).join(', ')}`,
      null,
      'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    );
  }
  const fq = `${schema}.${name}`;
  const withArgs = argNames.length ? `(${argNames.join(', ')})` : ' without parameters';
  const searched = argNames.length ? ` with parameters ${argNames.join(', ')}` : ' without parameters';
  let hint: string | null = null;
  let best = Number.POSITIVE_INFINITY;
  for (const key of cache.functions.keys()) {
    // When the name exists only the arguments are wrong: suggesting the same function would not help.
    if (!key.startsWith(`${schema}.`) || overloads.length > 0) continue;
    const d = levenshtein(key, fq);
    if (d < best && d <= Math.max(3, fq.length / 3)) {
      best = d;
      hint = `Perhaps you meant to call the function ${key}`;
    }
  }
  throw restError(
    404,
    'PGRST202',
    `Could not find the function ${fq}${withArgs} in the schema cache`,
    `Searched for the function ${fq}${searched} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    hint,
  );
}

export interface RpcCall {
  fn: DbFunction;
  /** POST: the JSON body object; GET: raw text arguments. */
  args: { json: unknown } | { text: [string, string][] };
}

export interface RpcOptions {
  count: boolean;
  limit?: number;
  offset?: number;
  stripNulls: boolean;
}

export interface BuiltRpc {
  text: string;
  values: (string | null)[];
  /** How the handler shapes the body: 204, a scalar, one object, or an array. */
  shape: 'void' | 'scalar' | 'object' | 'array';
}

function callExpr(call: RpcCall, p: Params): { expr: string; from: string } {
  const { fn } = call;
  const target = qualifiedIdent(fn.schema, fn.name);
  if ('json' in call.args) {
    if (fn.singleJsonArg)
      return { expr: `${target}(${p.add(JSON.stringify(call.args.json), fn.args[0].type)})`, from: '' };
    const body = (call.args.json ?? {}) as Record<string, unknown>;
    const given = fn.args.filter((a) => a.name in body);
    if (given.length === 0) return { expr: `${target}()`, from: '' };
    // json_to_record converts JSON values (arrays, objects, numbers) to the declared parameter types.
    const decl = given.map((a) => `${ident(a.name)} ${a.type}`).join(', ');
    const from = `json_to_record(${p.add(JSON.stringify(body), 'json')}) AS pgrst_args(${decl})`;
    return {
      expr: `${target}(${given.map((a) => `${ident(a.name)} := pgrst_args.${ident(a.name)}`).join(', ')})`,
      from,
    };
  }
  const text = call.args.text;
  const parts = fn.args
    .filter((a) => text.some(([k]) => k === a.name))
    .map((a) => `${ident(a.name)} := ${p.add(text.find(([k]) => k === a.name)?.[1] ?? null, a.type)}`);
  return { expr: `${target}(${parts.join(', ')})`, from: '' };
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
    const text = `SELECT NULL::bigint AS total, 1 AS page_total, to_json(${expr})::text AS body${fromSql}`;
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
  let page = wrapPage(read, opts.stripNulls ? 'strip-nulls' : 'array');
  // A set of scalars is returned as a JSON array of values, not of one-key objects.
  if (scalarSet) page = page.replace("coalesce(json_agg(pgrst_r), '[]')", `coalesce(json_agg(pgrst_r.${alias}), '[]')`);
  const text = `WITH pgrst_call AS MATERIALIZED (${source}) ${page}`;
  return { text, values: params.values, shape: fn.returnsSet ? 'array' : 'object' };
}
