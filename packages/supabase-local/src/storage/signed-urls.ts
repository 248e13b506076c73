import type { ApiRequest, ApiResponse, StackContext } from '../http';
import { json } from '../http';
import { signJwt, verifyJwt } from '../jwt';
import { asRequester } from './db';
import { ERRORS } from './errors';
import type { FileStore } from './files';
import { incomingFile } from './incoming';
import { findObject, sendObject } from './read';
import type { Requester } from './requester';
import { SERVICE } from './requester';
import { writeObject } from './write';

/** storage-api's default lifetime of a signed upload URL (UPLOAD_SIGNED_URL_EXPIRATION_TIME). */
const SIGNED_UPLOAD_TTL_SECONDS = 2 * 60 * 60;

function expiresInOf(body: { expiresIn?: unknown }): number {
  const expiresIn = Number(body.expiresIn);
  if (!Number.isInteger(expiresIn) || expiresIn < 1) {
    throw ERRORS.invalidParameter('expiresIn', 'body/expiresIn must be >= 1');
  }
  return expiresIn;
}

/**
 * Signed URLs are HS256 JWTs with the project's secret, `{ url: '<bucket>/<key>' }` plus `exp`, as
 * hosted Storage mints them; the URL path must match the signed one exactly.
 */
async function sign(claims: Record<string, unknown>, expiresIn: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ ...claims, iat: now, exp: now + expiresIn });
}

async function verifyToken(req: ApiRequest, expectedUrl: string): Promise<Record<string, unknown>> {
  const token = new URLSearchParams(req.rawQuery).get('token');
  if (!token) throw ERRORS.invalidJwt('Missing token');
  const result = await verifyJwt(token);
  if (!result.ok) throw ERRORS.invalidJwt(result.reason === 'expired' ? 'jwt expired' : 'invalid signature');
  if (result.claims.url !== expectedUrl) throw ERRORS.invalidSignature();
  return result.claims;
}

/** `POST /object/sign/<bucket>/<key>`: only for an object the requester's SELECT policies can see. */
export async function createSignedUrl(
  ctx: StackContext,
  who: Requester,
  bucket: string,
  key: string,
  body: { expiresIn?: unknown },
): Promise<ApiResponse> {
  const expiresIn = expiresInOf(body);
  await findObject(ctx, who, bucket, key);
  const url = `${bucket}/${key}`;
  const token = await sign({ url }, expiresIn);
  return json(200, { signedURL: `/object/sign/${url}?token=${token}` });
}

/** `POST /object/sign/<bucket>` with `{ expiresIn, paths }`: one entry per path, in order. */
export async function createSignedUrls(
  ctx: StackContext,
  who: Requester,
  bucket: string,
  body: { expiresIn?: unknown; paths?: unknown },
): Promise<ApiResponse> {
  const expiresIn = expiresInOf(body);
  const paths = body.paths;
  if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string')) {
    throw ERRORS.invalidParameter('paths', "body must have required property 'paths'");
  }
  const visible = await asRequester(ctx, who, (tx) =>
    tx.query<{ name: string }>('select name from storage.objects where bucket_id = $1 and name = any($2::text[])', [
      bucket,
      paths,
    ]),
  );
  const found = new Set(visible.map((row) => row.name));
  const entries = await Promise.all(
    (paths as string[]).map(async (path) => {
      if (!found.has(path)) {
        return { error: 'Either the object does not exist or you do not have access to it', path, signedURL: null };
      }
      const url = `${bucket}/${path}`;
      const token = await sign({ url }, expiresIn);
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
  return json(200, entries);
}

/** `GET /object/sign/<bucket>/<key>?token=`: no Authorization needed; the token is the grant. */
export async function downloadSigned(
  ctx: StackContext,
  store: FileStore,
  req: ApiRequest,
  bucket: string,
  key: string,
): Promise<ApiResponse> {
  await verifyToken(req, `${bucket}/${key}`);
  return sendObject(store, req, await findObject(ctx, SERVICE, bucket, key));
}

/**
 * `POST /object/upload/sign/<bucket>/<key>`: the requester's INSERT policy is asked now (in a
 * rolled-back transaction, as storage-api's testPermission does); the upload itself later runs as
 * Storage with the signer recorded as owner.
 */
export async function createSignedUploadUrl(
  ctx: StackContext,
  who: Requester,
  bucket: string,
  key: string,
  upsert: boolean,
): Promise<ApiResponse> {
  const owner = typeof who.claims.sub === 'string' ? who.claims.sub : undefined;
  const conflict = upsert ? 'on conflict (bucket_id, name) do update set metadata = excluded.metadata' : '';
  await asRequester(
    ctx,
    who,
    (tx) =>
      tx.query(
        `insert into storage.objects (bucket_id, name, owner_id, metadata) values ($1, $2, $3, '{}'::jsonb) ${conflict}`,
        [bucket, key, owner ?? null],
      ),
    { rollback: true },
  );
  const url = `${bucket}/${key}`;
  const token = await sign({ owner, url, upsert }, SIGNED_UPLOAD_TTL_SECONDS);
  return json(200, { url: `/object/upload/sign/${url}?token=${token}`, token });
}

/** `PUT /object/upload/sign/<bucket>/<key>?token=`. */
export async function uploadToSignedUrl(
  ctx: StackContext,
  store: FileStore,
  req: ApiRequest,
  bucket: string,
  key: string,
): Promise<ApiResponse> {
  const claims = await verifyToken(req, `${bucket}/${key}`);
  const result = await writeObject(ctx, store, SERVICE, {
    bucket,
    key,
    file: incomingFile(req),
    upsert: claims.upsert === true,
    owner: typeof claims.owner === 'string' ? claims.owner : undefined,
  });
  return json(200, { Id: result.id, Key: result.key });
}
