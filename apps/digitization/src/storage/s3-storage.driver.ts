import { randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EMPTY_PAYLOAD_HASH, signV4, type AwsCredentials } from './sigv4.signer';
import { contentKey, type StorageDriver } from './storage-driver';

export type S3Options = {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or a MinIO/Ceph endpoint; path-style addressing. */
  endpoint: string;
  bucket: string;
  region: string;
  prefix: string;
  credentials: AwsCredentials;
  /** Staging folder for temp files (local disk). */
  stagingDir: string;
};

/**
 * S3-compatible object storage with Node's fetch and SigV4 (no SDK). Objects are immutable and
 * keyed by content: `publish` HEADs the key and PUTs the temp file only when it is absent; the
 * payload hash signed in x-amz-content-sha256 is the file's SHA-256 itself, so the store checks
 * the bytes it received. Run against S3Proxy by test/s3-storage.int.spec.ts (see docs/digitization.md).
 */
export class S3StorageDriver implements StorageDriver {
  readonly kind = 's3' as const;
  private readonly incoming: string;

  constructor(
    private readonly options: S3Options,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.incoming = join(options.stagingDir, '.incoming');
    mkdirSync(this.incoming, { recursive: true });
  }

  tempPath(): string {
    return join(this.incoming, `${randomUUID()}.part`);
  }

  async publish(tempPath: string, sha256: string): Promise<boolean> {
    try {
      if (await this.exists(sha256)) return false;
      const { size } = await stat(tempPath);
      const body = Readable.toWeb(createReadStream(tempPath)) as unknown as ReadableStream;
      const response = await this.send(
        'PUT',
        sha256,
        sha256,
        { 'content-length': String(size) },
        body,
      );
      if (!response.ok) throw new Error(`S3 PUT ${this.keyOf(sha256)} answered ${response.status}`);
      return true;
    } finally {
      await rm(tempPath, { force: true });
    }
  }

  async exists(sha256: string): Promise<boolean> {
    const response = await this.send('HEAD', sha256, EMPTY_PAYLOAD_HASH);
    if (response.status === 404) return false;
    if (!response.ok) throw new Error(`S3 HEAD ${this.keyOf(sha256)} answered ${response.status}`);
    return true;
  }

  async open(sha256: string): Promise<Readable> {
    const response = await this.send('GET', sha256, EMPTY_PAYLOAD_HASH);
    if (!response.ok || !response.body)
      throw new Error(`S3 GET ${this.keyOf(sha256)} answered ${response.status}`);
    return Readable.fromWeb(response.body);
  }

  /** The signed request, exposed for tests of its shape. */
  signedRequest(
    method: 'GET' | 'HEAD' | 'PUT',
    sha256: string,
    payloadHash: string,
    extra: Record<string, string> = {},
  ) {
    const url = new URL(
      `${this.options.endpoint.replace(/\/$/, '')}/${this.options.bucket}/${this.keyOf(sha256)}`,
    );
    const {
      canonicalRequest: _c,
      stringToSign: _s,
      ...headers
    } = signV4({
      method,
      url,
      headers: { ...extra, 'x-amz-content-sha256': payloadHash },
      payloadHash,
      region: this.options.region,
      service: 's3',
      credentials: this.options.credentials,
      now: this.clock(),
    });
    return { url, headers };
  }

  private send(
    method: 'GET' | 'HEAD' | 'PUT',
    sha256: string,
    payloadHash: string,
    extra: Record<string, string> = {},
    body?: ReadableStream,
  ) {
    const { url, headers } = this.signedRequest(method, sha256, payloadHash, extra);
    return fetch(url, { method, headers, body, duplex: body ? 'half' : undefined });
  }

  private keyOf(sha256: string): string {
    return `${this.options.prefix}${contentKey(sha256)}`;
  }
}
