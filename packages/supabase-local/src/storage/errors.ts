import type { DatabaseError } from 'pg';
import type { ApiResponse } from '../http';

/**
 * storage-api's StorageBackendError. Hosted Storage answers HTTP 400 for every handled error except
 * 500s and keeps the "real" status as a string in `statusCode` (storage-js exposes both: `status`
 * and `statusCode`), so clients check e.g. `statusCode === '404'`.
 */
export class StorageError extends Error {
  constructor(
    readonly httpStatusCode: number,
    readonly code: string,
    message: string,
    /** Backwards-compatible `error` field; storage-api falls back to `code`. */
    readonly error?: string,
  ) {
    super(message);
  }

  render(): ApiResponse {
    const status = this.httpStatusCode === 500 ? 500 : 400;
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        statusCode: String(this.httpStatusCode),
        code: this.code,
        error: this.error ?? this.code,
        message: this.message,
      }),
    };
  }
}

/** The storage-api ERRORS this service can raise (src/internal/errors/codes.ts). */
export const ERRORS = {
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
  invalidSignature: (message = 'The url do not match the signature') =>
    new StorageError(400, 'InvalidSignature', message),
  accessDenied: (message: string) => new StorageError(403, 'AccessDenied', message, 'Unauthorized'),
  alreadyExists: () => new StorageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketAlreadyExists: () => new StorageError(409, 'BucketAlreadyExists', 'The resource already exists', 'Duplicate'),
  keyAlreadyExists: () => new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () => new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  entityTooLarge: () =>
    new StorageError(413, 'EntityTooLarge', 'The object exceeded the maximum allowed size', 'Payload too large'),
  invalidMimeType: (mimeType: string) =>
    new StorageError(415, 'InvalidMimeType', `mime type ${mimeType} is not supported`, 'invalid_mime_type'),
  invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
  invalidParameter: (name: string, message?: string) =>
    new StorageError(400, 'InvalidParameter', message ?? `Invalid Parameter ${name}`),
  missingParameter: (name: string) => new StorageError(400, 'MissingParameter', `Missing Required Parameter ${name}`),
  invalidFileSizeLimit: () =>
    new StorageError(400, 'InvalidRequest', 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  notFound: (message = 'Route not found') => new StorageError(404, 'NotFound', message, 'Not Found'),
  internal: () => new StorageError(500, 'InternalError', 'Internal server error'),
};

function isDatabaseError(error: unknown): error is DatabaseError {
  return !!error && typeof error === 'object' && 'code' in error && 'severity' in error;
}

/** storage-api's DBError.fromDBError: what a policy or constraint refusal looks like to clients. */
export function fromDbError(error: unknown): StorageError | undefined {
  if (!isDatabaseError(error)) return undefined;
  switch (error.code) {
    case '42501':
      return ERRORS.accessDenied(
        error.message.includes('row-level security') ? 'new row violates row-level security policy' : error.message,
      );
    case '23505':
      return ERRORS.alreadyExists();
    case '23503':
      return new StorageError(404, 'InvalidRequest', 'The related resource does not exist');
    case '57014':
      return new StorageError(544, 'DatabaseTimeout', 'The connection to the database timed out');
    case '22P02':
      return ERRORS.invalidParameter('value', error.message);
    default:
      return new StorageError(500, 'DatabaseError', `database error, code: ${error.code}`);
  }
}

/** Turns anything thrown by a route into the response hosted Storage would give. */
export function toErrorResponse(error: unknown): ApiResponse {
  if (error instanceof StorageError) return error.render();
  const dbError = fromDbError(error);
  if (dbError) {
    if (dbError.httpStatusCode === 500) console.error('[storage] database error', error);
    return dbError.render();
  }
  console.error('[storage] unexpected error', error);
  return ERRORS.internal().render();
}
