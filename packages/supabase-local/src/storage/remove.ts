import type { ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import type { Requester } from './requester';

/**
 * Deletes rows as the requester (DELETE and, for the RETURNING, SELECT policies decide which go)
 * with `storage.allow_delete_query` set for this transaction only; bytes are removed after commit,
 * so a refused or failed delete never loses data.
 */
export async function deleteObjects(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  bucket: string,
  names: string[],
): Promise<Record<string, unknown>[]> {
  if (names.length === 0) return [];
  const rows = await asRequester(
    ctx,
    who,
    (tx) =>
      tx.query<Record<string, unknown> & { version: string | null }>(
        'delete from storage.objects where bucket_id = $1 and name = any($2::text[]) returning *',
        [bucket, names],
      ),
    { allowDelete: true },
  );
  await store.remove(rows.map((row) => ({ bucket, version: row.version })));
  return rows;
}

/** `DELETE /object/<bucket>` with `{ prefixes }`: the deleted objects, skipping names not found. */
export async function removeMany(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  bucket: string,
  body: { prefixes?: unknown },
): Promise<ApiResponse> {
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string')) {
    throw ERRORS.invalidParameter('prefixes', "body must have required property 'prefixes'");
  }
  if (prefixes.length < 1 || prefixes.length > 1000) {
    throw ERRORS.invalidParameter('prefixes', 'body/prefixes must NOT have more than 1000 items');
  }
  return json(200, await deleteObjects(ctx, store, who, bucket, prefixes as string[]));
}

/** `DELETE /object/<bucket>/<key>`. */
export async function removeOne(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  bucket: string,
  key: string,
): Promise<ApiResponse> {
  const deleted = await deleteObjects(ctx, store, who, bucket, [key]);
  if (deleted.length === 0) throw ERRORS.noSuchKey();
  return json(200, { message: 'Successfully deleted' });
}
