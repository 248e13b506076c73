import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { adminQuery } from '../../src/testing/clients';

/**
 * The stack keeps object bytes in `<dataDir>/storage/<bucket>/<version>` and Postgres in
 * `<dataDir>/postgres`, so the database's own data_directory tells the tests where to look.
 */
export async function storageRoot(): Promise<string> {
  const [row] = await adminQuery<{ data_directory: string }>('show data_directory');
  return path.join(path.dirname(row.data_directory), 'storage');
}

/** Versions (file names) currently on disk for a bucket; temp files would show up too. */
export async function filesOnDisk(bucket: string): Promise<string[]> {
  const dir = path.join(await storageRoot(), bucket);
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** Rows in storage.objects, read as the superuser (RLS does not hide anything here). */
export async function objectRows(bucket: string, prefix = ''): Promise<{ name: string; version: string }[]> {
  return adminQuery<{ name: string; version: string }>(
    'select name, version from storage.objects where bucket_id = $1 and name like $2 order by name',
    [bucket, `${prefix}%`],
  );
}

/** Every committed row's version has its file, and no file lacks a row: nothing leaked or lost. */
export async function diskMatchesTable(bucket: string): Promise<{ files: string[]; versions: string[] }> {
  const rows = await objectRows(bucket);
  return { files: await filesOnDisk(bucket), versions: rows.map((r) => r.version).sort() };
}
