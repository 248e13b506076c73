import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { createBucket, deleteBucket, emptyBucket, getBucket, listBuckets, updateBucket } from './buckets';
import { ERRORS, StorageError } from './errors';
import type { FileStore } from './files';
import { incomingFile } from './incoming';
import { listObjects } from './listing';
import { listObjectsV2 } from './listing-v2';
import { decodePath, mustBeValidBucketName, splitObjectPath } from './names';
import { findObject, findPublicObject, infoBody, sendObject } from './read';
import { removeMany, removeOne } from './remove';
import { requester } from './requester';
import {
  createSignedUploadUrl,
  createSignedUrl,
  createSignedUrls,
  downloadSigned,
  uploadToSignedUrl,
} from './signed-urls';
import { copyObject, moveObject } from './transfer';
import { writeObject } from './write';

// biome-ignore lint/suspicious/noExplicitAny: JSON request bodies are validated field by field by each route.
type Body = Record<string, any>;

function jsonBody(req: ApiRequest): Body {
  if (req.body.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(req.body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Body;
  } catch {
    // fall through
  }
  throw new StorageError(400, 'InvalidRequest', 'Body is not valid JSON', 'Bad Request');
}

function upsertHeader(req: ApiRequest): boolean {
  return req.headers['x-upsert'] === 'true';
}

function bucketParam(raw: string): string {
  const bucket = decodePath(raw);
  mustBeValidBucketName(bucket);
  return bucket;
}

function notFound(req: ApiRequest): ApiResponse {
  return json(404, { statusCode: '404', error: 'Not Found', message: `Route ${req.method}:${req.path} not found` });
}

/** The bucket API (`/bucket...`): every call acts as the requester. */
async function bucketRoutes(ctx: StackContext, store: FileStore, req: ApiRequest, parts: string[]) {
  const who = await requester(req);
  const [id, action] = [parts[1], parts[2]];
  if (parts.length === 1) {
    if (req.method === 'GET') return listBuckets(ctx, who, req);
    if (req.method === 'POST') return createBucket(ctx, who, jsonBody(req));
  } else if (parts.length === 2) {
    const bucket = bucketParam(id);
    if (req.method === 'GET') return getBucket(ctx, who, bucket);
    if (req.method === 'PUT') return updateBucket(ctx, who, bucket, jsonBody(req));
    if (req.method === 'DELETE') return deleteBucket(ctx, store, who, bucket);
  } else if (parts.length === 3 && action === 'empty' && req.method === 'POST') {
    return emptyBucket(ctx, store, who, bucketParam(id));
  }
  return notFound(req);
}

/** Routes reachable without Authorization: the token in the URL or the bucket's publicity is the grant. */
async function unauthenticatedRoutes(
  ctx: StackContext,
  store: FileStore,
  req: ApiRequest,
  parts: string[],
): Promise<ApiResponse | undefined> {
  const tail = (from: number) => splitObjectPath(parts.slice(from).join('/'));
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (parts[1] === 'public' && read) {
    const { bucket, key } = tail(2);
    return sendObject(store, req, await findPublicObject(ctx, bucket, key));
  }
  if (parts[1] === 'info' && parts[2] === 'public' && read) {
    const { bucket, key } = tail(3);
    return infoBody(await findPublicObject(ctx, bucket, key));
  }
  if (parts[1] === 'sign' && read && parts.length > 3) {
    const { bucket, key } = tail(2);
    return downloadSigned(ctx, store, req, bucket, key);
  }
  if (parts[1] === 'upload' && parts[2] === 'sign' && req.method === 'PUT') {
    const { bucket, key } = tail(3);
    return uploadToSignedUrl(ctx, store, req, bucket, key);
  }
  return undefined;
}

/** The object API (`/object...`), as storage-js calls it. */
async function objectRoutes(ctx: StackContext, store: FileStore, req: ApiRequest, parts: string[]) {
  const open = await unauthenticatedRoutes(ctx, store, req, parts);
  if (open) return open;
  const who = await requester(req);
  const tail = (from: number) => splitObjectPath(parts.slice(from).join('/'));
  const [, first, second] = parts;
  const method = req.method;

  if (method === 'POST' && first === 'list' && parts.length === 3) {
    return listObjects(ctx, who, bucketParam(second), jsonBody(req));
  }
  if (method === 'POST' && first === 'list-v2' && parts.length === 3) {
    return listObjectsV2(ctx, who, bucketParam(second), jsonBody(req));
  }
  if (method === 'POST' && first === 'move' && parts.length === 2) return moveObject(ctx, store, who, jsonBody(req));
  if (method === 'POST' && first === 'copy' && parts.length === 2) {
    return copyObject(ctx, store, who, jsonBody(req), upsertHeader(req));
  }
  if (method === 'POST' && first === 'sign') {
    if (parts.length === 3) return createSignedUrls(ctx, who, bucketParam(second), jsonBody(req));
    const { bucket, key } = tail(2);
    return createSignedUrl(ctx, who, bucket, key, jsonBody(req));
  }
  if (method === 'POST' && first === 'upload' && second === 'sign') {
    const { bucket, key } = tail(3);
    return createSignedUploadUrl(ctx, who, bucket, key, upsertHeader(req));
  }
  if ((method === 'GET' || method === 'HEAD') && first === 'info') {
    const { bucket, key } = tail(second === 'authenticated' ? 3 : 2);
    return infoBody(await findObject(ctx, who, bucket, key));
  }
  if ((method === 'GET' || method === 'HEAD') && first === 'authenticated') {
    const { bucket, key } = tail(2);
    return sendObject(store, req, await findObject(ctx, who, bucket, key));
  }
  if (method === 'DELETE' && parts.length === 2) {
    return removeMany(ctx, store, who, bucketParam(first), jsonBody(req));
  }
  if (parts.length < 2) return notFound(req);
  const { bucket, key } = tail(1);
  switch (method) {
    case 'GET':
    case 'HEAD':
      return sendObject(store, req, await findObject(ctx, who, bucket, key));
    case 'POST':
    case 'PUT': {
      const upsert = method === 'PUT' || upsertHeader(req);
      const result = await writeObject(ctx, store, who, { bucket, key, file: incomingFile(req), upsert });
      return json(200, { Id: result.id, Key: result.key });
    }
    case 'DELETE':
      return removeOne(ctx, store, who, bucket, key);
    default:
      return notFound(req);
  }
}

export async function route(ctx: StackContext, store: FileStore, req: ApiRequest): Promise<ApiResponse> {
  // Keep empty segments: `/object/bucket/` (an empty key) must be refused, not routed elsewhere.
  const parts = req.path.replace(/^\/+/, '').split('/');
  if (parts[0] === 'bucket') return bucketRoutes(ctx, store, req, parts);
  if (parts[0] === 'object') return objectRoutes(ctx, store, req, parts);
  if (parts[0] === 'status' || parts[0] === 'health') return json(200, { status: 'ok' });
  if (parts[0] === '' || parts[0] === 'version') return json(200, { version: 'local' });
  throw ERRORS.notFound();
}
