import type { ApiResponse } from '../http';
import { type BuiltRpc, buildRpc, type CallArgs } from './build-rpc';
import { restError } from './errors';
import { executeAll, type Row } from './execute';
import type { Request, RestService } from './handler';
import { bodyMode, contentType, type Negotiated, requestMediaType } from './media-type';
import { parseQuery } from './parse-query';
import { rpcPayload } from './payload';
import { preferenceApplied } from './preferences';
import { maxAffectedViolation, notSingular, pageResponse, singleElement } from './respond';
import { resolveFunction } from './rpc-resolve';
import { qualified } from './schema-cache';

// /rpc/fn (PostgREST's CallReadPlan): arguments from the query string (GET/HEAD) or the body (POST,
// by Content-Type), the overload chosen by their names, then the call statement; a volatile function
// runs read-write only on POST. `Prefer: return` does not apply to functions: the result is always
// returned (PostgREST ignores it for calls), and max-affected counts the rows a function returns.

export async function callFunction(service: RestService, r: Request, name: string): Promise<ApiResponse> {
  const isGet = r.method === 'GET' || r.method === 'HEAD';
  const q = parseQuery(r.req.rawQuery, { rpcRead: isGet, limits: service.ctx.config.restLimits });
  const contentTypeIn = requestMediaType(r.req.headers['content-type']);
  let keys: string[];
  let args: CallArgs;
  if (isGet) {
    keys = [...new Set(q.raw.map(([k]) => k))].sort();
    args = { kind: 'direct', values: q.raw };
  } else {
    ({ keys, args } = rpcPayload(r.req.body, contentTypeIn, q.columns));
  }
  const { cache } = await service.lookup((c) => c.functions.get(qualified(r.schema, name)));
  const fn = resolveFunction(cache, r.schema, name, { isPost: !isGet, contentType: contentTypeIn, keys });
  const readOnly = isGet || fn.volatility !== 'v';
  const { limit, offset } = service.rootRange(q);
  const neg = service.negotiateWrite(r);
  const built = buildRpc(cache, { fn, args, keys }, q, {
    count: r.prefs.count !== undefined,
    limit: fn.returnsSet ? limit : undefined,
    offset: fn.returnsSet ? offset : undefined,
    body: bodyMode(neg.value),
  });
  neg.check();
  service.checkPreferences(r);
  const max = r.prefs.handling === 'strict' ? r.prefs.maxAffected : undefined;
  if (max !== undefined && !fn.returnsSet) {
    throw restError(
      400,
      'PGRST128',
      'Function must return SETOF or TABLE when max-affected preference is used with handling=strict',
    );
  }
  if (neg.value.plan) return service.explain(r, cache, neg.value, built, readOnly);
  const single = neg.value.media === 'object';
  const rollback = service.rollback(r);
  // The checks run inside the transaction only when it can write (otherwise nothing is left to undo).
  const check =
    !readOnly && built.shape === 'array' && (single || max !== undefined)
      ? (row: Row) => {
          const n = Number(row.page_total ?? 0);
          if (single && n !== 1) return notSingular(n);
          if (max !== undefined && n > max) return maxAffectedViolation(n);
          return null;
        }
      : undefined;
  const { row } = await executeAll(
    service.ctx.apiPool,
    service.env(r, cache, readOnly),
    { text: built.text, values: built.values },
    { check, rollback: rollback && !readOnly },
  );
  if (max !== undefined && Number(row.page_total ?? 0) > max) throw maxAffectedViolation(Number(row.page_total));
  return callResponse(r, neg.value, name, built.shape, row, offset);
}

function callResponse(
  r: Request,
  neg: Negotiated,
  name: string,
  shape: BuiltRpc['shape'],
  row: Row,
  offset: number,
): ApiResponse {
  const applied = preferenceApplied(r.prefs, 'call');
  if (shape === 'array') {
    return pageResponse(neg, row, {
      offset,
      location: `/rpc/${name}`,
      rawQuery: r.req.rawQuery,
      counted: r.prefs.count !== undefined,
      preferenceApplied: applied,
    });
  }
  // A function returning one value (or void) answers one row: `0-0/1` with a count.
  const headers: Record<string, string> = { 'content-range': `0-0/${r.prefs.count ? '1' : '*'}` };
  if (applied) headers['preference-applied'] = applied;
  if (shape === 'void') return { status: 204, headers };
  let body = row.body ?? 'null';
  // A single composite is one object (json_agg gave `[obj]`); a NULL result is `null`.
  if (shape === 'object' && neg.media !== 'csv')
    body = row.body && row.body !== '[]' ? singleElement(row.body) : 'null';
  return { status: 200, headers: { 'content-type': contentType(neg.type), ...headers }, body };
}
