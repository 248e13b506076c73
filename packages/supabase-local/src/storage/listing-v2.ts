import type { ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { Requester } from './requester';

interface ListV2Body {
  prefix?: unknown;
  limit?: unknown;
  cursor?: unknown;
  with_delimiter?: unknown;
  sortBy?: { column?: unknown; order?: unknown };
}

interface EntryRow {
  entry_key: string;
  is_folder: boolean;
  id: string | null;
  name: string;
  metadata: unknown;
  updated_at: Date | null;
  created_at: Date | null;
  last_accessed_at: Date | null;
  version: string | null;
}

// The cursor is opaque to clients: the last key returned, so the next page starts after it.
function encodeCursor(key: string): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

function decodeCursor(cursor: unknown): string | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through
  }
  throw ERRORS.invalidParameter('cursor');
}

/** LIKE pattern for "starts with": the prefix is a literal key prefix, not a pattern. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `POST /object/list-v2/<bucket>` (storage-js listV2): keys in byte order under a literal prefix,
 * paginated by cursor; with `with_delimiter` the keys below the next `/` collapse into one folder
 * entry. Runs as the requester, so only objects their SELECT policies show are listed or counted.
 * Sorting is by key (hosted also offers created_at/updated_at; not needed by Tale Forge yet).
 */
export async function listObjectsV2(
  ctx: StackContext,
  who: Requester,
  bucket: string,
  body: ListV2Body,
): Promise<ApiResponse> {
  const prefix = typeof body.prefix === 'string' ? body.prefix : '';
  const limit = body.limit === undefined ? 1000 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw ERRORS.invalidParameter('limit');
  const column = body.sortBy?.column ?? 'name';
  if (column !== 'name') throw ERRORS.invalidParameter('sortBy', 'Only sorting by name is supported locally');
  const desc = body.sortBy?.order === 'desc';
  const after = decodeCursor(body.cursor);
  const delimited = body.with_delimiter === true;

  const entryKey = delimited
    ? `case when strpos(substr(name, length($2::text) + 1), '/') > 0
         then $2::text || split_part(substr(name, length($2::text) + 1), '/', 1) || '/' else name end`
    : 'name';
  const rows = await asRequester(ctx, who, (tx) =>
    tx.query<EntryRow>(
      `with entries as (
         select ${entryKey} as entry_key, id, name, metadata, updated_at, created_at, last_accessed_at, version
         -- $2 is only used by the delimiter expression; typing it here keeps the flat query valid.
         from storage.objects where bucket_id = $1 and name like $3 and $2::text is not null
       )
       select distinct on (entry_key collate "C") entry_key, entry_key <> name as is_folder,
              id, name, metadata, updated_at, created_at, last_accessed_at, version
       from entries
       where $4::text is null or entry_key collate "C" ${desc ? '<' : '>'} $4
       order by entry_key collate "C" ${desc ? 'desc' : 'asc'}
       limit $5`,
      [bucket, prefix, likePrefix(prefix), after, limit + 1],
    ),
  );
  const page = rows.slice(0, limit);
  const hasNext = rows.length > limit;
  return json(200, {
    hasNext,
    folders: page.filter((r) => r.is_folder).map((r) => ({ key: r.entry_key, name: r.entry_key })),
    objects: page
      .filter((r) => !r.is_folder)
      .map((r) => ({
        id: r.id,
        key: r.name,
        name: r.name,
        version: r.version,
        metadata: r.metadata,
        updated_at: r.updated_at,
        created_at: r.created_at,
        last_accessed_at: r.last_accessed_at,
      })),
    ...(hasNext && page.length > 0 ? { nextCursor: encodeCursor(page[page.length - 1].entry_key) } : {}),
  });
}
