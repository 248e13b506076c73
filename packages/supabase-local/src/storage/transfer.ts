import { randomUUID } from 'node:crypto';
import type { ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import { findBucketAsAdmin } from './limits';
import { mustBeValidBucketName, mustBeValidKey } from './names';
import type { Requester } from './requester';

interface TransferBody {
  bucketId?: unknown;
  sourceKey?: unknown;
  destinationKey?: unknown;
  destinationBucket?: unknown;
  copyMetadata?: unknown;
  metadata?: unknown;
}

function parse(body: TransferBody) {
  for (const field of ['bucketId', 'sourceKey', 'destinationKey'] as const) {
    if (typeof body[field] !== 'string') {
      throw ERRORS.invalidParameter(field, `body must have required property '${field}'`);
    }
  }
  const source = { bucket: body.bucketId as string, key: body.sourceKey as string };
  const destBucket = typeof body.destinationBucket === 'string' ? body.destinationBucket : source.bucket;
  const dest = { bucket: destBucket, key: body.destinationKey as string };
  mustBeValidBucketName(source.bucket);
  mustBeValidBucketName(dest.bucket);
  mustBeValidKey(source.key);
  mustBeValidKey(dest.key);
  return { source, dest };
}

/**
 * `POST /object/move`: one UPDATE as the requester, so the SELECT/UPDATE policies must see the
 * source and the UPDATE's WITH CHECK must accept the destination. Across buckets the bytes get a
 * second name first and the old one goes after commit.
 */
export async function moveObject(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  body: TransferBody,
): Promise<ApiResponse> {
  const { source, dest } = parse(body);
  await findBucketAsAdmin(ctx, dest.bucket);
  const crossBucket = source.bucket !== dest.bucket;
  // Written from inside the transaction callback; a holder keeps TypeScript from narrowing it to null.
  const state = { linked: null as string | null, version: null as string | null };
  try {
    state.version = await asRequester(ctx, who, async (tx) => {
      const rows = await tx.query<{ version: string | null }>(
        `update storage.objects set bucket_id = $3, name = $4, last_accessed_at = now()
         where bucket_id = $1 and name = $2 returning version`,
        [source.bucket, source.key, dest.bucket, dest.key],
      );
      if (!rows[0]) throw ERRORS.noSuchKey();
      const moved = rows[0].version;
      // Linking inside the transaction: if it fails, the row move rolls back with it.
      if (crossBucket && moved) {
        await store.duplicate(source.bucket, moved, dest.bucket, moved);
        state.linked = moved;
      }
      return moved;
    });
  } catch (error) {
    if (state.linked) await store.remove([{ bucket: dest.bucket, version: state.linked }]);
    throw error;
  }
  if (crossBucket) await store.remove([{ bucket: source.bucket, version: state.version }]);
  return json(200, { message: 'Successfully moved' });
}

/**
 * `POST /object/copy`: reading the source needs SELECT, the new row INSERT (plus SELECT/UPDATE with
 * `x-upsert: true`). The copy gets its own version, so removing either object leaves the other.
 */
export async function copyObject(
  ctx: StackContext,
  store: FileStore,
  who: Requester,
  body: TransferBody,
  upsert: boolean,
): Promise<ApiResponse> {
  const { source, dest } = parse(body);
  await findBucketAsAdmin(ctx, dest.bucket);
  const version = randomUUID();
  const newId = randomUUID();
  const sub = typeof who.claims.sub === 'string' ? who.claims.sub : null;
  const ownerUuid = sub && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null;
  const state = { wrote: false, replaced: null as string | null, id: newId as string };
  try {
    await asRequester(ctx, who, async (tx) => {
      const rows = await tx.query<{ version: string | null; metadata: unknown; user_metadata: unknown }>(
        'select version, metadata, user_metadata from storage.objects where bucket_id = $1 and name = $2',
        [source.bucket, source.key],
      );
      const src = rows[0];
      if (!src?.version) throw ERRORS.noSuchKey();
      await store.duplicate(source.bucket, src.version, dest.bucket, version);
      state.wrote = true;
      const userMetadata = body.copyMetadata === false ? (body.metadata ?? null) : src.user_metadata;
      const metadata = { ...(src.metadata as Record<string, unknown>), lastModified: new Date().toISOString() };
      if (upsert) {
        const old = await tx.privileged<{ id: string; version: string | null }>(
          'select id, version from storage.objects where bucket_id = $1 and name = $2 for update',
          [dest.bucket, dest.key],
        );
        state.replaced = old[0]?.version ?? null;
        state.id = old[0]?.id ?? newId;
      }
      const conflict = upsert
        ? `on conflict (bucket_id, name) do update set version = excluded.version, metadata = excluded.metadata,
             user_metadata = excluded.user_metadata, owner = excluded.owner, owner_id = excluded.owner_id`
        : '';
      await tx.query(
        `insert into storage.objects (id, bucket_id, name, version, metadata, user_metadata, owner, owner_id)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::uuid, $8) ${conflict}`,
        [newId, dest.bucket, dest.key, version, JSON.stringify(metadata), JSON.stringify(userMetadata), ownerUuid, sub],
      );
    });
  } catch (error) {
    if (state.wrote) await store.remove([{ bucket: dest.bucket, version }]);
    if (!upsert && (error as { code?: string }).code === '23505') throw ERRORS.alreadyExists();
    throw error;
  }
  if (state.replaced) await store.remove([{ bucket: dest.bucket, version: state.replaced }]);
  return json(200, { Id: state.id, Key: `${dest.bucket}/${dest.key}` });
}
