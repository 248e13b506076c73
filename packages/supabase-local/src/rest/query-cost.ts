import { type RestError, restError } from './errors';
import type { RestLimits } from './limits';
import type { LogicTree, ParsedQuery, SelectItem } from './query-types';

// The query cost cap (limits.ts) applied to a parsed query string, before the schema cache is read or
// any SQL is built: refused requests never take a pooled connection. PGRST190 is our code (PostgREST
// has no such cap and no such code); the shape is PostgREST's.

export const COST_CODE = 'PGRST190';

function tooCostly(message: string, configKey: string, details: string | null = null): RestError {
  return restError(
    400,
    COST_CODE,
    message,
    details,
    `Ask for less in one request, or raise ${configKey} under [api] in supabase/config.toml`,
  );
}

interface Measure {
  items: number;
  embeds: number;
  /** The deepest embed path (relation names or aliases, as filters address them). */
  deepest: string[];
}

/** Walks the select tree with an explicit stack: the parser already bounds nesting, this stays flat. */
function measureSelect(select: SelectItem[]): Measure {
  const m: Measure = { items: 0, embeds: 0, deepest: [] };
  const stack: { items: SelectItem[]; path: string[] }[] = [{ items: select, path: [] }];
  for (let level = stack.pop(); level; level = stack.pop()) {
    m.items += level.items.length;
    if (level.path.length > m.deepest.length) m.deepest = level.path;
    for (const item of level.items) {
      if (item.type !== 'embed') continue;
      m.embeds++;
      stack.push({ items: item.select, path: [...level.path, item.alias ?? item.name] });
    }
  }
  return m;
}

function countConditions(tree: LogicTree): number {
  let n = 0;
  const stack = [tree];
  for (let t = stack.pop(); t; t = stack.pop()) {
    if (t.type === 'filter') n++;
    else stack.push(...t.children);
  }
  return n;
}

export function checkQueryCost(q: ParsedQuery, limits: RestLimits): void {
  const m = measureSelect(q.select);
  const depth = m.deepest.length;
  if (depth > limits.maxEmbedDepth) {
    throw tooCostly(
      `Embedded resources are nested ${depth} levels deep, more than the ${limits.maxEmbedDepth} allowed`,
      'max_embed_depth',
      `Deepest embed: ${m.deepest.join('.')}`,
    );
  }
  if (m.embeds > limits.maxEmbeds) {
    throw tooCostly(
      `The request embeds ${m.embeds} resources, more than the ${limits.maxEmbeds} allowed`,
      'max_embeds',
    );
  }
  if (m.items > limits.maxSelectItems) {
    throw tooCostly(
      `The request selects ${m.items} items, more than the ${limits.maxSelectItems} allowed`,
      'max_select_items',
    );
  }
  const filters = q.filters.length + q.logic.reduce((n, l) => n + countConditions(l.tree), 0);
  if (filters > limits.maxFilters) {
    throw tooCostly(`The request has ${filters} filters, more than the ${limits.maxFilters} allowed`, 'max_filters');
  }
}
