import type { CallArgs } from './build-rpc';
import { type RestError, restError } from './errors';
import { scanJson } from './json-depth';
import { MAX_BODY_DEPTH } from './limits';
import { type MediaType, toMime } from './media-type';

// Request bodies as PostgREST reads them (ApiRequest/Payload.hs), by Content-Type: JSON (the default),
// CSV (a header line, "NULL" for null), form-urlencoded, and for /rpc only the raw text/xml/binary
// body of a function's single unnamed parameter. Anything else is 400 PGRST102. JSON is scanned before
// it is parsed: nested deeper than MAX_BODY_DEPTH it is refused, before anything recurses into it.

const invalid = (message: string): RestError => restError(400, 'PGRST102', message);
export const invalidJson = () => invalid('Empty or invalid json');
const keysMustMatch = () => invalid('All object keys must match');

const tooDeep = (what = 'The JSON body') =>
  restError(
    400,
    'PGRST102',
    'Empty or invalid json',
    `${what} nests arrays and objects more than ${MAX_BODY_DEPTH} levels deep`,
  );

function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8');
  const scan = scanJson(text, MAX_BODY_DEPTH);
  if (scan.kind === 'too-deep') throw tooDeep();
  if (scan.kind === 'invalid') throw invalidJson();
  return JSON.parse(text);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * payloadAttributes: an object gives its keys; an array must hold objects with the same keys (those
 * keys); an empty array, or any other JSON value, counts as an empty array.
 */
function attributes(value: unknown): { keys: string[]; rows: Record<string, unknown>[] } {
  if (isObject(value)) return { keys: Object.keys(value), rows: [value] };
  if (!Array.isArray(value) || value.length === 0) return { keys: [], rows: [] };
  const first = value[0];
  if (!isObject(first)) throw keysMustMatch();
  const keys = Object.keys(first);
  if (!value.every((v) => isObject(v) && sameKeys(Object.keys(v), keys))) throw keysMustMatch();
  return { keys, rows: value as Record<string, unknown>[] };
}

/** RFC 4180 records (cassava): quoted fields may hold commas, quotes (doubled) and newlines. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let started = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      started = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
      started = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
    } else {
      field += c;
      started = true;
    }
    i++;
  }
  if (quoted) throw invalid('parse error (endOfInput)');
  if (started || field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** CSV to JSON objects: header names as keys, `NULL` as null, every other value as a string. */
function csvRows(body: Buffer): { keys: string[]; rows: Record<string, unknown>[] } {
  const [header, ...lines] = csvRecords(body.toString('utf8'));
  if (!header) throw invalid('parse error (not enough input)');
  const rows = lines.map((fields) => {
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (i < fields.length) row[name] = fields[i] === 'NULL' ? null : fields[i];
    });
    return row;
  });
  const keys = [...new Set(header)];
  if (!rows.every((r) => Object.keys(r).length === keys.length))
    throw invalid('All lines must have same number of fields');
  return { keys, rows };
}

function formPairs(body: Buffer): [string, string][] {
  return [...new URLSearchParams(body.toString('utf8'))];
}

const sortedKeys = (keys: Iterable<string>) => [...new Set(keys)].sort();

/** The arguments of POST /rpc/fn and the names they are resolved by. */
export function rpcPayload(body: Buffer, type: MediaType, columns?: string[]): { keys: string[]; args: CallArgs } {
  switch (type.kind) {
    case 'json': {
      const text = body.toString('utf8');
      // With ?columns= the body is passed on unread (Postgres reports bad JSON), but never too deep for
      // Postgres' recursive parser; an empty body means no arguments.
      if (columns) {
        if (scanJson(text, MAX_BODY_DEPTH).kind === 'too-deep') throw tooDeep();
        return { keys: sortedKeys(columns), args: { kind: 'json', body: text } };
      }
      if (body.length === 0) return { keys: [], args: { kind: 'json', body: text } };
      const value = parseJson(body);
      const { keys } = attributes(value);
      const shaped = isObject(value) || Array.isArray(value) ? text : '[]';
      return { keys: sortedKeys(keys), args: { kind: 'json', body: shaped } };
    }
    case 'csv': {
      const { keys, rows } = csvRows(body);
      return { keys: sortedKeys(keys), args: { kind: 'json', body: JSON.stringify(rows) } };
    }
    case 'urlencoded': {
      const values = formPairs(body);
      // Form values reach Postgres as text cast to the parameter's type: a json(b) one would be parsed
      // there, recursively. (A table's form body is sent as one JSON object of strings, never parsed.)
      for (const [key, value] of values) {
        if (scanJson(value, MAX_BODY_DEPTH).kind === 'too-deep') throw tooDeep(`The form value '${key}'`);
      }
      return { keys: sortedKeys(values.map(([k]) => k)), args: { kind: 'direct', values } };
    }
    case 'text':
    case 'xml':
      return { keys: [], args: { kind: 'raw', body: body.toString('utf8') } };
    case 'octet':
      return { keys: [], args: { kind: 'raw', body } };
    default:
      throw invalid(`Content-Type not acceptable: ${toMime(type)}`);
  }
}

/** Rows of POST/PATCH on a table. */
export function tablePayload(body: Buffer, type: MediaType): { value: unknown } {
  switch (type.kind) {
    case 'json':
      return { value: parseJson(body) };
    case 'csv':
      return { value: csvRows(body).rows };
    case 'urlencoded':
      return { value: Object.fromEntries(formPairs(body)) };
    default:
      throw invalid(`Content-Type not acceptable: ${toMime(type)}`);
  }
}
