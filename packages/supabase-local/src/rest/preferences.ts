// The Prefer header as PostgREST reads it (ApiRequest/Preferences.hs): every header is split on
// commas and each item stripped; an item counts only when it is exactly one of the accepted
// spellings (`count=exact`, not `count = exact`); the first item of each kind wins; anything else is
// an invalid preference, which only `handling=strict` turns into an error. `tx=…` is accepted but
// ignored unless db-tx-end allows overrides.

export interface Preferences {
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  tx?: 'commit' | 'rollback';
  missing?: 'default' | 'null';
  handling?: 'strict' | 'lenient';
  maxAffected?: number;
  /** Items that are none of the accepted spellings, in request order. */
  invalid: string[];
}

const KINDS = {
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  return: ['representation', 'minimal', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  tx: ['commit', 'rollback'],
  missing: ['default', 'null'],
  handling: ['strict', 'lenient'],
} as const;

type Kind = keyof typeof KINDS;

const ACCEPTED = new Map<string, [Kind, string]>();
for (const [kind, values] of Object.entries(KINDS) as [Kind, readonly string[]][])
  for (const v of values) ACCEPTED.set(`${kind}=${v}`, [kind, v]);

/** Haskell's BS.strip: ASCII whitespace on both ends. */
const strip = (s: string) => s.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '');

export function parsePrefer(header: string | string[] | undefined, allowTxOverride: boolean): Preferences {
  const prefs: Preferences = { invalid: [] };
  if (header === undefined) return prefs;
  const items = (Array.isArray(header) ? header : [header]).flatMap((h) => h.split(',')).map(strip);
  const set = prefs as unknown as Record<string, string>;
  let maxAffectedSeen = false;
  for (const item of items) {
    const accepted = ACCEPTED.get(item);
    if (accepted) {
      const [kind, value] = accepted;
      if (kind === 'tx' && !allowTxOverride) continue;
      if (set[kind] === undefined) set[kind] = value;
      continue;
    }
    // Timezones are not applied here (see the README); like PostgREST they are never "invalid" when
    // lenient. max-affected takes the first item with that prefix; an unreadable number is ignored.
    if (item.startsWith('timezone=')) continue;
    if (item.startsWith('max-affected=')) {
      if (!maxAffectedSeen) {
        maxAffectedSeen = true;
        const n = strip(item.slice('max-affected='.length));
        if (/^-?\d+$/.test(n)) prefs.maxAffected = Number(n);
      }
      continue;
    }
    prefs.invalid.push(item);
  }
  return prefs;
}

/** Which kind of plan a response belongs to; PostgREST echoes some preferences only for some. */
export type PlanKind = 'read' | 'insert' | 'update' | 'delete' | 'call';

/**
 * `Preference-Applied` (Response.hs responsePreferences + prefAppliedHeader): in this fixed order,
 * resolution (inserts into a table with a key or `on_conflict`), missing (insert/update), return
 * (writes), count, tx, handling, and max-affected (only with handling=strict, on update, delete and
 * rpc). Undefined when nothing applies.
 */
export function preferenceApplied(p: Preferences, kind: PlanKind, insertHasKey = false): string | undefined {
  const write = kind === 'insert' || kind === 'update' || kind === 'delete';
  const values = [
    kind === 'insert' && insertHasKey && p.resolution && `resolution=${p.resolution}`,
    (kind === 'insert' || kind === 'update') && p.missing && `missing=${p.missing}`,
    write && p.return && `return=${p.return}`,
    p.count && `count=${p.count}`,
    p.tx && `tx=${p.tx}`,
    p.handling && `handling=${p.handling}`,
    p.handling === 'strict' &&
      kind !== 'read' &&
      kind !== 'insert' &&
      p.maxAffected !== undefined &&
      `max-affected=${p.maxAffected}`,
  ].filter((v): v is string => typeof v === 'string');
  return values.length ? values.join(', ') : undefined;
}
