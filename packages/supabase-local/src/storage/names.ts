import { ERRORS } from './errors';

// storage-api's isValidKey / isValidBucketName (src/storage/limits.ts): S3-safe characters only.
const KEY_CHARS = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
const BUCKET_CHARS = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

export function mustBeValidBucketName(name: unknown): asserts name is string {
  // `.` and `..` pass hosted's character rules but would name a directory outside a bucket here.
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length >= 64 ||
    !BUCKET_CHARS.test(name) ||
    name === '.' ||
    name === '..'
  ) {
    throw ERRORS.invalidBucketName();
  }
}

/**
 * Hosted Storage's key rules, plus refusing `.`/`..` and empty segments: a key is a path in
 * policies (`storage.foldername`) and in listings, and `a/../b` would let a name escape the folder a
 * policy grants while looking like it is inside it.
 */
export function mustBeValidKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || !KEY_CHARS.test(key)) {
    throw ERRORS.invalidKey(typeof key === 'string' ? key : '');
  }
  if (key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw ERRORS.invalidKey(key);
  }
}

/** Percent-decodes a URL path below a route (fetch encodes spaces and non-ASCII; `%2F` means `/`). */
export function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw ERRORS.invalidKey(raw);
  }
}

/** `<bucket>/<key...>` from a wildcard route tail, validated. */
export function splitObjectPath(tail: string): { bucket: string; key: string } {
  const slash = tail.indexOf('/');
  const bucket = decodePath(slash === -1 ? tail : tail.slice(0, slash));
  const key = slash === -1 ? '' : decodePath(tail.slice(slash + 1));
  mustBeValidBucketName(bucket);
  mustBeValidKey(key);
  return { bucket, key };
}
