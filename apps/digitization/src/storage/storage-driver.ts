import type { Readable } from 'node:stream';

/** Nest token of the configured StorageDriver. */
export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

/**
 * Where validated files live, addressed by their SHA-256. Files arrive as a local temp file
 * that has already been hashed and validated; `publish` moves it into place atomically (or
 * drops it when the same content is already stored).
 */
export interface StorageDriver {
  readonly kind: 'local' | 's3';
  /** A fresh path for a temp file on the staging filesystem (deleted by the caller on failure). */
  tempPath(): string;
  /** Moves a validated temp file to its content address; true when it was new. */
  publish(tempPath: string, sha256: string): Promise<boolean>;
  exists(sha256: string): Promise<boolean>;
  open(sha256: string): Promise<Readable>;
}

/** `ab/cd/abcd…`: two levels of fan-out keep directories (or key prefixes) small. */
export function contentKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a SHA-256 hex digest');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
