import { restError } from './errors';

// Media types as PostgREST reads them (MediaType.hs, wai-extra's parseHttpAccept, Plan.negotiateContent):
// Accept is split on commas with every space removed, ordered by q and then specificity, each entry
// decoded into a known type (or `other`), and the first one we can produce wins; none answers 406
// PGRST107 naming every entry in its canonical spelling.

export type PlanOption = 'analyze' | 'verbose' | 'settings' | 'buffers' | 'wal';
const PLAN_OPTIONS: PlanOption[] = ['analyze', 'verbose', 'settings', 'buffers', 'wal'];

export type MediaType =
  | { kind: 'json' }
  | { kind: 'any' }
  | { kind: 'geojson' }
  | { kind: 'csv' }
  | { kind: 'text' }
  | { kind: 'xml' }
  | { kind: 'openapi' }
  | { kind: 'urlencoded' }
  | { kind: 'octet' }
  | { kind: 'array-strip' }
  | { kind: 'object'; strip: boolean }
  | { kind: 'plan'; for: MediaType; format: 'text' | 'json'; options: PlanOption[] }
  | { kind: 'other'; raw: string };

const SIMPLE_MIME: Record<string, string> = {
  json: 'application/json',
  any: '*/*',
  geojson: 'application/geo+json',
  csv: 'text/csv',
  text: 'text/plain',
  xml: 'text/xml',
  openapi: 'application/openapi+json',
  urlencoded: 'application/x-www-form-urlencoded',
  octet: 'application/octet-stream',
  'array-strip': 'application/vnd.pgrst.array+json;nulls=stripped',
};

/** The canonical spelling PostgREST uses in Content-Type and in PGRST107 messages. */
export function toMime(m: MediaType): string {
  switch (m.kind) {
    case 'object':
      return `application/vnd.pgrst.object+json${m.strip ? ';nulls=stripped' : ''}`;
    case 'plan': {
      const opts = m.options.length ? `; options=${m.options.join('|')}` : '';
      return `application/vnd.pgrst.plan+${m.format}; for="${toMime(m.for)}"${opts}`;
    }
    case 'other':
      return m.raw;
    default:
      return SIMPLE_MIME[m.kind];
  }
}

/** Content-Type header value: octet-stream and unknown types carry no charset. */
export function contentType(m: MediaType): string {
  return m.kind === 'octet' || m.kind === 'other' ? toMime(m) : `${toMime(m)}; charset=utf-8`;
}

/**
 * `type/subtype` then `;key=value` pairs (value quoted, or made of letters, digits, `|` and `-`).
 * Parsing stops quietly at the first pair that does not fit, as PostgREST's parsec tokenizer does.
 */
function tokenize(s: string): { main: string; sub: string; params: Map<string, string> } | null {
  const m = /^([\p{L}\p{N}.*]+)\/([\p{L}\p{N}.*+-]+)/u.exec(s);
  if (!m) return null;
  const params = new Map<string, string>();
  let rest = s.slice(m[0].length);
  for (;;) {
    const p = /^\s*;\s*([\p{L}\p{N}-]+)\s*=\s*(?:"([^"]*)"|([\p{L}\p{N}|-]+))/u.exec(rest);
    if (!p) break;
    const key = p[1].toLowerCase();
    if (!params.has(key)) params.set(key, p[2] ?? p[3]);
    rest = rest.slice(p[0].length);
  }
  return { main: m[1], sub: m[2], params };
}

