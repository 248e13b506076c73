import { restError } from './errors';
import { FuzzySet } from './fuzzy';
import type { MediaType } from './media-type';
import { type DbFunction, qualified, type SchemaCache } from './schema-cache';

// Which overload /rpc/fn calls, exactly as PostgREST's Plan.findProc: by the set of argument names
// (GET query parameters, or the keys of the POST body), with a function taking one unnamed
// json/jsonb/text/xml/bytea parameter as the fallback for a POST whose Content-Type matches it.
// PGRST202 and PGRST203 carry PostgREST's message, details and hint (Error.hs).

export interface CallShape {
  /** POST (the body carries the arguments) rather than GET/HEAD. */
  isPost: boolean;
  /** Content-Type of a POST body. */
  contentType: MediaType;
  /** Argument names, sorted and without duplicates. */
  keys: string[];
}

const SINGLE_PARAM_TYPES: Partial<Record<MediaType['kind'], string[]>> = {
  json: ['json', 'jsonb'],
  text: ['text'],
  xml: ['xml'],
  octet: ['bytea'],
};

/** Bodies that can only reach a function's single unnamed parameter. */
const RAW_BODY_KINDS = new Set<MediaType['kind']>(['text', 'xml', 'octet']);

function matchesParams(fn: DbFunction, call: CallShape): boolean {
  const keys = new Set(call.keys);
  if (fn.args.length === 0) return keys.size === 0 && !(call.isPost && RAW_BODY_KINDS.has(call.contentType.kind));
  const required = new Set(fn.args.filter((a) => !a.hasDefault).map((a) => a.name));
  const optional = new Set(fn.args.filter((a) => a.hasDefault).map((a) => a.name));
  const rest = [...keys].filter((k) => !optional.has(k));
  return rest.length === required.size && rest.every((k) => required.has(k));
}

function hasSingleUnnamedParam(fn: DbFunction, call: CallShape): boolean {
  if (!call.isPost || fn.args.length !== 1 || fn.args[0].name !== '') return false;
  return SINGLE_PARAM_TYPES[call.contentType.kind]?.includes(fn.args[0].type) ?? false;
}

export function resolveFunction(cache: SchemaCache, schema: string, name: string, call: CallShape): DbFunction {
  const overloads = (cache.functions.get(qualified(schema, name)) ?? []).filter((f) => f.callable);
  const named = overloads.filter((f) => matchesParams(f, call));
  const fallback = overloads.filter((f) => !matchesParams(f, call) && hasSingleUnnamedParam(f, call));
  const chosen = named.length > 0 ? named : fallback;
  if (chosen.length === 1) return chosen[0];
  if (chosen.length > 1) throw ambiguous(chosen);
  throw notFound(cache, schema, name, call, overloads);
}

function ambiguous(fns: DbFunction[]) {
  const list = fns.map((f) => `${f.schema}.${f.name}(${f.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`);
  return restError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${list.join(', ')}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  );
}

function notFound(cache: SchemaCache, schema: string, name: string, call: CallShape, overloads: DbFunction[]) {
  const fn = `${schema}.${name}`;
  const { keys, isPost } = call;
  const kind = call.contentType.kind;
  const onlySingle = isPost && RAW_BODY_KINDS.has(kind);
  const withParams = keys.length
    ? ` with parameter${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`
    : ' without parameters';
  const message = `Could not find the function ${fn}${onlySingle ? '' : keys.length ? `(${keys.join(', ')})` : ' without parameters'} in the schema cache`;
  let searched = withParams;
  if (isPost && kind === 'text') searched = ' with a single unnamed text parameter';
  else if (isPost && kind === 'xml') searched = ' with a single unnamed xml parameter';
  else if (isPost && kind === 'octet') searched = ' with a single unnamed bytea parameter';
  else if (isPost && kind === 'json') searched = `${withParams} or with a single unnamed json/jsonb parameter`;
  const details = `Searched for the function ${fn}${searched}, but no matches were found in the schema cache.`;
  return restError(404, 'PGRST202', message, details, onlySingle ? null : hint(cache, schema, name, keys, overloads));
}

const paramList = (names: string[]) => `(${[...names].sort().join(', ')})`;

/**
 * Error.noRpcHint: an unknown name suggests the closest function name of the schema (score ≥ 0.75,
 * so unrelated names are not leaked); a known name with the wrong arguments suggests the closest
 * overload's parameter list.
 */
function hint(cache: SchemaCache, schema: string, name: string, keys: string[], overloads: DbFunction[]) {
  let best: string | undefined;
  if (overloads.length === 0) {
    const names: string[] = [];
    for (const fns of cache.functions.values()) {
      const f = fns.find((x) => x.callable);
      if (f && f.schema === schema) names.push(f.name);
    }
    best = new FuzzySet(names).best(name, 0.75);
  } else {
    const sets = new FuzzySet(overloads.map((f) => paramList(f.args.map((a) => a.name))));
    const params = sets.best(paramList(keys), 0.33);
    best = params === undefined ? undefined : `${name}${params}`;
  }
  return best === undefined ? null : `Perhaps you meant to call the function ${schema}.${best}`;
}
