import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, anonClient, serviceClient, signUpUser, type TestUser } from '../../src/testing/clients';
import { filesOnDisk } from './storage-helpers';

let frank: TestUser;

beforeAll(async () => {
  frank = await signUpUser();
});

function bucketName(prefix = 'b') {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

describe('bucket API with the service role', () => {
  it('creates, reads, lists, updates, empties and deletes a bucket', async () => {
    const storage = serviceClient().storage;
    const id = bucketName();
    const created = await storage.createBucket(id, {
      public: false,
      fileSizeLimit: '1MB',
      allowedMimeTypes: ['text/plain'],
    });
    expect(created).toEqual({ data: { name: id }, error: null });

    const got = await storage.getBucket(id);
    expect(got.error).toBeNull();
    expect(got.data).toMatchObject({
      id,
      name: id,
      public: false,
      file_size_limit: 1_000_000,
      allowed_mime_types: ['text/plain'],
      type: 'STANDARD',
    });

    const listed = await storage.listBuckets({ search: id });
    expect(listed.data?.map((b) => b.id)).toEqual([id]);

    const updated = await storage.updateBucket(id, { public: true, fileSizeLimit: 10, allowedMimeTypes: null });
    expect(updated).toEqual({ data: { message: 'Successfully updated' }, error: null });
    expect((await storage.getBucket(id)).data).toMatchObject({
      public: true,
      file_size_limit: 10,
      allowed_mime_types: null,
    });

    const files = storage.from(id);
    expect((await files.upload('a.txt', 'tiny')).error).toBeNull();
    expect((await files.upload('dir/b.txt', 'tiny')).error).toBeNull();
    expect((await files.upload('c.txt', 'far too long')).error).toMatchObject({ statusCode: '413' });
    expect(await filesOnDisk(id)).toHaveLength(2);

    const notEmpty = await storage.deleteBucket(id);
    expect(notEmpty.error).toMatchObject({ statusCode: '409', message: 'The bucket you tried to delete is not empty' });

    expect(await storage.emptyBucket(id)).toEqual({ data: { message: 'Successfully emptied' }, error: null });
    expect(await filesOnDisk(id)).toEqual([]);
    expect(await storage.deleteBucket(id)).toEqual({ data: { message: 'Successfully deleted' }, error: null });
    expect((await storage.getBucket(id)).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
    expect(await adminQuery('select 1 from storage.buckets where id = $1', [id])).toEqual([]);
  });

  it('refuses duplicates and invalid names', async () => {
    const storage = serviceClient().storage;
    const id = bucketName();
    expect((await storage.createBucket(id)).error).toBeNull();
    expect((await storage.createBucket(id)).error).toMatchObject({
      statusCode: '409',
      message: 'The resource already exists',
    });
    for (const bad of ['has/slash', '', 'x'.repeat(64), 'ünïcode']) {
      const { error } = await storage.createBucket(bad);
      expect(error, bad).toMatchObject({ status: 400, statusCode: '400' });
    }
    expect((await storage.deleteBucket(id)).error).toBeNull();
    expect((await storage.deleteBucket(id)).error).toMatchObject({ statusCode: '404' });
  });
});

describe('bucket API as users', () => {
  it('refuses bucket creation without an INSERT policy on storage.buckets', async () => {
    for (const client of [anonClient(), frank.client]) {
      const id = bucketName('user');
      const { error } = await client.storage.createBucket(id, { public: true });
      expect(error).toMatchObject({
        status: 400,
        statusCode: '403',
        message: 'new row violates row-level security policy',
      });
      expect(await adminQuery('select 1 from storage.buckets where id = $1', [id])).toEqual([]);
    }
  });

  it('shows only the buckets the SELECT policy allows', async () => {
    const { data, error } = await frank.client.storage.listBuckets();
    expect(error).toBeNull();
    const ids = data?.map((b) => b.id) ?? [];
    expect(ids).toContain('avatars');
    expect(ids).not.toContain('family-files');
    expect((await frank.client.storage.getBucket('vault')).error).toMatchObject({ statusCode: '404' });
    expect((await anonClient().storage.listBuckets()).data).toEqual([]);
  });

  it('refuses updating, emptying and deleting buckets without policies', async () => {
    expect((await frank.client.storage.updateBucket('avatars', { public: false })).error).toMatchObject({
      statusCode: '404',
    });
    expect(
      (await adminQuery<{ public: boolean }>(`select public from storage.buckets where id = 'avatars'`))[0].public,
    ).toBe(true);
    expect((await frank.client.storage.deleteBucket('vault')).error).toMatchObject({ status: 400 });
    expect((await frank.client.storage.emptyBucket('vault')).error).toMatchObject({ statusCode: '404' });
    expect(await adminQuery(`select 1 from storage.buckets where id = 'vault'`)).toHaveLength(1);
  });
});
