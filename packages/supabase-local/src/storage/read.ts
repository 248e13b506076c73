import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import type { Requester } from './requester';

export interface ObjectRow {
  id: string;
  name: string;
  bucket_id: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

const OBJECT_COLUMNS =
  'id, name, bucket_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

/** Reads an object's row as the requester: invisible to their SELECT policies means "not found". */
export async function findObject(ctx: StackContext, who: Requester, bucket: string, key: string): Promise<ObjectRow> {
  const rows = await asRequester(ctx, who, (tx) =>
    tx.query<ObjectRow>(`select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`, [
      bucket,
      key,
    ]),
  );
  if (!rows[0]) throw ERRORS.noSuchKey();
  return rows[0];
}

/** Public buckets are read by Storage itself; a private bucket looks like a missing one. */
export async function findPublicObject(ctx: StackContext, bucket: string, key: string): Promise<ObjectRow> {
  const { rows: buckets } = await ctx.adminPool.query('select 1 from storage.buckets where id = $1 and public', [
    bucket,
  ]);
  if (!buckets[0]) throw ERRORS.noSuchBucket();
  const { rows } = await ctx.adminPool.query<ObjectRow>(
    `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
    [bucket, key],
  );
  if (!rows[0]) throw ERRORS.noSuchKey();
  return rows[0];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `?download` / `?download=name.ext` asks for an attachment, as hosted Storage's getObject does. */
function disposition(req: ApiRequest, key: string): Record<string, string> {
  const query = new URLSearchParams(req.rawQuery);
  if (!query.has('download')) return {};
  const filename = query.get('download') || key.split('/').pop() || 'download';
  return {
    'content-disposition': `attachment; filename=${encodeURIComponent(filename)}; filename*=UTF-8''${encodeURIComponent(filename)}`,
  };
}

/** Streams the object's bytes with the headers hosted Storage sets (type, cache, etag, length). */
export async function sendObject(
  store: FileStore,
  req: ApiRequest,
  row: ObjectRow,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResponse> {
  if (!row.version || !(await store.exists(row.bucket_id, row.version))) throw ERRORS.noSuchKey();
  const meta = row.metadata ?? {};
  const etag = str(meta.eTag);
  const headers: Record<string, string> = {
    'content-type': str(meta.mimetype) ?? 'application/octet-stream',
    'cache-control': str(meta.cacheControl) ?? 'no-cache',
    'last-modified': new Date(row.updated_at).toUTCString(),
    'accept-ranges': 'bytes',
    ...(etag ? { etag } : {}),
    ...(str(meta.contentEncoding) ? { 'content-encoding': str(meta.contentEncoding) as string } : {}),
    ...disposition(req, row.name),
    ...extraHeaders,
  };
  if (etag && req.headers['if-none-match'] === etag) return { status: 304, headers };
  const bytes = await store.read(row.bucket_id, row.version);
  const range = byteRange(req.headers.range, bytes.length);
  if (range) {
    const part = bytes.subarray(range.start, range.end + 1);
    headers['content-range'] = `bytes ${range.start}-${range.end}/${bytes.length}`;
    headers['content-length'] = String(part.length);
    return { status: 206, headers, body: req.method === 'HEAD' ? undefined : part };
  }
  headers['content-length'] = String(bytes.length);
  return { status: 200, headers, body: req.method === 'HEAD' ? undefined : bytes };
}

/**
 * One `Range: bytes=…` (browsers seeking in audio/video narration files). A range we cannot satisfy
 * or parse is ignored and the whole object served, which RFC 9110 allows.
 */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '') || size === 0) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : undefined;
}

/** `GET /object/info/...`: storage-api's object info (storage-js camelises it into FileObjectV2). */
export function infoBody(row: ObjectRow): ApiResponse {
  const meta = row.metadata ?? {};
  return json(200, {
    id: row.id,
    name: row.name,
    version: row.version,
    bucket_id: row.bucket_id,
    size: meta.size ?? null,
    content_type: meta.mimetype ?? null,
    cache_control: meta.cacheControl ?? null,
    content_encoding: meta.contentEncoding ?? null,
    etag: meta.eTag ?? null,
    last_modified: row.updated_at,
    created_at: row.created_at,
    metadata: row.user_metadata ?? {},
  });
}