export function decodeMediaType(raw: string): MediaType {
  const t = tokenize(raw);
  if (!t) return { kind: 'other', raw };
  const main = t.main.toLowerCase();
  const sub = t.sub.toLowerCase();
  const strip = t.params.get('nulls') === 'stripped';
  const plan = (format: 'text' | 'json'): MediaType => {
    const opts = (t.params.get('options') ?? '').split('|');
    return {
      kind: 'plan',
      for: decodeMediaType(t.params.get('for') ?? 'application/json'),
      format,
      options: PLAN_OPTIONS.filter((o) => opts.includes(o)),
    };
  };
  if (main === '*' && sub === '*') return { kind: 'any' };
  if (main === 'text') {
    if (sub === 'csv') return { kind: 'csv' };
    if (sub === 'plain') return { kind: 'text' };
    if (sub === 'xml') return { kind: 'xml' };
  }
  if (main === 'application') {
    switch (sub) {
      case 'json':
        return { kind: 'json' };
      case 'geo+json':
        return { kind: 'geojson' };
      case 'openapi+json':
        return { kind: 'openapi' };
      case 'x-www-form-urlencoded':
        return { kind: 'urlencoded' };
      case 'octet-stream':
        return { kind: 'octet' };
      case 'vnd.pgrst.plan':
      case 'vnd.pgrst.plan+text':
        return plan('text');
      case 'vnd.pgrst.plan+json':
        return plan('json');
      case 'vnd.pgrst.object+json':
      case 'vnd.pgrst.object':
        return { kind: 'object', strip };
      case 'vnd.pgrst.array+json':
      case 'vnd.pgrst.array':
        return strip ? { kind: 'array-strip' } : { kind: 'json' };
    }
  }
  return { kind: 'other', raw };
}

/** `reads` of a Double: the longest numeric prefix, 1 when there is none. */
function readQ(s: string): number {
  const m = /^\d+(\.\d+)?([eE][-+]?\d+)?/.exec(s);
  return m ? Number(m[0]) : 1;
}

/** wai-extra's parseHttpAccept: entries ordered by q, then by (parameters − wildcards), stably. */
export function parseAccept(header: string | undefined): MediaType[] {
  if (header === undefined) return [{ kind: 'any' }];
  const entries = header.split(',').map((part, index) => {
    const s = part.replace(/ /g, '');
    const at = s.indexOf(';q=');
    const type = at < 0 ? s : s.slice(0, at);
    const q = at < 0 ? 1 : readQ(s.slice(at + 3).split(';')[0]);
    const specificity = (type.match(/;/g)?.length ?? 0) - (type.match(/\*/g)?.length ?? 0);
    return { type, q, specificity, index };
  });
  entries.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.index - b.index);
  return entries.map((e) => decodeMediaType(e.type));
}

/** What a response body is built as. `plan` wraps the statement for `inner` in EXPLAIN. */
export interface Negotiated {
  media: 'json' | 'object' | 'csv';
  stripNulls: boolean;
  /** The Content-Type of the answer. */
  type: MediaType;
  plan?: { format: 'text' | 'json'; options: PlanOption[] };
}

/** What a statement's body is built as for a negotiated media type. */
export function bodyMode(neg: Negotiated): 'array' | 'strip-nulls' | 'csv' {
  return neg.media === 'csv' ? 'csv' : neg.stripNulls ? 'strip-nulls' : 'array';
}

/** The body a non-plan media type is produced with, or undefined when we cannot produce it. */
function produce(m: MediaType): Omit<Negotiated, 'plan'> | undefined {
  switch (m.kind) {
    case 'json':
    case 'any':
      return { media: 'json', stripNulls: false, type: { kind: 'json' } };
    case 'array-strip':
      return { media: 'json', stripNulls: true, type: m };
    case 'object':
      return { media: 'object', stripNulls: m.strip, type: m };
    case 'csv':
      return { media: 'csv', stripNulls: false, type: m };
    default:
      // GeoJSON needs PostGIS, which the embedded server does not ship; other types need a
      // custom media type handler (a domain named after the type), which we do not support.
      return undefined;
  }
}

/**
 * The first acceptable entry we can produce. Plans are produced only when `pgrst.db_plan_enabled`
 * is on; otherwise they are unknown, exactly as PostgREST's negotiation leaves them out.
 */
export function negotiate(accepts: MediaType[], planEnabled: boolean): Negotiated {
  for (const m of accepts) {
    if (m.kind === 'plan') {
      if (!planEnabled) continue;
      const inner = produce(m.for);
      if (inner) return { ...inner, type: m, plan: { format: m.format, options: m.options } };
      continue;
    }
    const found = produce(m);
    if (found) return found;
  }
  throw mediaTypeError(accepts);
}

export function mediaTypeError(accepts: MediaType[]) {
  return restError(406, 'PGRST107', `None of these media types are available: ${accepts.map(toMime).join(', ')}`);
}

/** `Content-Type` of a request body; JSON when absent, as PostgREST assumes. */
export function requestMediaType(header: string | undefined): MediaType {
  return header === undefined ? { kind: 'json' } : decodeMediaType(header);
}
