import { rm } from 'node:fs/promises';
import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import { parseFileSizeLimit } from './limits';
import { mustBeValidBucketName } from './names';
import type { Requester } from './requester';

interface BucketBody {
  id?: unknown;
  name?: unknown;
  public?: unknown;
  file_size_limit?: unknown;
  allowed_mime_types?: unknown;
  type?: unknown;
}

const BUCKET_COLUMNS =
  'id, name, owner, public, type, file_size_limit::int8::float8 as file_size_limit, allowed_mime_types, created_at, updated_at';
const SORT_COLUMNS = new Set(['id', 'name', 'created_at', 'updated_at']);

function mimeTypes(value: unknown): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !/^[\w.+-]+\/[\w.+*-]+$/.test(v.trim()))) {
    throw ERRORS.invalidParameter('allowed_mime_types', 'Invalid mime type(s) in allowed_mime_types');
  }
  return value as string[];
}

function ownerOf(who: Requester): { owner: string | null; ownerId: string | null } {
  const sub = typeof who.claims.sub === 'string' ? who.claims.sub : null;
  return { owner: sub && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null, ownerId: sub };
}

/** `GET /bucket`: the buckets the requester's SELECT policies on storage.buckets show. */
export async function listBuckets(ctx: StackContext, who: Requester, req: ApiRequest): Promise<ApiResponse> {
  const query = new URLSearchParams(req.rawQuery);
  const limit = query.has('limit') ? Number(query.get('limit')) : null;
  const offset = query.has('offset') ? Number(query.get('offset')) : 0;
  if ((limit !== null && !(Number.isInteger(limit) && limit >= 0)) || !(Number.isInteger(offset) && offset >= 0)) {
    throw ERRORS.invalidParameter('limit');
  }
  const sortColumn = query.get('sortColumn') ?? 'name';
  const sortOrder = (query.get('sortOrder') ?? 'asc').toLowerCase();
  if (!SORT_COLUMNS.has(sortColumn) || !['asc', 'desc'].includes(sortOrder))
    throw ERRORS.invalidParameter('sortColumn');
  const search = query.get('search') ?? '';
  const rows = await asRequester(ctx, who, (tx) =>
    tx.query(
      `select ${BUCKET_COLUMNS} from storage.buckets where name ilike '%' || $1 || '%'
       order by ${sortColumn} ${sortOrder} limit $2 offset $3`,
      [search, limit, offset],
    ),
  );
  return json(200, rows);
}

export async function getBucket(ctx: StackContext, who: Requester, id: string): Promise<ApiResponse> {
  const rows = await asRequester(ctx, who, (tx) =>
    tx.query(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]),
  );
  if (!rows[0]) throw ERRORS.noSuchBucket();
  return json(200, rows[0]);
}

/** `POST /bucket`: an INSERT as the requester (service role, or an INSERT policy on storage.buckets). */
export async function createBucket(ctx: StackContext, who: Requester, body: BucketBody): Promise<ApiResponse> {
  const name = body.name;
  mustBeValidBucketName(name);
  const id = body.id === undefined || body.id === null ? name : body.id;
  mustBeValidBucketName(id);
  if (body.type !== undefined && body.type !== null && body.type !== 'STANDARD') {
    throw ERRORS.invalidParameter('type', 'Only STANDARD buckets are supported by the local stack');
  }
  const fileSizeLimit = parseFileSizeLimit(ctx, body.file_size_limit);
  const allowed = mimeTypes(body.allowed_mime_types);
  const { owner, ownerId } = ownerOf(who);
  try {
    await asRequester(ctx, who, (tx) =>
      tx.exec(
        `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
         values ($1, $2, $3::uuid, $4, $5, $6, $7::text[])`,
        [id, name, owner, ownerId, body.public === true, fileSizeLimit, allowed],
      ),
    );
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw ERRORS.bucketAlreadyExists();
    }
    throw error;
  }
  return json(200, { name });
}

/** `PUT /bucket/<id>`: only the settings given change; a bucket the requester cannot update is "not found". */
export async function updateBucket(
  ctx: StackContext,
  who: Requester,
  id: string,
  body: BucketBody,
): Promise<ApiResponse> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  if (typeof body.public === 'boolean') {
    params.push(body.public);
    sets.push(`public = $${params.length}`);
  }
  if ('file_size_limit' in body) {
    params.push(parseFileSizeLimit(ctx, body.file_size_limit));
    sets.push(`file_size_limit = $${params.length}`);
  }
  if ('allowed_mime_types' in body) {
    params.push(mimeTypes(body.allowed_mime_types));
    sets.push(`allowed_mime_types = $${params.length}::text[]`);
  }
  sets.push('updated_at = now()');
  const count = await asRequester(ctx, who, (tx) =>
    tx.exec(`update storage.buckets set ${sets.join(', ')} where id = $1`, params),
  );
  if (count === 0) throw ERRORS.noSuchBucket();
  return json(200, { message: 'Successfully updated' });
}

/** `POST /bucket/<id>/empty`: deletes the objects the requester's DELETE policies allow. */
export async function emptyBucket(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  id: string,
): Promise<ApiResponse> {
  const rows = await asRequester(
    ctx,
    who,
    async (tx) => {
      const bucket = await tx.query('select id from storage.buckets where id = $1', [id]);
      if (!bucket[0]) throw ERRORS.noSuchBucket();
      return tx.query<{ version: string | null }>(
        'delete from storage.objects where bucket_id = $1 returning version',
        [id],
      );
    },
    { allowDelete: true },
  );
  await store.remove(rows.map((row) => ({ bucket: id, version: row.version })));
  return json(200, { message: 'Successfully emptied' });
}

/** `DELETE /bucket/<id>`: refused while objects remain (counted by Storage itself, as hosted does). */
export async function deleteBucket(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  id: string,
): Promise<ApiResponse> {
  const { rows } = await ctx.adminPool.query<{ n: number }>(
    'select count(*)::int as n from storage.objects where bucket_id = $1',
    [id],
  );
  if (rows[0].n > 0) throw ERRORS.bucketNotEmpty();
  const count = await asRequester(ctx, who, (tx) => tx.exec('delete from storage.buckets where id = $1', [id]), {
    allowDelete: true,
  });
  if (count === 0) throw ERRORS.noSuchBucket();
  await rm(store.bucketDir(id), { recursive: true, force: true }).catch(() => {});
  return json(200, { message: 'Successfully deleted' });
}
