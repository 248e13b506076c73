import type { ApiResponse } from '../http';
import { restError } from './errors';
import type { Row } from './execute';
import { contentType, type Negotiated } from './media-type';

// How a statement's one-row result (total, page_total, body) becomes status, headers and body
// (PostgREST's Response.hs and RangeQuery.rangeStatusHeader), and the EXPLAIN answer.

export function notSingular(n: number) {
  return restError(
    406,
    'PGRST116',
    'Cannot coerce the result to a single JSON object',
    `The result contains ${n} rows`,
  );
}

export function maxAffectedViolation(n: number) {
  return restError(
    400,
    'PGRST124',
    'Query result exceeds max-affected preference constraint',
    `The query affects ${n} rows`,
  );
}

/** json_agg output is `[elem]` for one row: strip the brackets instead of re-parsing. */
export function singleElement(arrayBody: string): string {
  const t = arrayBody.trim();
  return t.slice(1, -1).trim();
}

/** The body in the negotiated media type; a singular answer is the one element of the array. */
export function bodyResponse(
  neg: Negotiated,
  status: number,
  body: string,
  headers: Record<string, string>,
): ApiResponse {
  const out = neg.media === 'object' ? singleElement(body) : body;
  return { status, headers: { 'content-type': contentType(neg.type), ...headers }, body: out };
}

export interface PageInfo {
  offset: number;
  /** Content-Location path (`/table` or `/rpc/fn`) and the raw query string. */
  location: string;
  rawQuery: string;
  /** Whether Prefer asked for a count (otherwise the total shows as `*`). */
  counted: boolean;
  preferenceApplied?: string;
}

/** Status, Content-Range and body for anything that returns a page of rows. */
export function pageResponse(neg: Negotiated, row: Row, info: PageInfo): ApiResponse {
  const page = Number(row.page_total ?? 0);
  const total = row.total === null || row.total === undefined || !info.counted ? null : Number(row.total);
  if (neg.media === 'object' && page !== 1) throw notSingular(page);
  const { offset } = info;
  const range = page > 0 ? `${offset}-${offset + page - 1}/${total ?? '*'}` : `*/${total ?? '*'}`;
  if (total !== null && offset > total) {
    throw restError(
      416,
      'PGRST103',
      'Requested range not satisfiable',
      `An offset of ${offset} was requested, but there are only ${total} rows.`,
    );
  }
  const status = total !== null && page < total ? 206 : 200;
  const headers: Record<string, string> = {
    'content-range': range,
    'content-location': `${info.location}${info.rawQuery ? `?${info.rawQuery}` : ''}`,
  };
  if (info.preferenceApplied) headers['preference-applied'] = info.preferenceApplied;
  return bodyResponse(neg, status, row.body ?? '[]', headers);
}

/**
 * EXPLAIN output: the plan's lines each followed by a newline (text format has one per row, JSON
 * one row), with the plan media type as Content-Type and nothing else (no range, no preferences).
 */
export function planResponse(neg: Negotiated, rows: (string | null)[][]): ApiResponse {
  const body = rows.map((r) => `${r[0] ?? ''}\n`).join('');
  return { status: 200, headers: { 'content-type': contentType(neg.type) }, body };
}
