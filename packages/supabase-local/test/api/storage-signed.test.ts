import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, signUpUser, type TestUser } from '../../src/testing/clients';
import { filesOnDisk, objectRows } from './storage-helpers';

// Bucket `family-docs` (fixture storage.sql): private, own-folder policies like family-files.
const BUCKET = 'family-docs';

let dana: TestUser;
let eve: TestUser;

beforeAll(async () => {
  [dana, eve] = await Promise.all([signUpUser(), signUpUser()]);
  const files = dana.client.storage.from(BUCKET);
  for (const name of ['a.txt', 'b.txt']) {
    expect(
      (await files.upload(`${dana.id}/${name}`, `content of ${name}`, { contentType: 'text/plain' })).error,
    ).toBeNull();
  }
});

describe('signed download URLs', () => {
  it('serves the object to anyone holding the URL, with no key at all', async () => {
    const { data, error } = await dana.client.storage.from(BUCKET).createSignedUrl(`${dana.id}/a.txt`, 60);
    expect(error).toBeNull();
    expect(data?.signedUrl).toMatch(new RegExp(`/storage/v1/object/sign/${BUCKET}/${dana.id}/a.txt\\?token=`));
    const res = await fetch(data?.signedUrl ?? '');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('content of a.txt');

    const download = await fetch(`${data?.signedUrl}&download=report.txt`);
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename=report.txt/);
  });

  it('refuses to sign an object the requester cannot read', async () => {
    const { data, error } = await eve.client.storage.from(BUCKET).createSignedUrl(`${dana.id}/a.txt`, 60);
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: '404', message: 'Object not found' });
    const anon = await anonClient().storage.from(BUCKET).createSignedUrl(`${dana.id}/a.txt`, 60);
    expect(anon.error).toMatchObject({ statusCode: '404' });
  });

  it('stops working once expired', async () => {
    // Expiry has whole-second resolution: 3 s leaves at least 2 s of validity for the first fetch on a busy machine.
    const { data } = await dana.client.storage.from(BUCKET).createSignedUrl(`${dana.id}/b.txt`, 3);
    expect((await fetch(data?.signedUrl ?? '')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4100));
    const res = await fetch(data?.signedUrl ?? '');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '400', error: 'InvalidJWT', message: 'jwt expired' });
  });

  it('refuses a token used for another path', async () => {
    const { data } = await dana.client.storage.from(BUCKET).createSignedUrl(`${dana.id}/a.txt`, 60);
    const forged = (data?.signedUrl ?? '').replace('/a.txt?', '/b.txt?');
    const res = await fetch(forged);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'InvalidSignature' });
  });

  it('signs several paths, reporting the ones not visible', async () => {
    const paths = [`${dana.id}/a.txt`, `${dana.id}/missing.txt`, `${dana.id}/b.txt`];
    const { data, error } = await dana.client.storage.from(BUCKET).createSignedUrls(paths, 60);
    expect(error).toBeNull();
    expect(data?.map((d) => [d.path, d.error === null])).toEqual([
      [paths[0], true],
      [paths[1], false],
      [paths[2], true],
    ]);
    expect(data?.[1].signedUrl).toBeNull();
    expect(await (await fetch(data?.[2].signedUrl ?? '')).text()).toBe('content of b.txt');

    const foreign = await eve.client.storage.from(BUCKET).createSignedUrls(paths, 60);
    expect(foreign.data?.every((d) => d.signedUrl === null)).toBe(true);
  });
});

describe('signed upload URLs', () => {
  it('lets anyone holding the token upload once to the signed path, owned by the signer', async () => {
    const path = `${dana.id}/dropbox/upload.txt`;
    const { data, error } = await dana.client.storage.from(BUCKET).createSignedUploadUrl(path);
    expect(error).toBeNull();
    expect(data?.path).toBe(path);

    const anon = anonClient().storage.from(BUCKET);
    const upload = await anon.uploadToSignedUrl(path, data?.token ?? '', 'from a guest', { contentType: 'text/plain' });
    expect(upload.error).toBeNull();
    expect(upload.data?.fullPath).toBe(`${BUCKET}/${path}`);
    const [row] = await adminRow(path);
    expect(row.owner_id).toBe(dana.id);
    expect(await (await dana.client.storage.from(BUCKET).download(path)).data?.text()).toBe('from a guest');

    const again = await anon.uploadToSignedUrl(path, data?.token ?? '', 'second');
    expect(again.error).toMatchObject({ statusCode: '409' });
  });

  it("refuses to sign an upload into another user's folder", async () => {
    const { data, error } = await eve.client.storage.from(BUCKET).createSignedUploadUrl(`${dana.id}/evil.txt`);
    expect(data).toBeNull();
    expect(error).toMatchObject({ statusCode: '403' });
    expect(await objectRows(BUCKET, `${dana.id}/evil.txt`)).toEqual([]);
  });

  it('refuses an upload whose token names another path, writing nothing', async () => {
    const before = await filesOnDisk(BUCKET);
    const { data } = await dana.client.storage.from(BUCKET).createSignedUploadUrl(`${dana.id}/slot.txt`);
    const res = await anonClient()
      .storage.from(BUCKET)
      .uploadToSignedUrl(`${dana.id}/other.txt`, data?.token ?? '', 'x');
    expect(res.error).toMatchObject({ statusCode: '400' });
    expect(await objectRows(BUCKET, `${dana.id}/other.txt`)).toEqual([]);
    expect(await filesOnDisk(BUCKET)).toEqual(before);
  });
});

async function adminRow(path: string) {
  const { adminQuery } = await import('../../src/testing/clients');
  return adminQuery<{ owner_id: string }>('select owner_id from storage.objects where bucket_id = $1 and name = $2', [
    BUCKET,
    path,
  ]);
}
