import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { mustBeAllowedMimeType } from './limits';
import { parseMultipart } from './multipart';
import { mustBeValidBucketName, mustBeValidKey } from './names';
import { byteRange } from './read';

describe('parseMultipart', () => {
  it('reads fields and the file part of a FormData body as undici encodes it', async () => {
    const form = new FormData();
    form.append('cacheControl', '3600');
    form.append('metadata', '{"a":1}');
    form.append('', new Blob([Uint8Array.from([0, 13, 10, 45, 45, 255])], { type: 'image/png' }));
    const request = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const parts = parseMultipart(body, request.headers.get('content-type') ?? '');
    expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['cacheControl', undefined, undefined],
      ['metadata', undefined, undefined],
      ['', 'blob', 'image/png'],
    ]);
    expect(parts[0].data.toString()).toBe('3600');
    expect([...parts[2].data]).toEqual([0, 13, 10, 45, 45, 255]);
  });

  it('refuses a body without its boundary', () => {
    expect(() => parseMultipart(Buffer.from('junk'), 'multipart/form-data; boundary=abc')).toThrow(StorageError);
  });
});

describe('mustBeAllowedMimeType', () => {
  it('matches exact types and type/* wildcards, ignoring parameters', () => {
    expect(() => mustBeAllowedMimeType('image/png', ['image/*'])).not.toThrow();
    expect(() => mustBeAllowedMimeType('text/plain;charset=UTF-8', ['text/plain'])).not.toThrow();
    expect(() => mustBeAllowedMimeType('anything', null)).not.toThrow();
    expect(() => mustBeAllowedMimeType('text/plain', ['image/*'])).toThrow('mime type text/plain is not supported');
    expect(() => mustBeAllowedMimeType('image', ['image/*'])).toThrow(StorageError);
  });
});

describe('names', () => {
  it('accepts hosted-valid keys and refuses traversal, empty segments and unsafe characters', () => {
    expect(() => mustBeValidKey('u/folder/My file (1).png')).not.toThrow();
    for (const bad of ['', '../x', 'a/../b', 'a//b', 'a/./b', 'a/', 'a\\b', 'ü.txt', 'a#b']) {
      expect(() => mustBeValidKey(bad), bad).toThrow(StorageError);
    }
    expect(() => mustBeValidBucketName('avatars')).not.toThrow();
    for (const bad of ['', '.', '..', 'a/b', 'x'.repeat(64)]) {
      expect(() => mustBeValidBucketName(bad), bad).toThrow(StorageError);
    }
  });
});

describe('byteRange', () => {
  it('parses start-end, open-ended and suffix ranges and ignores unsatisfiable ones', () => {
    expect(byteRange('bytes=0-1', 10)).toEqual({ start: 0, end: 1 });
    expect(byteRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(byteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(byteRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(byteRange('bytes=10-', 10)).toBeUndefined();
    expect(byteRange('bytes=0-1,3-4', 10)).toBeUndefined();
    expect(byteRange(undefined, 10)).toBeUndefined();
  });
});
