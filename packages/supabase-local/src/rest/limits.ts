// How much one request may ask of REST. PostgREST has no such caps (hosted Supabase relies on the
// roles' statement_timeout), but a statement that is cut after 3–8 s has already held a pooled
// connection that long: an embed cycle nested 20 levels deep took 4–8 s per request, so a few a second
// starved the pool. These caps refuse such requests before any SQL is built, with PGRST190 (ours).

export interface RestLimits {
  /** Levels of embedded resources below the root (`a(b(c))` is 2 below `a`'s table). */
  maxEmbedDepth: number;
  /** Embedded resources in one request, counted over every level. */
  maxEmbeds: number;
  /** Select items (columns, `*`, aggregates, embeds) in one request, counted over every level. */
  maxSelectItems: number;
  /** Filters in one request: every `col=op.value` and every condition inside `or`/`and` trees. */
  maxFilters: number;
}

/**
 * Defaults far above what applications ask (the product's deepest select embeds one level) and far
 * below what hurts: 8 levels of a 5-member family cycle answer in ~0.2 s, 12 levels run into anon's
 * 3 s statement_timeout.
 */
export const DEFAULT_REST_LIMITS: Readonly<RestLimits> = Object.freeze({
  maxEmbedDepth: 8,
  maxEmbeds: 32,
  maxSelectItems: 500,
  maxFilters: 200,
});

/**
 * Parentheses the query-string grammar nests (embeds in `select`, `or`/`and` trees) and steps of a
 * JSON path (`data->a->b`): deeper input is refused as a parse error (PGRST100) rather than recursed
 * into, so no input can exhaust the server's stack. `max_embed_depth` cannot exceed it.
 */
export const MAX_QUERY_NESTING = 64;

/** Arrays and objects nested in a JSON request body (json-depth.ts); Postgres' own parser takes ~10,000. */
export const MAX_BODY_DEPTH = 256;

const KEYS: Record<keyof RestLimits, string> = {
  maxEmbedDepth: 'max_embed_depth',
  maxEmbeds: 'max_embeds',
  maxSelectItems: 'max_select_items',
  maxFilters: 'max_filters',
};

/** `[api] max_embed_depth`, `max_embeds`, `max_select_items`, `max_filters` of config.toml (our keys). */
export function readRestLimits(api: Record<string, unknown>): RestLimits {
  const limits: RestLimits = { ...DEFAULT_REST_LIMITS };
  for (const [field, key] of Object.entries(KEYS) as [keyof RestLimits, string][]) {
    const value = api[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new Error(`config.toml: [api] ${key} must be a positive integer, not ${JSON.stringify(value)}.`);
    }
    limits[field] = value;
  }
  if (limits.maxEmbedDepth >= MAX_QUERY_NESTING) {
    throw new Error(
      `config.toml: [api] max_embed_depth must be below ${MAX_QUERY_NESTING}, the nesting the query parser accepts.`,
    );
  }
  return limits;
}
