import type { ApiRequest } from '../http';
import { ERRORS } from './errors';
import { parseMultipart } from './multipart';

/** An uploaded file as hosted Storage's uploader reads it from a request. */
export interface IncomingFile {
  bytes: Buffer;
  mimeType: string;
  cacheControl: string;
  contentEncoding?: string;
  userMetadata?: Record<string, unknown>;
}

function header(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseUserMetadata(raw: string | undefined, base64: boolean): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(base64 ? Buffer.from(raw, 'base64').toString('utf8') : raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw ERRORS.invalidParameter('metadata', 'Invalid metadata');
}

/**
 * storage-api's `fileUploadFromRequest`: multipart bodies (what storage-js sends for Blob/File/
 * FormData) take the first file part, its Content-Type and the `cacheControl` / `metadata` fields;
 * any other body is the file itself, described by the request's Content-Type, Cache-Control and
 * base64 JSON `x-metadata` headers.
 */
export function incomingFile(req: ApiRequest): IncomingFile {
  const contentType = header(req, 'content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const parts = parseMultipart(req.body, contentType);
    const file = parts.find((p) => p.filename !== undefined);
    if (!file) throw ERRORS.invalidRequest('No file provided');
    const field = (name: string) => parts.find((p) => p.filename === undefined && p.name === name)?.data.toString();
    const cacheTime = field('cacheControl');
    return {
      bytes: file.data,
      mimeType: file.contentType || 'text/plain',
      cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
      contentEncoding: field('contentEncoding'),
      userMetadata: parseUserMetadata(field('metadata'), false),
    };
  }
  return {
    bytes: req.body,
    mimeType: contentType || 'application/octet-stream',
    cacheControl: header(req, 'cache-control') ?? 'no-cache',
    contentEncoding: header(req, 'content-encoding'),
    userMetadata: parseUserMetadata(header(req, 'x-metadata'), true),
  };
}
