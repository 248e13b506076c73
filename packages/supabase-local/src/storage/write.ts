import { createHash, randomUUID } from 'node:crypto';
import type { StackContext } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import type { IncomingFile } from './incoming';
import { findBucketAsAdmin, mustFit } from './limits';
import type { Requester } from './requester';

export interface WriteOptions {
  bucket: string;
  key: string;
  file: IncomingFile;
  /** `x-upsert: true` or PUT: replace an existing object (needs INSERT, SELECT and UPDATE policies). */
  upsert: boolean;
  /** Owner recorded on the row: the JWT's `sub`, or the signer's for signed upload URLs. */
  owner?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `metadata` column hosted Storage records for an object (what list() and info() show). */
export function objectMetadata(file: IncomingFile): Record<string, unknown> {
  return {
    eTag: `"${createHash('md5').update(file.bytes).digest('hex')}"`,
    size: file.bytes.length,
    mimetype: file.mimeType,
    cacheControl: file.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: file.bytes.length,
    httpStatusCode: 200,
    ...(file.contentEncoding ? { contentEncoding: file.contentEncoding } : {}),
  };
}

/**
 * Upload as hosted Storage does it: bucket limits checked first (nothing written when refused), the
 * bytes written under a fresh version, then the row inserted (or upserted) as the requester so RLS
 * decides. A refusal removes the new bytes; success removes the version it replaced.
 */
export async function writeObject(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  options: WriteOptions,
): Promise<{ id: string; key: string }> {
  const bucket = await findBucketAsAdmin(ctx, options.bucket);
  mustFit(ctx, bucket, options.file.bytes.length, options.file.mimeType);

  const version = randomUUID();
  const newId = randomUUID();
  const owner = options.owner ?? (typeof who.claims.sub === 'string' ? who.claims.sub : undefined);
  const params = [
    options.bucket,
    options.key,
    version,
    JSON.stringify(objectMetadata(options.file)),
    options.file.userMetadata ? JSON.stringify(options.file.userMetadata) : null,
    owner && UUID.test(owner) ? owner : null,
    owner ?? null,
    newId,
  ];
  await store.write(options.bucket, version, options.file.bytes);
  // Written from inside the transaction callback; a holder keeps TypeScript from narrowing them.
  const state = { replaced: null as string | null, id: newId as string };
  try {
    await asRequester(ctx, who, async (tx) => {
      if (options.upsert) {
        // Which bytes the upsert replaces, locked so a concurrent upsert waits for us.
        const old = await tx.privileged<{ id: string; version: string | null }>(
          'select id, version from storage.objects where bucket_id = $1 and name = $2 for update',
          [options.bucket, options.key],
        );
        state.replaced = old[0]?.version ?? null;
        state.id = old[0]?.id ?? newId;
      }
      const conflict = options.upsert
        ? `on conflict (bucket_id, name) do update set version = excluded.version, metadata = excluded.metadata,
             user_metadata = excluded.user_metadata, owner = excluded.owner, owner_id = excluded.owner_id,
             last_accessed_at = now()`
        : '';
      // No RETURNING: it would make a plain upload need a SELECT policy too, which hosted does not.
      await tx.query(
        `insert into storage.objects (id, bucket_id, name, version, metadata, user_metadata, owner, owner_id)
         values ($8, $1, $2, $3, $4::jsonb, $5::jsonb, $6::uuid, $7) ${conflict}`,
        params,
      );
    });
  } catch (error) {
    await store.remove([{ bucket: options.bucket, version }]);
    if (!options.upsert && (error as { code?: string }).code === '23505') throw ERRORS.alreadyExists();
    throw error;
  }
  if (state.replaced && state.replaced !== version) {
    await store.remove([{ bucket: options.bucket, version: state.replaced }]);
  }
  return { id: state.id, key: `${options.bucket}/${options.key}` };
}
