import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storageConfigProblems } from '../config';
import { S3StorageDriver } from './s3-storage.driver';

const sha = '4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a';

describe('S3StorageDriver requests', () => {
  const driver = new S3StorageDriver(
    {
      endpoint: 'https://s3.ap-southeast-1.amazonaws.com/',
      bucket: 'motcua-files',
      region: 'ap-southeast-1',
      prefix: 'digitization/',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
      stagingDir: mkdtempSync(join(tmpdir(), 's3-staging-')),
    },
    () => new Date('2026-11-30T01:02:03Z'),
  );

  it('addresses the content key path-style and signs the content SHA-256 as the payload hash of a PUT', () => {
    const { url, headers } = driver.signedRequest('PUT', sha, sha, { 'content-length': '10' });
    expect(url.href).toBe(
      `https://s3.ap-southeast-1.amazonaws.com/motcua-files/digitization/4b/22/${sha}`,
    );
    expect(headers['x-amz-content-sha256']).toBe(sha);
    expect(headers['x-amz-security-token']).toBe('token');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261130\/ap-southeast-1\/s3\/aws4_request, SignedHeaders=content-length;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('storageConfigProblems', () => {
  it('requires the S3 variables only with STORAGE_DRIVER=s3', () => {
    expect(storageConfigProblems({ STORAGE_DRIVER: 'local' })).toEqual([]);
    expect(
      storageConfigProblems({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'https://x', S3_BUCKET: 'b' }),
    ).toEqual([
      'S3_ACCESS_KEY_ID is required when STORAGE_DRIVER=s3',
      'S3_SECRET_ACCESS_KEY is required when STORAGE_DRIVER=s3',
    ]);
  });
});
