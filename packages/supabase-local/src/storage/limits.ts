import type { StackContext } from '../http';
import { ERRORS } from './errors';

export interface BucketLimits {
  id: string;
  public: boolean;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

/**
 * Hosted Storage reads a bucket's settings as its superuser before an upload, so a user needs no
 * SELECT policy on storage.buckets to upload into it.
 */
export async function findBucketAsAdmin(ctx: StackContext, bucket: string): Promise<BucketLimits> {
  const { rows } = await ctx.adminPool.query<BucketLimits>(
    'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
    [bucket],
  );
  if (!rows[0]) throw ERRORS.noSuchBucket();
  return rows[0];
}

/** The smaller of the project's `[storage] file_size_limit` and the bucket's own. */
export function effectiveSizeLimit(ctx: StackContext, bucket: BucketLimits): number {
  const global = ctx.config.storageFileSizeLimit;
  const own = bucket.file_size_limit === null ? null : Number(bucket.file_size_limit);
  return own && own > 0 ? Math.min(global, own) : global;
}

/**
 * storage-api's validateMimeType: `type/subtype` must equal an allowed entry or match `type/*`.
 * Parameters (`;charset=…`, which storage-js adds to its default text type) do not take part.
 */
export function mustBeAllowedMimeType(mimeType: string, allowed: string[] | null): void {
  if (!allowed || allowed.length === 0) return;
  const [type, subtype] = mimeType.split(';')[0].trim().toLowerCase().split('/');
  const ok =
    subtype !== undefined &&
    allowed.some((entry) => {
      const [allowedType, allowedSubtype] = entry.trim().toLowerCase().split('/');
      return allowedType === type && (allowedSubtype === '*' || allowedSubtype === subtype);
    });
  if (!ok) throw ERRORS.invalidMimeType(mimeType);
}

export function mustFit(ctx: StackContext, bucket: BucketLimits, size: number, mimeType: string): void {
  if (size > effectiveSizeLimit(ctx, bucket)) throw ERRORS.entityTooLarge();
  mustBeAllowedMimeType(mimeType, bucket.allowed_mime_types);
}

/** storage-api's parseFileSizeToBytes for `file_size_limit: '1MB'`-style bucket settings. */
export function parseFileSizeLimit(ctx: StackContext, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  let bytes: number;
  if (typeof value === 'number') {
    bytes = value;
  } else if (typeof value === 'string') {
    const match = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value);
    if (!match) throw ERRORS.invalidFileSizeLimit();
    const units: Record<string, number> = { gb: 1e9, mb: 1e6, kb: 1e3, b: 1 };
    bytes = +Number.parseFloat(match[1]).toPrecision(3) * units[match[2].toLowerCase()];
  } else {
    throw ERRORS.invalidFileSizeLimit();
  }
  if (!Number.isFinite(bytes) || bytes < 0) throw ERRORS.invalidFileSizeLimit();
  if (bytes > ctx.config.storageFileSizeLimit) throw ERRORS.entityTooLarge();
  return Math.floor(bytes);
}
