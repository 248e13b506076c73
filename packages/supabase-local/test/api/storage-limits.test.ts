import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signUpUser, stackInfo, type TestUser } from '../../src/testing/clients';
import { filesOnDisk, objectRows } from './storage-helpers';

// Bucket `avatars` (fixture storage.sql): public, file_size_limit 1024 bytes, allowed_mime_types
// image/*; authenticated users may only INSERT into their own folder (no SELECT/UPDATE policy).
const BUCKET = 'avatars';
const PNG_HEADER = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let carol: TestUser;

beforeAll(async () => {
  carol = await signUpUser();
});

describe('bucket limits', () => {
  it('accepts a small image and serves it publicly without any key', async () => {
    const path = `${carol.id}/face.png`;
    const avatars = carol.client.storage.from(BUCKET);
    const { error } = await avatars.upload(path, new Blob([PNG_HEADER], { type: 'image/png' }));
    expect(error).toBeNull();

    const { publicUrl } = avatars.getPublicUrl(path).data;
    expect(publicUrl).toBe(`${stackInfo().url}/storage/v1/object/public/${BUCKET}/${path}`);
    const res = await fetch(publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG_HEADER);

    const download = await anonClient().storage.from(BUCKET).download(path);
    expect(download.error).toMatchObject({ statusCode: '404' });
  });

  it('refuses an over-size upload with 413 in the body and writes nothing', async () => {
    const before = await filesOnDisk(BUCKET);
    const path = `${carol.id}/huge.png`;
    const big = new Blob([new Uint8Array(1025)], { type: 'image/png' });
    const { data, error } = await carol.client.storage.from(BUCKET).upload(path, big);
    expect(data).toBeNull();
    expect(error).toMatchObject({
      status: 400,
      statusCode: '413',
      message: 'The object exceeded the maximum allowed size',
    });
    expect(await objectRows(BUCKET, path)).toEqual([]);
    expect(await filesOnDisk(BUCKET)).toEqual(before);
  });

  it('refuses a MIME type outside image/* with 415 and writes nothing', async () => {
    const before = await filesOnDisk(BUCKET);
    const path = `${carol.id}/notes.txt`;
    const { error } = await carol.client.storage.from(BUCKET).upload(path, 'text', { contentType: 'text/plain' });
    expect(error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type text/plain is not supported' });
    const res = await fetch(`${stackInfo().url}/storage/v1/object/${BUCKET}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${carol.accessToken}`, 'content-type': 'application/pdf' },
      body: 'pdf',
    });
    expect(await res.json()).toEqual({
      statusCode: '415',
      code: 'InvalidMimeType',
      error: 'invalid_mime_type',
      message: 'mime type application/pdf is not supported',
    });
    expect(await objectRows(BUCKET, path)).toEqual([]);
    expect(await filesOnDisk(BUCKET)).toEqual(before);
  });

  it('lets an INSERT-only policy upload but not upsert (upsert needs SELECT and UPDATE)', async () => {
    const path = `${carol.id}/again.png`;
    const avatars = carol.client.storage.from(BUCKET);
    const png = new Blob([PNG_HEADER], { type: 'image/png' });
    expect((await avatars.upload(path, png)).error).toBeNull();
    const upsert = await avatars.upload(path, png, { upsert: true });
    expect(upsert.error).toMatchObject({ statusCode: '403' });
    const [row] = await objectRows(BUCKET, path);
    expect(await filesOnDisk(BUCKET)).toContain(row.version);
  });

  it('does not serve a private bucket through the public URL', async () => {
    const service = serviceClient().storage.from('vault');
    expect((await service.upload('public-probe.txt', 'hidden')).error).toBeNull();
    const res = await fetch(service.getPublicUrl('public-probe.txt').data.publicUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    expect((await service.remove(['public-probe.txt'])).error).toBeNull();
  });

  it('applies the project-wide limit when a bucket is created with a larger one', async () => {
    const { error } = await serviceClient().storage.createBucket('too-big-limit', {
      public: false,
      fileSizeLimit: '100GB',
    });
    expect(error).toMatchObject({ statusCode: '413' });
  });
});
