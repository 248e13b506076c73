import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Object bytes on disk: `<dataDir>/storage/<bucket>/<version>`. Every stored content gets a fresh
 * version (uuid) as hosted Storage does, so a write never touches bytes a committed row points at:
 * an upload writes its version first, the row switches to it in the transaction, and the replaced
 * version is removed only after commit. A refused or failed operation removes only what it wrote.
 */
export class FileStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'storage');
  }

  /** Bucket ids are validated before they get here; this keeps every path inside root regardless. */
  bucketDir(bucket: string): string {
    if (!bucket || bucket.includes('/') || bucket.includes('\\') || bucket === '..' || bucket === '.') {
      throw new Error(`unsafe bucket directory ${bucket}`);
    }
    return path.join(this.root, bucket);
  }

  pathOf(bucket: string, version: string): string {
    if (!/^[\w-]+$/.test(version)) throw new Error(`unsafe object version ${version}`);
    return path.join(this.bucketDir(bucket), version);
  }

  /** Writes atomically (temp file + rename) so a reader never sees half an object. */
  async write(bucket: string, version: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(bucket, version);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  /** A second name for existing bytes (copy/move across buckets): cheap, and independent on removal. */
  async duplicate(fromBucket: string, fromVersion: string, toBucket: string, toVersion: string): Promise<void> {
    const target = this.pathOf(toBucket, toVersion);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(this.pathOf(fromBucket, fromVersion), target);
    } catch {
      await this.write(toBucket, toVersion, await this.read(fromBucket, fromVersion));
    }
  }

  read(bucket: string, version: string): Promise<Buffer> {
    return readFile(this.pathOf(bucket, version));
  }

  async exists(bucket: string, version: string): Promise<boolean> {
    return stat(this.pathOf(bucket, version)).then(
      () => true,
      () => false,
    );
  }

  /** Best effort: a file left behind is garbage, never a correctness problem. */
  async remove(entries: { bucket: string; version: string | null }[]): Promise<void> {
    await Promise.all(
      entries
        .filter((e): e is { bucket: string; version: string } => !!e.version)
        .map((e) => rm(this.pathOf(e.bucket, e.version), { force: true }).catch(() => {})),
    );
  }
}
