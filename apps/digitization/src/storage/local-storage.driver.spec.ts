import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalStorageDriver } from './local-storage.driver';
import { contentKey } from './storage-driver';

const sha = 'ab'.repeat(32);

describe('LocalStorageDriver', () => {
  it('moves a temp file to its content address and drops a second copy of the same content', async () => {
    const root = mkdtempSync(join(tmpdir(), 'store-'));
    const driver = new LocalStorageDriver(root);
    const first = driver.tempPath();
    writeFileSync(first, 'hello');
    expect(await driver.publish(first, sha)).toBe(true);
    expect(await text(await driver.open(sha))).toBe('hello');

    const second = driver.tempPath();
    writeFileSync(second, 'hello');
    expect(await driver.publish(second, sha)).toBe(false);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
    expect(readdirSync(join(root, 'ab', 'ab'))).toEqual([sha]);
  });

  it('refuses a key that is not a SHA-256 (no path can be smuggled in)', () => {
    expect(() => contentKey('../../etc/passwd')).toThrow(RangeError);
    expect(contentKey(sha)).toBe(`ab/ab/${sha}`);
  });
});
