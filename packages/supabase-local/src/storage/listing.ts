import type { ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { Requester } from './requester';

interface ListBody {
  prefix?: unknown;
  limit?: unknown;
  offset?: unknown;
  search?: unknown;
  sortBy?: { column?: unknown; order?: unknown };
}

function nonNegativeInt(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw ERRORS.invalidParameter(name);
  return n;
}

/**
 * `POST /object/list/<bucket>`: storage-api's searchObjects. The prefix names a folder (a trailing
 * `/` is implied), the level is its depth + 1, and `storage.search` runs as the requester so a
 * listing only shows what SELECT policies let them see. Folders come back with null id/metadata.
 */
export async function listObjects(
  ctx: StackContext,
  who: Requester,
  bucket: string,
  body: ListBody,
): Promise<ApiResponse> {
  let prefix = typeof body.prefix === 'string' ? body.prefix : '';
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix = `${prefix}/`;
  const levels = prefix.split('/').length;
  const limit = nonNegativeInt(body.limit, 100, 'limit');
  const offset = nonNegativeInt(body.offset, 0, 'offset');
  const search = typeof body.search === 'string' ? body.search : '';
  const column = typeof body.sortBy?.column === 'string' ? body.sortBy.column : 'name';
  const order = typeof body.sortBy?.order === 'string' ? body.sortBy.order.toLowerCase() : 'asc';
  const rows = await asRequester(ctx, who, (tx) =>
    tx.query(
      `select name, id, updated_at, created_at, last_accessed_at, metadata
       from storage.search($1, $2, $3, $4, $5, $6, $7, $8)`,
      [prefix, bucket, limit, levels, offset, search, column, order],
    ),
  );
  return json(200, rows);
}
