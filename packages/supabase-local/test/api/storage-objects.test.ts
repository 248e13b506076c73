import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signUpUser, stackInfo, type TestUser } from '../../src/testing/clients';
import { diskMatchesTable, filesOnDisk, objectRows } from './storage-helpers';

// Bucket `family-files` (fixture storage.sql): private; users may select/insert/update/delete only
// inside their own top-level folder `<auth.uid()>/...`.
const BUCKET = 'family-files';

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  [alice, bob] = await Promise.all([signUpUser(), signUpUser()]);
});

async function expectConsistentDisk() {
  const { files, versions } = await diskMatchesTable(BUCKET);
  expect(files).toEqual(versions);
}

describe('upload and download', () => {
  it('uploads a raw string body into the own folder and downloads it as the owner', async () => {
    const path = `${alice.id}/notes/hello.txt`;
    const files = alice.client.storage.from(BUCKET);
    const { data, error } = await files.upload(path, 'hello world', { contentType: 'text/plain' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ path, fullPath: `${BUCKET}/${path}` });
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);

    const download = await files.download(path);
    expect(download.error).toBeNull();
    expect(await download.data?.text()).toBe('hello world');
    expect(download.data?.type).toBe('text/plain');

    const [row] = await objectRows(BUCKET, path);
    expect(row.name).toBe(path);
    await expectConsistentDisk();
  });

  it('uploads a Blob (sent as multipart/form-data) with cache control and user metadata', async () => {
    const path = `${alice.id}/blob.json`;
    const files = alice.client.storage.from(BUCKET);
    const blob = new Blob([JSON.stringify({ a: 1 })], { type: 'application/json' });
    const { error } = await files.upload(path, blob, { cacheControl: '60', metadata: { story: 'dragons' } });
    expect(error).toBeNull();

    const info = await files.info(path);
    expect(info.error).toBeNull();
    expect(info.data).toMatchObject({
      name: path,
      bucketId: BUCKET,
      size: 7,
      contentType: 'application/json',
      cacheControl: 'max-age=60',
      metadata: { story: 'dragons' },
    });
    const { data } = await files.download(path);
    expect(JSON.parse((await data?.text()) ?? '')).toEqual({ a: 1 });

    const res = await fetch(`${stackInfo().url}/storage/v1/object/${BUCKET}/${path}`, {
      headers: { authorization: `Bearer ${alice.accessToken}`, apikey: stackInfo().anonKey },
    });
    expect(res.headers.get('cache-control')).toBe('max-age=60');
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
  });

  it('answers HEAD and byte ranges the way browsers seek in media', async () => {
    const path = `${alice.id}/range.txt`;
    expect((await alice.client.storage.from(BUCKET).upload(path, '0123456789')).error).toBeNull();
    const url = `${stackInfo().url}/storage/v1/object/${BUCKET}/${path}`;
    const headers = { authorization: `Bearer ${alice.accessToken}`, apikey: stackInfo().anonKey };
    const head = await fetch(url, { method: 'HEAD', headers });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('10');
    const part = await fetch(url, { headers: { ...headers, range: 'bytes=2-4' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await part.text()).toBe('234');
  });

  it("refuses an upload into another user's folder and leaves nothing behind", async () => {
    const before = await filesOnDisk(BUCKET);
    const path = `${bob.id}/intrusion.txt`;
    const { data, error } = await alice.client.storage.from(BUCKET).upload(path, 'nope');
    expect(data).toBeNull();
    expect(error).toMatchObject({
      status: 400,
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    expect(await objectRows(BUCKET, path)).toEqual([]);
    expect(await filesOnDisk(BUCKET)).toEqual(before);
  });

  it("hides other users' files: download, info and exists answer not found", async () => {
    const path = `${bob.id}/secret.txt`;
    expect((await bob.client.storage.from(BUCKET).upload(path, 'bob only')).error).toBeNull();

    const download = await alice.client.storage.from(BUCKET).download(path);
    expect(download.data).toBeNull();
    expect(download.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
    const info = await alice.client.storage.from(BUCKET).info(path);
    expect(info.error).toMatchObject({ statusCode: '404' });
    expect((await alice.client.storage.from(BUCKET).exists(path)).data).toBe(false);
    expect((await bob.client.storage.from(BUCKET).exists(path)).data).toBe(true);
  });

  it('refuses anonymous uploads and downloads in a private bucket', async () => {
    const anon = anonClient().storage.from(BUCKET);
    const upload = await anon.upload(`${alice.id}/anon.txt`, 'x');
    expect(upload.error).toMatchObject({ statusCode: '403' });
    expect(await objectRows(BUCKET, `${alice.id}/anon.txt`)).toEqual([]);
    const download = await anon.download(`${alice.id}/notes/hello.txt`);
    expect(download.error).toMatchObject({ statusCode: '404' });
  });

  it('refuses a bearer token that does not verify', async () => {
    const res = await fetch(`${stackInfo().url}/storage/v1/object/${BUCKET}/${alice.id}/notes/hello.txt`, {
      headers: { authorization: `Bearer ${alice.accessToken}x`, apikey: stackInfo().anonKey },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '403', error: 'Unauthorized' });
  });
});

describe('upsert and update', () => {
  it('refuses to overwrite without upsert, then replaces with x-upsert and with update()', async () => {
    const path = `${alice.id}/story.txt`;
    const files = alice.client.storage.from(BUCKET);
    expect((await files.upload(path, 'v1')).error).toBeNull();
    const first = await objectRows(BUCKET, path);

    const duplicate = await files.upload(path, 'v2');
    expect(duplicate.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    expect(await (await files.download(path)).data?.text()).toBe('v1');

    const upsert = await files.upload(path, 'v2', { upsert: true });
    expect(upsert.error).toBeNull();
    expect(upsert.data?.id).toBe((await files.info(path)).data?.id);
    expect(await (await files.download(path)).data?.text()).toBe('v2');

    const update = await files.update(path, 'v3');
    expect(update.error).toBeNull();
    expect(await (await files.download(path)).data?.text()).toBe('v3');

    const after = await objectRows(BUCKET, path);
    expect(after).toHaveLength(1);
    expect(after[0].version).not.toBe(first[0].version);
    // The replaced versions' bytes are gone; only the current one remains.
    await expectConsistentDisk();
  });

  it("refuses to update another user's file and keeps its content", async () => {
    const path = `${bob.id}/keep.txt`;
    expect((await bob.client.storage.from(BUCKET).upload(path, 'original')).error).toBeNull();
    const update = await alice.client.storage.from(BUCKET).update(path, 'overwritten');
    expect(update.error).toMatchObject({ statusCode: '403' });
    expect(await (await bob.client.storage.from(BUCKET).download(path)).data?.text()).toBe('original');
    await expectConsistentDisk();
  });
});

describe('list', () => {
  beforeAll(async () => {
    const files = alice.client.storage.from(BUCKET);
    for (const name of ['list/b.txt', 'list/a.txt', 'list/c.md', 'list/sub/deep.txt']) {
      const { error } = await files.upload(`${alice.id}/${name}`, name, { contentType: 'text/plain' });
      expect(error).toBeNull();
    }
  });

  it('lists files and folders at one level, sorted by name', async () => {
    const { data, error } = await alice.client.storage.from(BUCKET).list(`${alice.id}/list`);
    expect(error).toBeNull();
    expect(data?.map((f) => f.name)).toEqual(['sub', 'a.txt', 'b.txt', 'c.md']);
    const folder = data?.find((f) => f.name === 'sub');
    expect(folder).toMatchObject({ id: null, metadata: null });
    const file = data?.find((f) => f.name === 'a.txt');
    expect(file?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(file?.metadata).toMatchObject({ size: 10, mimetype: 'text/plain' });
  });

  it('honours limit, offset, sortBy and search', async () => {
    const files = alice.client.storage.from(BUCKET);
    const desc = await files.list(`${alice.id}/list`, { sortBy: { column: 'name', order: 'desc' } });
    expect(desc.data?.map((f) => f.name)).toEqual(['sub', 'c.md', 'b.txt', 'a.txt']);
    const page = await files.list(`${alice.id}/list`, { limit: 2, offset: 1 });
    expect(page.data?.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
    const search = await files.list(`${alice.id}/list`, { search: 'c' });
    expect(search.data?.map((f) => f.name)).toEqual(['c.md']);
  });

  it('lists v2: flat keys under a literal prefix, folders with a delimiter, cursor pagination', async () => {
    const files = alice.client.storage.from(BUCKET);
    const prefix = `${alice.id}/list/`;
    const flat = await files.listV2({ prefix });
    expect(flat.error).toBeNull();
    expect(flat.data?.objects.map((o) => o.name)).toEqual(
      ['a.txt', 'b.txt', 'c.md', 'sub/deep.txt'].map((n) => `${prefix}${n}`),
    );
    expect(flat.data?.hasNext).toBe(false);

    const tree = await files.listV2({ prefix, with_delimiter: true });
    expect(tree.data?.folders.map((f) => f.key)).toEqual([`${prefix}sub/`]);
    expect(tree.data?.objects).toHaveLength(3);

    const first = await files.listV2({ prefix, limit: 2 });
    expect(first.data?.objects.map((o) => o.name)).toEqual([`${prefix}a.txt`, `${prefix}b.txt`]);
    expect(first.data?.hasNext).toBe(true);
    const second = await files.listV2({ prefix, limit: 2, cursor: first.data?.nextCursor });
    expect(second.data?.objects.map((o) => o.name)).toEqual([`${prefix}c.md`, `${prefix}sub/deep.txt`]);
    expect(second.data?.hasNext).toBe(false);

    expect((await bob.client.storage.from(BUCKET).listV2({ prefix })).data?.objects).toEqual([]);
  });

  it("shows nothing of another user's folder", async () => {
    const { data, error } = await bob.client.storage.from(BUCKET).list(`${alice.id}/list`);
    expect(error).toBeNull();
    expect(data).toEqual([]);
    const root = await bob.client.storage.from(BUCKET).list();
    expect(root.data?.map((f) => f.name)).toEqual([bob.id]);
  });
});

describe('move and copy', () => {
  it('moves within the own folder and refuses moving into a foreign folder', async () => {
    const files = alice.client.storage.from(BUCKET);
    expect((await files.upload(`${alice.id}/move/from.txt`, 'moving')).error).toBeNull();
    const moved = await files.move(`${alice.id}/move/from.txt`, `${alice.id}/move/to.txt`);
    expect(moved).toEqual({ data: { message: 'Successfully moved' }, error: null });
    expect(await (await files.download(`${alice.id}/move/to.txt`)).data?.text()).toBe('moving');
    expect((await files.exists(`${alice.id}/move/from.txt`)).data).toBe(false);

    const stolen = await files.move(`${alice.id}/move/to.txt`, `${bob.id}/gift.txt`);
    expect(stolen.error).toMatchObject({ statusCode: '403' });
    expect(await objectRows(BUCKET, `${bob.id}/gift.txt`)).toEqual([]);
    expect(await (await files.download(`${alice.id}/move/to.txt`)).data?.text()).toBe('moving');

    const foreign = await bob.client.storage.from(BUCKET).move(`${alice.id}/move/to.txt`, `${bob.id}/taken.txt`);
    expect(foreign.error).toMatchObject({ statusCode: '404' });
    await expectConsistentDisk();
  });

  it('copies into the own folder with independent bytes', async () => {
    const files = alice.client.storage.from(BUCKET);
    expect(
      (await files.upload(`${alice.id}/copy/src.txt`, 'original', { contentType: 'text/plain' })).error,
    ).toBeNull();
    const copy = await files.copy(`${alice.id}/copy/src.txt`, `${alice.id}/copy/dst.txt`);
    expect(copy).toEqual({ data: { path: `${BUCKET}/${alice.id}/copy/dst.txt` }, error: null });
    expect((await files.remove([`${alice.id}/copy/src.txt`])).error).toBeNull();
    const download = await files.download(`${alice.id}/copy/dst.txt`);
    expect(await download.data?.text()).toBe('original');
    expect(download.data?.type).toBe('text/plain');

    const refused = await files.copy(`${alice.id}/copy/dst.txt`, `${bob.id}/copy.txt`);
    expect(refused.error).toMatchObject({ statusCode: '403' });
    expect(await objectRows(BUCKET, `${bob.id}/copy.txt`)).toEqual([]);
    const unreadable = await bob.client.storage.from(BUCKET).copy(`${alice.id}/copy/dst.txt`, `${bob.id}/c.txt`);
    expect(unreadable.error).toMatchObject({ statusCode: '404' });
    await expectConsistentDisk();
  });
});

describe('remove', () => {
  it('removes own files by name, skipping what the policies do not allow', async () => {
    const files = alice.client.storage.from(BUCKET);
    expect((await files.upload(`${alice.id}/rm/one.txt`, '1')).error).toBeNull();
    expect((await files.upload(`${alice.id}/rm/two.txt`, '2')).error).toBeNull();
    expect((await bob.client.storage.from(BUCKET).upload(`${bob.id}/rm/keep.txt`, 'k')).error).toBeNull();
    const before = await filesOnDisk(BUCKET);

    const { data, error } = await files.remove([
      `${alice.id}/rm/one.txt`,
      `${alice.id}/rm/two.txt`,
      `${bob.id}/rm/keep.txt`,
    ]);
    expect(error).toBeNull();
    expect(data?.map((o) => o.name).sort()).toEqual([`${alice.id}/rm/one.txt`, `${alice.id}/rm/two.txt`]);
    expect(await objectRows(BUCKET, `${alice.id}/rm/`)).toEqual([]);
    expect(await objectRows(BUCKET, `${bob.id}/rm/`)).toHaveLength(1);
    expect((await filesOnDisk(BUCKET)).length).toBe(before.length - 2);
    await expectConsistentDisk();
  });

  it('refuses deleting storage rows directly in SQL without the Storage opt-in', async () => {
    const service = serviceClient();
    expect((await service.storage.from('vault').upload('direct.txt', 'x')).error).toBeNull();
    const { adminQuery } = await import('../../src/testing/clients');
    await expect(adminQuery(`delete from storage.objects where bucket_id = 'vault'`)).rejects.toThrow(
      /Direct deletion from storage tables is not allowed/,
    );
    expect((await service.storage.from('vault').remove(['direct.txt'])).data).toHaveLength(1);
  });
});

describe('names', () => {
  it('refuses path traversal and empty names with 400 and writes nothing', async () => {
    const files = alice.client.storage.from(BUCKET);
    const before = await filesOnDisk(BUCKET);
    const encoded = await files.upload(`${alice.id}/..%2F${bob.id}/x.txt`, 'x');
    expect(encoded.error).toMatchObject({ status: 400, statusCode: '400' });
    expect(encoded.error?.message).toMatch(/^Invalid key/);
    const empty = await files.upload('', 'x');
    expect(empty.error).toMatchObject({ status: 400, statusCode: '400' });
    const move = await files.move(`${alice.id}/notes/hello.txt`, `${alice.id}/../escape.txt`);
    expect(move.error?.message).toMatch(/^Invalid key/);
    const badBucket = await alice.client.storage.from('bücket').upload(`${alice.id}/x.txt`, 'x');
    expect(badBucket.error).toMatchObject({ status: 400 });
    expect(await filesOnDisk(BUCKET)).toEqual(before);
    expect(await objectRows(BUCKET, `${alice.id}/..`)).toEqual([]);
  });
});
