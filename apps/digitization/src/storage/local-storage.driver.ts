import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { contentKey, type StorageDriver } from './storage-driver';

/**
 * Files under STORAGE_DIR at their content address. Temp files live in `<dir>/.incoming` on the
 * same filesystem, so publishing is a rename(2): atomic, a reader sees the whole file or none.
 */
export class LocalStorageDriver implements StorageDriver {
  readonly kind = 'local' as const;
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = join(root, '.incoming');
    mkdirSync(this.incoming, { recursive: true });
  }

  tempPath(): string {
    return join(this.incoming, `${randomUUID()}.part`);
  }

  async publish(tempPath: string, sha256: string): Promise<boolean> {
    if (await this.exists(sha256)) {
      await rm(tempPath, { force: true });
      return false;
    }
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true });
    await rename(tempPath, target);
    return true;
  }

  async exists(sha256: string): Promise<boolean> {
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async open(sha256: string): Promise<Readable> {
    const stream = createReadStream(this.pathOf(sha256));
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  private pathOf(sha256: string): string {
    return join(this.root, contentKey(sha256));
  }
}
