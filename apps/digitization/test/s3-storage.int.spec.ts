import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { repoRoot } from '@motcua/testing';
import { EMPTY_PAYLOAD_HASH, signV4 } from '../src/storage/sigv4.signer';
import { S3StorageDriver } from '../src/storage/s3-storage.driver';
import { contentKey } from '../src/storage/storage-driver';

jest.setTimeout(300_000);

/**
 * The S3 driver against a real S3-compatible server: S3Proxy (Maven Central, filesystem backend,
 * SigV4 required) started by infra/s3/s3proxy.sh for this file and stopped after it. What the
 * driver does (PUT by content address once, HEAD, GET) goes through the driver; what it does not
 * do yet (ranged GET, DELETE, creating the bucket) is sent with its signer, so every verb an
 * operator's store will see is checked against a server's own SigV4 verification.
 */
const port = 19000 + Number(process.env.MOTCUA_TEST_PORT_OFFSET ?? 0);
const endpoint = `http://127.0.0.1:${port}`;
const credentials = { accessKeyId: 'motcua-test', secretAccessKey: 'motcua-test-secret' };
const region = 'us-east-1';
const bucket = 'motcua-files';
const script = join(repoRoot(), 'infra/s3/s3proxy.sh');
const env = { ...process.env, S3PROXY_PORT: String(port) };

function signed(method: string, path: string, headers: Record<string, string> = {}) {
  const url = new URL(`${endpoint}/${path}`);
  const {
    canonicalRequest: _c,
    stringToSign: _s,
    ...sent
  } = signV4({
    method,
    url,
    headers: { ...headers, 'x-amz-content-sha256': EMPTY_PAYLOAD_HASH },
    payloadHash: EMPTY_PAYLOAD_HASH,
    region,
    service: 's3',
    credentials,
    now: new Date(),
  });
  return fetch(url, { method, headers: sent });
}

async function text(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3StorageDriver against S3Proxy', () => {
  const staging = mkdtempSync(join(tmpdir(), 's3-staging-'));
  const driver = new S3StorageDriver({
    endpoint,
    bucket,
    region,
    prefix: 'digitization/',
    credentials,
    stagingDir: staging,
  });

  const staged = (content: Buffer) => {
    const path = driver.tempPath();
    writeFileSync(path, content);
    return { path, sha256: createHash('sha256').update(content).digest('hex') };
  };

  beforeAll(async () => {
    execFileSync('bash', [script, 'start'], { env, stdio: 'inherit', timeout: 280_000 });
    const created = await signed('PUT', bucket);
    expect(created.status).toBe(200);
  });

  afterAll(() => {
    execFileSync('bash', [script, 'stop'], { env, stdio: 'inherit' });
  });

  it('stores a file once under its content address and reads it back whole and by range', async () => {
    const content = randomBytes(300_000);
    const first = staged(content);
    expect(await driver.exists(first.sha256)).toBe(false);
    expect(await driver.publish(first.path, first.sha256)).toBe(true);
    expect(await driver.exists(first.sha256)).toBe(true);
    expect((await text(await driver.open(first.sha256))).equals(content)).toBe(true);

    // The same bytes again: found by their address, not sent twice.
    const again = staged(content);
    expect(await driver.publish(again.path, again.sha256)).toBe(false);

    const key = `${bucket}/digitization/${contentKey(first.sha256)}`;
    const range = await signed('GET', key, { range: 'bytes=1000-1999' });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(content.subarray(1000, 2000))).toBe(true);

    expect((await signed('DELETE', key)).status).toBe(204);
    expect(await driver.exists(first.sha256)).toBe(false);
  });

  it('refuses bytes that do not match the signed SHA-256, and reports a missing object', async () => {
    const content = Buffer.from('the original scan');
    const file = staged(content);
    const tampered = staged(Buffer.from('a different scan!'));
    // The temp file holds other bytes than the hash the PUT signs: the server must refuse them.
    await expect(driver.publish(tampered.path, file.sha256)).rejects.toThrow(
      /S3 PUT .* answered 4\d\d/,
    );
    expect(await driver.exists(file.sha256)).toBe(false);

    const missing = createHash('sha256').update('never stored').digest('hex');
    expect(await driver.exists(missing)).toBe(false);
    await expect(driver.open(missing)).rejects.toThrow(/S3 GET .* answered 404/);
  });

  it('is refused with a wrong secret', async () => {
    const stranger = new S3StorageDriver({
      endpoint,
      bucket,
      region,
      prefix: 'digitization/',
      credentials: { ...credentials, secretAccessKey: 'not-the-secret' },
      stagingDir: staging,
    });
    await expect(stranger.exists('0'.repeat(64))).rejects.toThrow(/S3 HEAD .* answered 403/);
  });
});
