import { ERRORS } from './errors';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

function boundaryOf(contentType: string): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw ERRORS.invalidRequest('Multipart boundary not found');
  return boundary;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition);
  if (match) return match[1].replace(/\\(.)/g, '$1');
  return new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(disposition)?.[1];
}

/**
 * Parses a buffered multipart/form-data body. storage-js sends Blob/File uploads as FormData: text
 * fields (`cacheControl`, `metadata`, `contentEncoding`) first, then the file part (name `''`,
 * filename `blob`, the Blob's type as Content-Type). The gateway has already bounded the body size.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position === -1) throw ERRORS.invalidRequest('Malformed multipart body');
  while (true) {
    position += delimiter.length;
    // `--` after a delimiter closes the body.
    if (body.subarray(position, position + 2).toString() === '--') break;
    const headerStart = position + 2; // skip CRLF after the delimiter
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) throw ERRORS.invalidRequest('Malformed multipart body');
    const headers = parseHeaders(body.subarray(headerStart, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
    if (next === -1) throw ERRORS.invalidRequest('Malformed multipart body');
    const disposition = headers.get('content-disposition') ?? '';
    parts.push({
      name: dispositionParam(disposition, 'name') ?? '',
      filename: dispositionParam(disposition, 'filename'),
      contentType: headers.get('content-type'),
      data: body.subarray(dataStart, next),
    });
    position = next + 2;
  }
  return parts;
}
