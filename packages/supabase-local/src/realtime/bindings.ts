import { createHash } from 'node:crypto';
import { type Condition, FilterSyntaxError, parseFilter } from './filters';

/** One `postgres_changes` entry of a join, as the server tracks it. */
export interface ChangeBinding {
  /** The id echoed in the join reply and listed in `ids` of matching events. */
  id: number;
  event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  /** Absent or `*`: every table of the schema. */
  table?: string;
  filter?: string;
  conditions: Condition[];
  select?: string[];
  /** The params exactly as the client sent them, echoed back with the id. */
  params: Record<string, unknown>;
  /** False when the binding could not be subscribed (bad filter, unknown table): it never matches. */
  active: boolean;
  error?: string;
}

/** Upstream uses :erlang.phash2(params), an integer below 2^27; any stable hash of the params works for the client. */
function bindingId(params: Record<string, unknown>): number {
  const canonical = JSON.stringify(
    Object.keys(params)
      .sort()
      .map((k) => [k, params[k]]),
  );
  return createHash('sha1').update(canonical).digest().readUInt32BE(0) & 0x7ffffff;
}

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

export function parseBindings(raw: unknown): ChangeBinding[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && !Array.isArray(p))
    .map((params) => {
      const event = typeof params.event === 'string' ? params.event.toUpperCase() : '';
      const schema = typeof params.schema === 'string' ? params.schema : '';
      const table = typeof params.table === 'string' && params.table !== '*' ? params.table : undefined;
      const filter = typeof params.filter === 'string' && params.filter !== '' ? params.filter : undefined;
      const select = Array.isArray(params.select) ? params.select.filter((c) => typeof c === 'string') : undefined;
      const binding: ChangeBinding = {
        id: bindingId(params),
        event: (EVENTS.has(event) ? event : '*') as ChangeBinding['event'],
        schema,
        table,
        filter,
        conditions: [],
        select,
        params,
        active: true,
      };
      const fail = (message: string) => {
        binding.active = false;
        binding.error = message;
      };
      if (!EVENTS.has(event) || !schema) {
        fail(unableToSubscribe(binding));
        return binding;
      }
      try {
        binding.conditions = parseFilter(filter);
      } catch (error) {
        fail(error instanceof FilterSyntaxError ? `${unableToSubscribe(binding)}: ${error.message}` : String(error));
      }
      return binding;
    });
}

export function unableToSubscribe(b: ChangeBinding): string {
  const filters = b.filter ? `[${b.filter}]` : '[]';
  return (
    'Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given ' +
    `connect parameters: [event: ${String(b.params.event)}, schema: ${b.schema}, table: ${b.table ?? '*'}, filters: ${filters}]`
  );
}
